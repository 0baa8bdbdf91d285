package dev.ivrflow.flow.nodes.conference;

import dev.ivrflow.flow.model.SymbolKind;
import dev.ivrflow.flow.validate.FieldChecks;
import dev.ivrflow.flow.validate.NodeCheck;
import dev.ivrflow.flow.validate.NodeValidator;
import dev.ivrflow.flow.validate.TemplateText;
import dev.ivrflow.flow.validate.ValidationCodes;

/**
 * A room is needed; a PIN written out (not computed by a template) must be keys a caller can press. With no
 * profile the runtime asks the environment for one named "default", which the generic name check cannot see.
 */
public final class ConferenceValidator implements NodeValidator<ConferenceSettings> {
    static final String DEFAULT_PROFILE = "default";

    @Override
    public void validate(NodeCheck<ConferenceSettings> check) {
        ConferenceSettings s = check.settings();
        FieldChecks.required(check, "/room", s.room(), "Enter the conference room to join.");
        String pin = s.pin();
        if (pin != null && TemplateText.isLiteral(pin) && !pin.matches("[0-9]+")) {
            check.error(ValidationCodes.SETTING_INVALID, "/pin", "the PIN \"" + pin + "\" is not only digits, so"
                    + " callers could not key it in. Use digits 0-9.");
        }
        var environment = check.environment();
        if (s.profile() == null && environment.declares(SymbolKind.CONFERENCE_PROFILE)
                && !environment.names(SymbolKind.CONFERENCE_PROFILE).containsKey(DEFAULT_PROFILE)) {
            check.error(ValidationCodes.SYMBOL_UNKNOWN, "/profile", "no conference profile is chosen, and this"
                    + " environment has no \"" + DEFAULT_PROFILE + "\" one to fall back on. Choose one of "
                    + String.join(", ", environment.names(SymbolKind.CONFERENCE_PROFILE).keySet()) + ".");
        }
    }
}
