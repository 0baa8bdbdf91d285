package dev.ivrflow.esl.codec;

import dev.ivrflow.esl.codec.EslMalformedFrame.Reason;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Incremental ESL frame parser: feed it bytes as they arrive, in chunks of any size, and it returns the frames
 * completed so far. A frame is a block of {@code Name: value} lines ended by a blank line, then exactly
 * Content-Length bytes of body when that header is present (FreeSWITCH puts no terminator after a body).
 *
 * <p>Header lines and bodies are buffered whole before they are decoded, so a UTF-8 character split across two
 * reads is never cut. Every buffer is bounded by {@link EslParserLimits}. The first malformed frame is reported as
 * an {@link EslMalformedFrame} and then all further input is ignored, since the frame boundaries are lost.
 *
 * <p>Not thread-safe: one parser per connection, fed from one thread.
 */
public final class EslParser {
    private enum State { HEADERS, BODY, FAILED }

    private static final int PREVIEW_BYTES = 40;

    private final EslParserLimits limits;
    private State state = State.HEADERS;
    private byte[] line = new byte[128];
    private int lineLength;
    private EslHeaders.Builder headers;
    private EslHeaders bodyHeaders;
    private byte[] body;
    private int bodyFilled;
    private long offset;
    private long frameStart;

    public EslParser() {
        this(EslParserLimits.defaults());
    }

    public EslParser(EslParserLimits limits) {
        this.limits = limits;
    }

    public List<EslFrame> feed(byte[] bytes) {
        return feed(ByteBuffer.wrap(bytes));
    }

    public List<EslFrame> feed(byte[] bytes, int offset, int length) {
        return feed(ByteBuffer.wrap(bytes, offset, length));
    }

    /** Consumes all remaining bytes of {@code bytes} and returns the frames they completed, in order. */
    public List<EslFrame> feed(ByteBuffer bytes) {
        List<EslFrame> frames = new ArrayList<>(2);
        feed(bytes, frames::add);
        return frames;
    }

    /** Like {@link #feed(ByteBuffer)}, handing each completed frame to {@code sink} instead of collecting them. */
    public void feed(ByteBuffer bytes, Consumer<? super EslFrame> sink) {
        while (bytes.hasRemaining() && state != State.FAILED) {
            if (state == State.HEADERS) {
                readHeaderBytes(bytes, sink);
            } else {
                readBodyBytes(bytes, sink);
            }
        }
        if (state == State.FAILED) {
            offset += bytes.remaining();
            bytes.position(bytes.limit());
        }
    }

    /**
     * Tells the parser the stream has ended. A frame cut off in the middle is reported as
     * {@link Reason#TRUNCATED}; a stream that ended between frames reports nothing.
     */
    public Optional<EslMalformedFrame> endOfInput() {
        if (state == State.FAILED) {
            return Optional.empty();
        }
        EslMalformedFrame truncated = null;
        if (state == State.BODY) {
            truncated = failure(Reason.TRUNCATED,
                    "the stream ended after " + bodyFilled + " of " + body.length + " body bytes");
        } else if (headers != null || lineLength > 0) {
            int lines = headers == null ? 0 : headers.size();
            truncated = failure(Reason.TRUNCATED, "the stream ended inside a header block, after " + lines
                    + " complete header line(s) and " + lineLength + " byte(s) of the next");
        }
        state = State.FAILED;
        release();
        return Optional.ofNullable(truncated);
    }

    /** True once a malformed frame was reported or the input ended; the parser then ignores all input. */
    public boolean isFailed() {
        return state == State.FAILED;
    }

    /** Bytes consumed since the parser was created. */
    public long offset() {
        return offset;
    }

    private void readHeaderBytes(ByteBuffer bytes, Consumer<? super EslFrame> sink) {
        int start = bytes.position();
        int limit = bytes.limit();
        int newline = -1;
        for (int i = start; i < limit; i++) {
            if (bytes.get(i) == '\n') {
                newline = i;
                break;
            }
        }
        int end = newline < 0 ? limit : newline;
        int chunk = end - start;
        if (lineLength + chunk > limits.maxHeaderLineBytes()) {
            String preview = overlongLinePreview(bytes, start, chunk);
            offset += chunk;
            fail(sink, Reason.HEADER_LINE_TOO_LONG, "a header line is longer than " + limits.maxHeaderLineBytes()
                    + " bytes; it starts with " + preview);
            return;
        }
        appendToLine(bytes, start, chunk);
        offset += chunk;
        if (newline < 0) {
            bytes.position(limit);
            return;
        }
        bytes.position(newline + 1);
        offset++;
        completeLine(sink);
    }

    private void appendToLine(ByteBuffer bytes, int start, int length) {
        if (lineLength + length > line.length) {
            line = Arrays.copyOf(line, Math.min(limits.maxHeaderLineBytes(), Math.max(line.length * 2, lineLength + length)));
        }
        bytes.get(start, line, lineLength, length);
        lineLength += length;
    }

