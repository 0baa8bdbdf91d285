package dev.ivrflow.flow.nodes.record;

import dev.ivrflow.flow.validate.FieldRange;
import dev.ivrflow.flow.validate.NodeCheck;
import dev.ivrflow.flow.validate.NodeValidator;

import java.util.List;
import java.util.Set;

/** Bounds that keep a recording a message rather than an open microphone. */
public final class RecordValidator implements NodeValidator<RecordSettings> {
    static final List<FieldRange<RecordSettings>> RANGES = List.of(
            FieldRange.from("/maxSeconds", RecordSettings::maxSeconds, 1, 3600, "seconds"),
            FieldRange.from("/silenceSeconds", RecordSettings::silenceSeconds, 1, 60, "seconds"),
            FieldRange.from("/silenceThreshold", RecordSettings::silenceThreshold, 0, 10_000, null));

    /** Nothing beyond its ranges: the prompt and the variable are checked for every node. */
    @Override
    public void validate(NodeCheck<RecordSettings> check) {
    }

    @Override
    public List<FieldRange<RecordSettings>> ranges() {
        return RANGES;
    }

    /** Something was recorded. Silence takes noInput (unwired, it falls back to next, and so does silence). */
    @Override
    public Set<String> responseExits(RecordSettings settings) {
        return Set.of("next");
    }
}
