package dev.ivrflow.flow.nodes.maxduration;

import dev.ivrflow.flow.validate.FieldChecks;
import dev.ivrflow.flow.validate.FieldRange;
import dev.ivrflow.flow.validate.NodeCheck;
import dev.ivrflow.flow.validate.NodeValidator;

import java.util.List;

/** Under ten seconds a cap would cut calls before the caller has heard anything: surely a typo. */
public final class MaxDurationValidator implements NodeValidator<MaxDurationSettings> {
    static final FieldRange<MaxDurationSettings> SECONDS =
            FieldRange.from("/seconds", MaxDurationSettings::seconds, 10, 86_400, "seconds");

    @Override
    public void validate(NodeCheck<MaxDurationSettings> check) {
        FieldChecks.required(check, "/seconds", check.settings().seconds(), "Enter the longest a call may last, in"
                + " seconds.");
    }

    @Override
    public List<FieldRange<MaxDurationSettings>> ranges() {
        return List.of(SECONDS);
    }
}
