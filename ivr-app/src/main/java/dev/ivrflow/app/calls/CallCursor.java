package dev.ivrflow.app.calls;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a page of a search ended: the start time and id of its last call (results are ordered by start time, then
 * id, newest first). Sent to clients as an opaque base64url string.
 */
record CallCursor(Instant startedAt, String callId) {
    private static final String VERSION = "c1";

    String encode() {
        String raw = VERSION + ":" + startedAt.toEpochMilli() + ":" + callId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Optional<CallCursor> decode(String text) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            String[] parts = raw.split(":", 3);
            if (parts.length != 3 || !parts[0].equals(VERSION) || parts[2].isEmpty()) return Optional.empty();
            return Optional.of(new CallCursor(Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
