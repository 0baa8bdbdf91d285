package dev.ivrflow.esl.fssim;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The frames FreeSWITCH writes on an event socket, byte for byte as mod_event_socket formats them (checked against
 * the captures by FreeSwitchSimulatorConformanceTest): lines end with {@code \n}, a header block ends with a blank
 * line, a body follows only a {@code Content-Length} and has no terminator, event bodies are compact JSON or
 * percent-encoded header lines.
 */
public final class FsFrames {
    /** The characters {@code esl_url_encode} escapes in plain headers, besides controls and non-ASCII. */
    private static final String UNSAFE = "\r\n \"#%&+:;<=>?@[\\]^`{|}";
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    static final String GOODBYE = "Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n";

    private FsFrames() {
    }

    public static byte[] commandReply(String replyText) {
        return bytes("Content-Type: command/reply\nReply-Text: " + replyText + "\n\n");
    }

    public static byte[] apiResponse(String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return concat(bytes("Content-Type: api/response\nContent-Length: " + b.length + "\n\n"), b);
    }

    /** An event in the format {@code myevents}/{@code event} asked for ({@code json} or {@code plain}). */
    public static byte[] event(boolean json, Map<String, String> headers, String body) {
        byte[] payload;
        if (json) {
            Map<String, String> object = headers;
            if (body != null) {
                object = new java.util.LinkedHashMap<>(headers);
                object.put("_body", body);
            }
            payload = JSON.writeValueAsBytes(object);
        } else {
            StringBuilder text = new StringBuilder();
            headers.forEach((name, value) -> text.append(name).append(": ").append(urlEncode(value)).append('\n'));
            if (body != null) {
                byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
                text.append("Content-Length: ").append(bodyBytes.length).append("\n\n").append(body);
            } else {
                text.append('\n');
            }
            payload = bytes(text.toString());
        }
        return concat(bytes("Content-Length: " + payload.length + "\nContent-Type: text/event-" + (json ? "json" : "plain")
                + "\n\n"), payload);
    }

    /** The reply to {@code connect}: the channel data as one header block ending in the command/reply headers. */
    public static byte[] connectReply(List<Map.Entry<String, String>> channelData) {
        StringBuilder text = new StringBuilder();
        channelData.forEach(e -> text.append(e.getKey()).append(": ").append(urlEncode(e.getValue())).append('\n'));
        text.append("Content-Type: command/reply\nReply-Text: %2BOK%0A\nSocket-Mode: async\nControl: full\n\n");
        return bytes(text.toString());
    }

    /** Sent when the channel hangs up on a lingering socket. */
    public static byte[] lingerNotice(String uuid, String channelName) {
        return bytes("Content-Type: text/disconnect-notice\nControlled-Session-UUID: " + uuid
                + "\nContent-Disposition: linger\nChannel-Name: " + channelName
                + "\nLinger-Time: -1\nContent-Length: 0\n\n");
    }

    /** Sent after {@code exit}, just before FreeSWITCH closes the socket. */
    public static byte[] goodbye(String uuid) {
        byte[] body = bytes(GOODBYE);
        return concat(bytes("Content-Type: text/disconnect-notice\nControlled-Session-UUID: " + uuid
                + "\nContent-Disposition: disconnect\nContent-Length: " + body.length + "\n\n"), body);
    }

    public static String urlEncode(String value) {
        StringBuilder out = new StringBuilder(value.length());
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

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
