package dev.ivrflow.esl.codec;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * FreeSWITCH's header value encoding ({@code switch_url_encode}), undone the way {@code esl_url_decode} does it:
 * only {@code %XX} escapes. {@link java.net.URLDecoder} is not used because it also turns {@code +} into a space,
 * which would corrupt the raw {@code Reply-Text: +OK ...}. A value with a broken escape, or escapes that do not
 * form UTF-8, is kept exactly as sent rather than guessed at.
 */
final class PercentDecoding {
    private PercentDecoding() {
    }

    /** Decodes {@code bytes[from, to)} as a UTF-8 header value. */
    static String decode(byte[] bytes, int from, int to) {
        int percent = indexOf(bytes, from, to);
        if (percent < 0) {
            return new String(bytes, from, to - from, StandardCharsets.UTF_8);
        }
        byte[] out = new byte[to - from];
        int length = percent - from;
        System.arraycopy(bytes, from, out, 0, length);
        for (int i = percent; i < to; i++) {
            byte b = bytes[i];
            if (b == '%') {
                int high = i + 2 < to ? hex(bytes[i + 1]) : -1;
                int low = high < 0 ? -1 : hex(bytes[i + 2]);
                if (low < 0) {
                    return raw(bytes, from, to);
                }
                out[length++] = (byte) (high << 4 | low);
                i += 2;
            } else {
                out[length++] = b;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            return raw(bytes, from, to);
        }
    }

    static String decode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return decode(bytes, 0, bytes.length);
    }

    private static String raw(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '%') {
                return i;
            }
        }
        return -1;
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }
}
