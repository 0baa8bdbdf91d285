package dev.ivrflow.flow.nodes.ask;

import dev.ivrflow.flow.validate.FieldChecks;
import dev.ivrflow.flow.validate.FieldRange;
import dev.ivrflow.flow.validate.NodeCheck;
import dev.ivrflow.flow.validate.NodeValidator;
import dev.ivrflow.flow.validate.ValidationCodes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Speech recognition settings the recogniser accepts: one grammar, a confidence in [0, 1], sane timeouts. */
public final class AskValidator implements NodeValidator<AskSettings> {
    static final List<String> BUILTINS = List.of("transcribe", "digits", "yesno");
    static final List<FieldRange<AskSettings>> RANGES = List.of(
            FieldRange.above("/noInputTimeoutSeconds", AskSettings::noInputTimeoutSeconds, 0, 60, "seconds"),
            FieldRange.above("/recognitionTimeoutSeconds", AskSettings::recognitionTimeoutSeconds, 0, 120, "seconds"),
            FieldRange.above("/speechCompleteTimeoutSeconds", AskSettings::speechCompleteTimeoutSeconds, 0, 10,
                    "seconds"),
            FieldRange.from("/minConfidence", AskSettings::minConfidence, 0, 1, null));

    @Override
    public void validate(NodeCheck<AskSettings> check) {
        AskSettings s = check.settings();
        FieldChecks.required(check, "/prompt", s.prompt(), "Choose what callers hear before they speak.");
        if (s.grammar() != null) checkGrammar(check, s.grammar());
    }

    @Override
    public List<FieldRange<AskSettings>> ranges() {
        return RANGES;
    }

    /** Something was said: recognised, or heard but not matched. Silence takes noInput. */
    @Override
    public Set<String> responseExits(AskSettings settings) {
        return Set.of("recognized", "noMatch");
    }

    private static void checkGrammar(NodeCheck<AskSettings> check, Grammar g) {
        List<String> set = new ArrayList<>();
        if (g.builtin() != null) set.add("builtin");
        if (g.uri() != null) set.add("uri");
        if (g.phrases() != null && !g.phrases().isEmpty()) set.add("phrases");
        if (set.size() > 1) {
            check.error(ValidationCodes.SETTING_INVALID, "/grammar", "the grammar has " + String.join(" and ", set)
                    + ", but the recogniser listens for one of them only. Keep one.");
        }
        FieldChecks.oneOf(check, "/grammar/builtin", g.builtin(), BUILTINS);
        if (g.uri() != null) FieldChecks.required(check, "/grammar/uri", g.uri(), "Enter the grammar's address.");
        List<String> phrases = g.phrases() == null ? List.of() : g.phrases();
        for (int i = 0; i < phrases.size(); i++) {
            if (!FieldChecks.present(phrases.get(i))) {
                check.error(ValidationCodes.SETTING_INVALID, "/grammar/phrases/" + i, "phrase " + (i + 1)
                        + " of the grammar is empty. Write the words callers say, or remove it.");
            }
        }
    }
}
