package dev.ivrflow.flow.nodes.wait;

import dev.ivrflow.flow.validate.FieldChecks;
import dev.ivrflow.flow.validate.NodeCheck;
import dev.ivrflow.flow.validate.NodeValidator;

/** A pause longer than five minutes is dead air that callers hang up on; a queue or hold music fits better. */
public final class WaitValidator implements NodeValidator<WaitSettings> {
    static final double MAX_SECONDS = 300;

    @Override
    public void validate(NodeCheck<WaitSettings> check) {
        Double seconds = check.settings().seconds();
        if (FieldChecks.required(check, "/seconds", seconds, "Enter how many seconds to pause.")) {
            FieldChecks.aboveUpTo(check, "/seconds", seconds, 0, MAX_SECONDS, "seconds");
        }
    }
}
