package dev.ivrflow.flow.nodes.maxduration;

import dev.ivrflow.flow.validate.FieldChecks;
import dev.ivrflow.flow.validate.NodeCheck;
import dev.ivrflow.flow.validate.NodeValidator;

/** Under ten seconds a cap would cut calls before the caller has heard anything: surely a typo. */
public final class MaxDurationValidator implements NodeValidator<MaxDurationSettings> {
    static final int MIN_SECONDS = 10;
    static final int MAX_SECONDS = 86_400;

    @Override
    public void validate(NodeCheck<MaxDurationSettings> check) {
        Integer seconds = check.settings().seconds();
        if (FieldChecks.required(check, "/seconds", seconds, "Enter the longest a call may last, in seconds.")) {
            FieldChecks.inRange(check, "/seconds", seconds, MIN_SECONDS, MAX_SECONDS, "seconds");
        }
    }
}
