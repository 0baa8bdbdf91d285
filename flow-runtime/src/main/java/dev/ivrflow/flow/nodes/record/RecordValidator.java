package dev.ivrflow.flow.nodes.record;

import dev.ivrflow.flow.validate.FieldChecks;
import dev.ivrflow.flow.validate.NodeCheck;
import dev.ivrflow.flow.validate.NodeValidator;

/** Bounds that keep a recording a message rather than an open microphone. */
public final class RecordValidator implements NodeValidator<RecordSettings> {
    static final int MAX_SECONDS = 3600;
    static final int MAX_SILENCE_SECONDS = 60;
    static final int MAX_SILENCE_THRESHOLD = 10_000;

    @Override
    public void validate(NodeCheck<RecordSettings> check) {
        RecordSettings s = check.settings();
        FieldChecks.inRange(check, "/maxSeconds", s.maxSeconds(), 1, MAX_SECONDS, "seconds");
        FieldChecks.inRange(check, "/silenceSeconds", s.silenceSeconds(), 1, MAX_SILENCE_SECONDS, "seconds");
        FieldChecks.inRange(check, "/silenceThreshold", s.silenceThreshold(), 0, MAX_SILENCE_THRESHOLD, null);
    }
}
