package dev.ivrflow.esl.codec;

import java.nio.charset.StandardCharsets;

/**
 * The body of a {@code text/event-plain} message: a second header block with percent-encoded values, then, when it
 * has its own Content-Length, that many bytes of nested body. A line without ':' inside an otherwise well-framed
 * event is skipped, as libesl does, rather than losing an event a call may be waiting for.
 */
final class PlainEventBody {
    private static final String EVENT_NAME = "Event-Name";

    private PlainEventBody() {
    }

    static EslEventResult read(byte[] bytes) {
        EslHeaders.Builder headers = EslHeaders.builder();
        int position = 0;
        while (position < bytes.length) {
            int newline = indexOf(bytes, position, (byte) '\n');
            int end = newline < 0 ? bytes.length : newline;
            int next = newline < 0 ? bytes.length : newline + 1;
            if (end > position && bytes[end - 1] == '\r') {
                end--;
            }
            if (end == position) {
                position = next;
                break;
            }
            int colon = indexOf(bytes, position, end, (byte) ':');
            if (colon > position) {
                int value = colon + 1;
                while (value < end && bytes[value] == ' ') {
                    value++;
                }
                headers.add(new String(bytes, position, colon - position, StandardCharsets.UTF_8),
                        PercentDecoding.decode(bytes, value, end));
            }
            position = next;
        }
        String name = headers.get(EVENT_NAME).orElse(null);
        if (name == null) {
            return new EslEventResult.Undecodable("a text/event-plain body has no Event-Name header");
        }
        String declared = headers.get(EslMessage.CONTENT_LENGTH).orElse(null);
        if (declared == null) {
            return new EslEventResult.Decoded(new EslEvent(name, headers.build(), null));
        }
        long length = ContentLength.parse(declared);
        int left = bytes.length - position;
        if (length < 0 || length > left) {
            return new EslEventResult.Undecodable("the " + name + " event declares Content-Length '" + declared
                    + "' but " + left + " byte(s) follow its headers");
        }
        String body = new String(bytes, position, (int) length, StandardCharsets.UTF_8);
        return new EslEventResult.Decoded(new EslEvent(name, headers.build(), body));
    }

    private static int indexOf(byte[] bytes, int from, byte wanted) {
        return indexOf(bytes, from, bytes.length, wanted);
    }

    private static int indexOf(byte[] bytes, int from, int to, byte wanted) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
