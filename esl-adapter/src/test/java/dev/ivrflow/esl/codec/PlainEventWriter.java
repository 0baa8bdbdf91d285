package dev.ivrflow.esl.codec;

import java.nio.charset.StandardCharsets;

/**
 * Serialises an event the way FreeSWITCH writes {@code text/event-plain} ({@code switch_event_serialize} with
 * {@code esl_url_encode}'s unsafe set), so a JSON capture can be replayed as the plain one FreeSWITCH would send.
 */
final class PlainEventWriter {
    private static final String UNSAFE = "\r\n \"#%&+:;<=>?@[\\]^`{|}";

    private PlainEventWriter() {
    }

    static EslMessage asPlainMessage(EslEvent event) {
        StringBuilder body = new StringBuilder();
        event.headers().forEach(h -> body.append(h.name()).append(": ").append(encode(h.value())).append('\n'));
        body.append('\n');
        event.body().ifPresent(body::append);
        String text = body.toString();
        int length = text.getBytes(StandardCharsets.UTF_8).length;
        byte[] frame = ("Content-Length: " + length + "\nContent-Type: text/event-plain\n\n" + text)
                .getBytes(StandardCharsets.UTF_8);
        return (EslMessage) new EslParser().feed(frame).getFirst();
    }

    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < ' ' || c > '~' || UNSAFE.indexOf(c) >= 0) {
                out.append('%').append(String.format("%02X", c));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }
}
