package dev.ivrflow.esl.codec;

/**
 * Bounds on what one frame may hold, so a broken or hostile peer cannot make the parser buffer without end.
 * The defaults leave room for the largest real frames (a connect reply carries every channel variable as a header;
 * {@code api show modules} answers with about 40 KiB).
 *
 * @param maxHeaderLineBytes bytes in one header line, without its newline
 * @param maxHeaders         header lines in one block
 * @param maxBodyBytes       the largest Content-Length accepted
 */
public record EslParserLimits(int maxHeaderLineBytes, int maxHeaders, int maxBodyBytes) {
    public static final int DEFAULT_MAX_HEADER_LINE_BYTES = 8 * 1024;
    public static final int DEFAULT_MAX_HEADERS = 1024;
    public static final int DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;

    public EslParserLimits {
        requirePositive(maxHeaderLineBytes, "maxHeaderLineBytes");
        requirePositive(maxHeaders, "maxHeaders");
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes must not be negative, was " + maxBodyBytes);
        }
    }

    public static EslParserLimits defaults() {
        return new EslParserLimits(DEFAULT_MAX_HEADER_LINE_BYTES, DEFAULT_MAX_HEADERS, DEFAULT_MAX_BODY_BYTES);
    }

    public EslParserLimits withMaxHeaderLineBytes(int value) {
        return new EslParserLimits(value, maxHeaders, maxBodyBytes);
    }

    public EslParserLimits withMaxHeaders(int value) {
        return new EslParserLimits(maxHeaderLineBytes, value, maxBodyBytes);
    }

    public EslParserLimits withMaxBodyBytes(int value) {
        return new EslParserLimits(maxHeaderLineBytes, maxHeaders, value);
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
