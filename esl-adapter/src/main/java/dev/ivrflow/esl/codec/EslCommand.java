package dev.ivrflow.esl.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One command to FreeSWITCH, checked and encoded when it is built: a command line, optional headers, and an
 * optional body (sent with a {@code content-length} the encoder computes, and no terminator after it).
 *
 * <p>A CR or LF anywhere but the body would end the line early and let the rest be read as a second command
 * (a caller's digits or a flow's text turned into {@code api system ...}), so such commands cannot be built:
 * the constructor throws {@link IllegalArgumentException}, long before anything reaches a socket.
 */
public final class EslCommand {
    private static final String CONTENT_LENGTH = "content-length";

    private final String line;
    private final EslHeaders headers;
    private final String body;
    private final byte[] encoded;

    private EslCommand(String line, EslHeaders headers, String body) {
        this.line = requireLine(line);
        this.headers = requireHeaders(headers, body != null);
        this.body = body;
        this.encoded = encode();
    }

    public static EslCommand of(String line) {
        return new EslCommand(line, EslHeaders.empty(), null);
    }

    public static EslCommand of(String line, EslHeaders headers) {
        return new EslCommand(line, headers, null);
    }

    /** A command with a body; {@code headers} must not hold a Content-Length, which is computed from the body. */
    public static EslCommand of(String line, EslHeaders headers, String body) {
        return new EslCommand(line, headers, Objects.requireNonNull(body, "body"));
    }

    public String line() {
        return line;
    }

    public EslHeaders headers() {
        return headers;
    }

    public Optional<String> body() {
        return Optional.ofNullable(body);
    }

    /** The exact bytes sent on the wire (a copy). */
    public byte[] toBytes() {
        return encoded.clone();
    }

    public int encodedLength() {
        return encoded.length;
    }

    byte[] encoded() {
        return encoded;
    }

    private byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + line.length());
        out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
        for (EslHeaders.Header header : headers) {
            out.writeBytes((header.name() + ": " + header.value() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        byte[] bodyBytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        if (bodyBytes != null) {
            out.writeBytes((CONTENT_LENGTH + ": " + bodyBytes.length + "\n").getBytes(StandardCharsets.UTF_8));
        }
        out.write('\n');
        if (bodyBytes != null) {
            out.writeBytes(bodyBytes);
        }
        return out.toByteArray();
    }

    private static String requireLine(String line) {
        Objects.requireNonNull(line, "line");
        if (line.isBlank()) {
            throw new IllegalArgumentException("an ESL command line must not be blank");
        }
        requireSingleLine("the command line", line);
        return line;
    }

    private static EslHeaders requireHeaders(EslHeaders headers, boolean hasBody) {
        Objects.requireNonNull(headers, "headers");
        for (EslHeaders.Header header : headers) {
            String name = header.name();
            if (name.isEmpty() || !name.chars().allMatch(c -> c > ' ' && c < 0x7f && c != ':')) {
                throw new IllegalArgumentException("header name '" + escape(name)
                        + "' must be printable ASCII with no spaces or ':'");
            }
            requireSingleLine("header " + name, header.value());
        }
        if (hasBody && headers.contains(CONTENT_LENGTH)) {
            throw new IllegalArgumentException("content-length is computed from the body; do not set it");
        }
        return headers;
    }

    /** Also refuses NUL, which FreeSWITCH's C strings would silently cut at. */
    static void requireSingleLine(String what, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == '\0') {
                throw new IllegalArgumentException(what + " must not contain CR, LF or NUL (at index " + i + "): '"
                        + escape(value) + "'");
            }
        }
    }

    private static String escape(String value) {
        String shown = value.length() > 60 ? value.substring(0, 60) + "..." : value;
        return shown.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EslCommand that && Arrays.equals(encoded, that.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    /** Hides the password of {@code auth}, since commands end up in logs. */
    @Override
    public String toString() {
        String shown = line.regionMatches(true, 0, "auth ", 0, 5) ? "auth ****" : line;
        return "EslCommand[" + shown + (headers.isEmpty() ? "" : ", " + headers)
                + (body == null ? "" : ", body " + body.length() + " chars") + "]";
    }
}
