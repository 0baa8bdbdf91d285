package dev.ivrflow.flow.nodes.hangup;

import dev.ivrflow.flow.validate.FieldChecks;
import dev.ivrflow.flow.validate.NodeCheck;
import dev.ivrflow.flow.validate.NodeValidator;

import java.util.List;

/** The runtime maps any other cause to "normal" silently, so an unknown one is reported here instead. */
public final class HangupValidator implements NodeValidator<HangupSettings> {
    static final List<String> CAUSES = List.of("normal", "busy", "unavailable");

    @Override
    public void validate(NodeCheck<HangupSettings> check) {
        FieldChecks.oneOf(check, "/cause", check.settings().cause(), CAUSES);
    }
}
