package dev.ivrflow.flow.nodes.wait;

import dev.ivrflow.flow.validate.FieldChecks;
import dev.ivrflow.flow.validate.FieldRange;
import dev.ivrflow.flow.validate.NodeCheck;
import dev.ivrflow.flow.validate.NodeValidator;

import java.util.List;

/** A pause longer than five minutes is dead air that callers hang up on; a queue or hold music fits better. */
public final class WaitValidator implements NodeValidator<WaitSettings> {
    static final FieldRange<WaitSettings> SECONDS =
            FieldRange.above("/seconds", WaitSettings::seconds, 0, 300, "seconds");

    @Override
    public void validate(NodeCheck<WaitSettings> check) {
        FieldChecks.required(check, "/seconds", check.settings().seconds(), "Enter how many seconds to pause.");
    }

    @Override
    public List<FieldRange<WaitSettings>> ranges() {
        return List.of(SECONDS);
    }
}