    private void completeLine(Consumer<? super EslFrame> sink) {
        int length = lineLength;
        lineLength = 0;
        // FreeSWITCH ends lines with \n only; a \r\n peer (a proxy, a hand-typed test) is tolerated.
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        if (length == 0) {
            if (headers == null) {
                frameStart = offset; // a stray blank line between frames carries nothing
            } else {
                endOfHeaders(sink);
            }
            return;
        }
        if (headers == null) {
            headers = EslHeaders.builder();
        }
        int colon = indexOf(line, length, (byte) ':');
        if (colon < 0) {
            fail(sink, Reason.HEADER_WITHOUT_COLON, "a header line has no ':': " + preview(line, length));
        } else if (colon == 0) {
            fail(sink, Reason.EMPTY_HEADER_NAME, "a header line has no name: " + preview(line, length));
        } else if (headers.size() >= limits.maxHeaders()) {
            fail(sink, Reason.TOO_MANY_HEADERS, "a header block has more than " + limits.maxHeaders() + " lines");
        } else {
            int value = colon + 1;
            while (value < length && line[value] == ' ') {
                value++;
            }
            headers.add(new String(line, 0, colon, StandardCharsets.UTF_8), PercentDecoding.decode(line, value, length));
        }
    }

    private void endOfHeaders(Consumer<? super EslFrame> sink) {
        EslHeaders.Builder block = headers;
        headers = null;
        if (block.get(EslMessage.CONTENT_TYPE).isEmpty()) {
            fail(sink, Reason.MISSING_CONTENT_TYPE, "a header block has no Content-Type: " + block.build().names());
            return;
        }
        Optional<String> declared = block.get(EslMessage.CONTENT_LENGTH);
        if (declared.isEmpty()) {
            emit(sink, new EslMessage(block.build(), null, offset - frameStart));
            return;
        }
        long length = ContentLength.parse(declared.get());
        if (length < 0) {
            fail(sink, Reason.BAD_CONTENT_LENGTH,
                    "Content-Length '" + declared.get() + "' is not a non-negative decimal number");
        } else if (length > limits.maxBodyBytes()) {
            fail(sink, Reason.BODY_TOO_LARGE,
                    "Content-Length " + declared.get() + " is over the limit of " + limits.maxBodyBytes() + " bytes");
        } else if (length == 0) {
            emit(sink, new EslMessage(block.build(), new byte[0], offset - frameStart));
        } else {
            bodyHeaders = block.build();
            body = new byte[(int) length];
            bodyFilled = 0;
            state = State.BODY;
        }
    }

    private void readBodyBytes(ByteBuffer bytes, Consumer<? super EslFrame> sink) {
        int length = Math.min(bytes.remaining(), body.length - bodyFilled);
        bytes.get(body, bodyFilled, length);
        bodyFilled += length;
        offset += length;
        if (bodyFilled == body.length) {
            EslMessage message = new EslMessage(bodyHeaders, body, offset - frameStart);
            bodyHeaders = null;
            body = null;
            state = State.HEADERS;
            emit(sink, message);
        }
    }

    private void emit(Consumer<? super EslFrame> sink, EslMessage message) {
        frameStart = offset;
        sink.accept(message);
    }

    private void fail(Consumer<? super EslFrame> sink, Reason reason, String detail) {
        EslMalformedFrame failure = failure(reason, detail);
        state = State.FAILED;
        release();
        sink.accept(failure);
    }

    private EslMalformedFrame failure(Reason reason, String detail) {
        return new EslMalformedFrame(reason, detail, offset);
    }

    private void release() {
        line = new byte[0];
        lineLength = 0;
        headers = null;
        bodyHeaders = null;
        body = null;
    }

    private static int indexOf(byte[] bytes, int length, byte wanted) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private String overlongLinePreview(ByteBuffer bytes, int start, int chunk) {
        byte[] head = new byte[Math.min(PREVIEW_BYTES + 1, lineLength + chunk)];
        int fromLine = Math.min(lineLength, head.length);
        System.arraycopy(line, 0, head, 0, fromLine);
        bytes.get(start, head, fromLine, head.length - fromLine);
        return preview(head, lineLength + chunk);
    }

    /** Printable ASCII as is, anything else as \xNN, so garbage shows up readably in a log line. */
    static String preview(byte[] bytes, int length) {
        StringBuilder text = new StringBuilder("'");
        for (int i = 0; i < Math.min(length, PREVIEW_BYTES); i++) {
            int b = bytes[i] & 0xff;
            if (b >= 0x20 && b < 0x7f) {
                text.append((char) b);
            } else {
                text.append(String.format("\\x%02X", b));
            }
        }
        return text.append(length > PREVIEW_BYTES ? "'..." : "'").toString();
    }
}
