package dev.ivrflow.flow.nodes.voicemail;

import dev.ivrflow.flow.validate.FieldChecks;
import dev.ivrflow.flow.validate.NodeCheck;
import dev.ivrflow.flow.validate.NodeValidator;

/** The mailbox is a symbolic name; whether the environment binds it is checked with the other names. */
public final class VoicemailValidator implements NodeValidator<VoicemailSettings> {
    @Override
    public void validate(NodeCheck<VoicemailSettings> check) {
        FieldChecks.required(check, "/mailbox", check.settings().mailbox(), "Choose the mailbox messages are left in.");
    }
}
