package dev.ivrflow.flow.port;

import java.time.Duration;

/** Where the recording is and how long it is; an empty recording has a zero length. */
public record RecordResult(String path, Duration length) {
    public boolean empty() {
        return length == null || length.isZero() || length.isNegative();
    }
}
