package dev.ivrflow.flow.nodes.loop;

import dev.ivrflow.flow.validate.FieldChecks;
import dev.ivrflow.flow.validate.NodeCheck;
import dev.ivrflow.flow.validate.NodeValidator;

/** The count is what makes a loop node a bound on the loop it sits in, so it must be there and modest. */
public final class LoopValidator implements NodeValidator<LoopSettings> {
    static final int MAX_TIMES = 100;

    @Override
    public void validate(NodeCheck<LoopSettings> check) {
        LoopSettings s = check.settings();
        if (FieldChecks.required(check, "/times", s.times(), "Enter how many times the body runs.")) {
            FieldChecks.inRange(check, "/times", s.times(), 1, MAX_TIMES, "times");
        }
    }
}
