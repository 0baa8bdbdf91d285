package dev.ivrflow.flow.nodes.say;

import dev.ivrflow.flow.model.Pointers;
import dev.ivrflow.flow.validate.NodeCheck;
import dev.ivrflow.flow.validate.NodeValidator;
import dev.ivrflow.flow.validate.ValidationCodes;

import java.util.Map;

/**
 * A say node needs text to speak. A language with no text at all is the prompt check's business (it falls back
 * to the default language); a blank text would be spoken as silence, so it is reported here.
 */
public final class SayValidator implements NodeValidator<SaySettings> {
    @Override
    public void validate(NodeCheck<SaySettings> check) {
        Map<String, String> text = check.settings().text();
        if (text == null) {
            check.error(ValidationCodes.SAY_TEXT_MISSING, "/text", "there is no text to speak. Write what callers"
                    + " should hear, in " + (check.defaultLanguage() == null ? "the default language"
                    : check.defaultLanguage()) + " at least.");
            return;
        }
        text.forEach((language, t) -> {
            if (t != null && t.isBlank()) {
                check.error(ValidationCodes.SAY_TEXT_MISSING, Pointers.join("/text", language), "the " + language
                        + " text is empty, so those callers would hear silence. Write the text, or remove the language.");
            }
        });
    }
}
