package dev.ivrflow.flow.nodes.loop;

import dev.ivrflow.flow.validate.FieldChecks;
import dev.ivrflow.flow.validate.FieldRange;
import dev.ivrflow.flow.validate.NodeCheck;
import dev.ivrflow.flow.validate.NodeValidator;

import java.util.List;
import java.util.Set;

/** The count is what makes a loop node a bound on the loop it sits in, so it must be there and modest. */
public final class LoopValidator implements NodeValidator<LoopSettings> {
    static final FieldRange<LoopSettings> TIMES = FieldRange.from("/times", LoopSettings::times, 1, 100, "times");

    @Override
    public void validate(NodeCheck<LoopSettings> check) {
        FieldChecks.required(check, "/times", check.settings().times(), "Enter how many times the body runs.");
    }

    @Override
    public List<FieldRange<LoopSettings>> ranges() {
        return List.of(TIMES);
    }

    /** The body is taken at most {@code times} times in a row; done is not bounded, since the count then restarts. */
    @Override
    public Set<String> countedExits(LoopSettings settings) {
        return Set.of("body");
    }
}
