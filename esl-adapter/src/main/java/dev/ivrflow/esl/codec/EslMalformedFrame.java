package dev.ivrflow.esl.codec;

import java.util.Objects;

/**
 * A frame the decoder refused. Framing is lost after it (nothing says where the next frame starts), so the
 * decoder ignores everything that follows and the connection should be closed.
 *
 * @param reason       what was wrong, for metrics and tests
 * @param detail       a sentence for the log, with the values involved
 * @param streamOffset the byte offset in the stream where the problem was found
 */
public record EslMalformedFrame(Reason reason, String detail, long streamOffset) implements EslFrame {
    public enum Reason {
        HEADER_LINE_TOO_LONG,
        TOO_MANY_HEADERS,
        HEADER_WITHOUT_COLON,
        EMPTY_HEADER_NAME,
        MISSING_CONTENT_TYPE,
        BAD_CONTENT_LENGTH,
        BODY_TOO_LARGE,
        TRUNCATED
    }

    public EslMalformedFrame {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    /** One line for a log: where, why, and the detail. */
    public String describe() {
        return "malformed ESL frame at byte " + streamOffset + " (" + reason + "): " + detail;
    }
}
