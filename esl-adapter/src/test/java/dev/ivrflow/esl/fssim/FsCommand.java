package dev.ivrflow.esl.fssim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A command as FreeSWITCH reads it from a socket ({@code read_packet} in mod_event_socket): a first line, header
 * lines {@code name: value} up to a blank line, then {@code content-length} bytes of body when that header is
 * present. Header names are matched without regard to case, as FreeSWITCH does.
 *
 * @param line    the command line ({@code sendmsg}, {@code api uuid_break ...})
 * @param headers the headers in order, keys lower-cased
 * @param body    the body, or null
 * @param raw     the exact bytes read
 */
public record FsCommand(String line, Map<String, String> headers, String body, byte[] raw) {

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The verb: the first word of the line. */
    public String verb() {
        int space = line.indexOf(' ');
        return space < 0 ? line : line.substring(0, space);
    }

    /** What follows the verb, or "". */
    public String rest() {
        int space = line.indexOf(' ');
        return space < 0 ? "" : line.substring(space + 1);
    }

    /** The application argument of a sendmsg execute: the header, or the body when one was sent. */
    public String appArg() {
        if (body != null && !body.isEmpty()) {
            return body;
        }
        return header("execute-app-arg");
    }

    /** Reads the next command; null at the end of the stream. Leading blank lines are skipped, as FreeSWITCH does. */
    public static FsCommand read(InputStream in) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        String line;
        do {
            line = readLine(in, raw);
            if (line == null) {
                return null;
            }
        } while (line.isEmpty());
        Map<String, String> headers = new LinkedHashMap<>();
        while (true) {
            String h = readLine(in, raw);
            if (h == null) {
                return null;
            }
            if (h.isEmpty()) {
                break;
            }
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).stripLeading());
            }
        }
        String body = null;
        String length = headers.get("content-length");
        if (length != null) {
            int n = Integer.parseInt(length.strip());
            byte[] bytes = in.readNBytes(n);
            if (bytes.length < n) {
                return null;
            }
            raw.writeBytes(bytes);
            body = new String(bytes, StandardCharsets.UTF_8);
        }
        return new FsCommand(line, headers, body, raw.toByteArray());
    }

    private static String readLine(InputStream in, ByteArrayOutputStream raw) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            raw.write(b);
            if (b == '\n') {
                return line.toString(StandardCharsets.UTF_8).replace("\r", "");
            }
            line.write(b);
        }
    }
}
