package dev.ivrflow.esl.codec;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * One well-formed frame from FreeSWITCH: its header block (values already percent-decoded, as libesl does) and,
 * when a Content-Length was sent, its body. The body is kept as bytes, because lengths inside it (the nested
 * Content-Length of a plain event) count bytes, and is turned into text only when asked for.
 */
public final class EslMessage implements EslFrame {
    public static final String CONTENT_TYPE = "Content-Type";
    public static final String CONTENT_LENGTH = "Content-Length";
    public static final String REPLY_TEXT = "Reply-Text";
    public static final String JOB_UUID = "Job-UUID";

    private final EslHeaders headers;
    private final byte[] body;
    private final long wireSize;
    private String bodyText;

    EslMessage(EslHeaders headers, byte[] body, long wireSize) {
        this.headers = Objects.requireNonNull(headers, "headers");
        this.body = body;
        this.wireSize = wireSize;
    }

    /** A message built by hand (tests, the simulator); its wire size is left unknown (-1). */
    public static EslMessage of(EslHeaders headers, String body) {
        return new EslMessage(headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8), -1);
    }

    public EslHeaders headers() {
        return headers;
    }

    public Optional<String> header(String name) {
        return headers.get(name);
    }

    /** The Content-Type; empty only for hand-built messages, because the parser rejects frames without one. */
    public EslContentType contentType() {
        return EslContentType.of(headers.getOrDefault(CONTENT_TYPE, ""));
    }

    public boolean is(EslContentType type) {
        return contentType().equals(type);
    }

    /** True when a Content-Length came with the frame, even {@code Content-Length: 0}. */
    public boolean hasBody() {
        return body != null;
    }

    /** The body as UTF-8 text; malformed sequences become U+FFFD rather than failing the frame. */
    public Optional<String> body() {
        if (body == null) {
            return Optional.empty();
        }
        String text = bodyText;
        if (text == null) {
            text = new String(body, StandardCharsets.UTF_8);
            bodyText = text;
        }
        return Optional.of(text);
    }

    public int bodyLength() {
        return body == null ? 0 : body.length;
    }

    /** A copy of the body bytes (empty when there is no body). */
    public byte[] bodyBytes() {
        return body == null ? new byte[0] : body.clone();
    }

    byte[] rawBody() {
        return body;
    }

    /** Bytes this frame took on the wire, header block and body; -1 for a hand-built message. */
    public long wireSize() {
        return wireSize;
    }

    /** The decoded Reply-Text: {@code +OK accepted}, {@code -ERR command not found}, or {@code +OK\n} for connect. */
    public Optional<String> replyText() {
        return headers.get(REPLY_TEXT);
    }

    /**
     * Whether the Reply-Text says {@code +OK}. An api/response has no Reply-Text: its body is the command's own
     * output, which may be {@code +OK ...}, {@code -ERR ...} or plain data, so this is false for it.
     */
    public boolean isOk() {
        return replyText().map(text -> text.startsWith("+OK")).orElse(false);
    }

    /** Whether the Reply-Text, or for an api/response the body, starts with {@code -ERR}. */
    public boolean isErr() {
        Optional<String> text = is(EslContentType.API_RESPONSE) ? body() : replyText();
        return text.map(t -> t.startsWith("-ERR")).orElse(false);
    }

    /** The Job-UUID of a bgapi reply (the same id the BACKGROUND_JOB event will carry). */
    public Optional<String> jobUuid() {
        return headers.get(JOB_UUID);
    }

    @Override
    public String toString() {
        String text = body().map(b -> b.length() > 60 ? b.substring(0, 60) + "..." : b).orElse("");
        return "EslMessage[" + contentType() + ", " + headers.size() + " headers"
                + (hasBody() ? ", body " + body.length + " bytes: " + text.replace("\n", "\\n") : "") + "]";
    }
}
