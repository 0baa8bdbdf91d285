package dev.ivrflow.flow.port;

import java.time.Duration;

/** Record to {@code path} for at most {@code max}, stopping after {@code silence} below {@code silenceThreshold}. */
public record RecordRequest(String path, Duration max, Duration silence, int silenceThreshold, boolean beep) {
}
