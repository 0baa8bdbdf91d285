package dev.ivrflow.esl.channel;

import java.util.Objects;

/**
 * Why a command to FreeSWITCH did not give a result. It fails the node that asked (its error exit, else the flow's
 * fallback), so it carries a sentence fit for the call's journal.
 */
public final class EslRequestFailed extends RuntimeException {
    public enum Kind {
        /** FreeSWITCH answered {@code -ERR ...}. */
        REFUSED,
        /** No reply, or no completion of a quick application, within its timeout. */
        TIMED_OUT,
        /** The call hung up before the application completed. */
        CALL_GONE,
        /** The socket closed before an answer came. */
        CONNECTION_CLOSED,
        /** An argument from the flow could not be sent safely (it would have changed the command). */
        INVALID_ARGUMENT
    }

    private final Kind kind;

    public EslRequestFailed(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
