package dev.ivrflow.esl.fssim.inbound;

import dev.ivrflow.esl.codec.EslEvent;
import dev.ivrflow.esl.codec.EslHeaders;
import dev.ivrflow.esl.codec.EslMessage;
import dev.ivrflow.esl.codec.EventFormat;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes an event the way mod_event_socket does: the frame {@code Content-Length: N\nContent-Type: text/event-<fmt>\n\n}
 * (length first, unlike replies), then the body as {@code switch_event_serialize} (plain: {@code Name: value} lines
 * with values url-encoded, then {@code Content-Length} and the nested body) or {@code switch_event_serialize_json}
 * (one flat cJSON object; the nested body as {@code Content-Length} and {@code _body} members at the end) writes it.
 * Checked byte for byte against every event in the captures.
 */
public final class EventWire {
    /** {@code switch_url_encode}'s unsafe set; anything below space or above '~' is encoded too. */
    private static final String UNSAFE = "\r\n \"#%&+:;<=>?@[\\]^`{|}";
    private static final String ARRAY_PREFIX = "ARRAY::";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventWire() {
    }

    public static byte[] frame(EslEvent event, EventFormat format) {
        byte[] body = switch (format) {
            case PLAIN -> plainBody(event).getBytes(StandardCharsets.UTF_8);
            case JSON -> jsonBody(event).getBytes(StandardCharsets.UTF_8);
            case XML -> throw new IllegalArgumentException("the simulator does not write text/event-xml");
        };
        byte[] head = ("Content-Length: " + body.length + "\nContent-Type: text/event-" + format.wire() + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] frame = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, frame, head.length, body.length);
        return frame;
    }

    public static String plainBody(EslEvent event) {
        StringBuilder text = new StringBuilder();
        for (EslHeaders.Header header : event.headers()) {
            if (!isContentLength(header)) {
                text.append(header.name()).append(": ").append(urlEncode(header.value())).append('\n');
            }
        }
        String body = event.body().orElse("");
        if (body.isEmpty()) {
            return text.append('\n').toString();
        }
        return text.append("Content-Length: ").append(utf8Length(body)).append("\n\n").append(body).toString();
    }

    public static String jsonBody(EslEvent event) {
        Map<String, Object> members = new LinkedHashMap<>();
        for (EslHeaders.Header header : event.headers()) {
            if (!isContentLength(header)) {
                String value = header.value();
                members.put(header.name(), value.startsWith(ARRAY_PREFIX)
                        ? value.substring(ARRAY_PREFIX.length()).split("\\|:", -1) : value);
            }
        }
        event.body().ifPresent(body -> {
            members.put(EslMessage.CONTENT_LENGTH, Integer.toString(utf8Length(body)));
            members.put("_body", body);
        });
        return JSON.writeValueAsString(members);
    }

    static String urlEncode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < ' ' || c > '~' || UNSAFE.indexOf(c) >= 0) {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    private static boolean isContentLength(EslHeaders.Header header) {
        return header.name().equalsIgnoreCase(EslMessage.CONTENT_LENGTH);
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
