package dev.ivrflow.flow.nodes.callername;

import dev.ivrflow.flow.validate.FieldChecks;
import dev.ivrflow.flow.validate.NodeCheck;
import dev.ivrflow.flow.validate.NodeValidator;

/** The name is a template, compiled with the other expressions; here it only has to be there. */
public final class CallerNameValidator implements NodeValidator<CallerNameSettings> {
    @Override
    public void validate(NodeCheck<CallerNameSettings> check) {
        FieldChecks.required(check, "/name", check.settings().name(),
                "Enter the name agents should see, such as VIP {{customerName}}.");
    }
}
