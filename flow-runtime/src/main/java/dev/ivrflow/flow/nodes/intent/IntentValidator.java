package dev.ivrflow.flow.nodes.intent;

import dev.ivrflow.flow.validate.ExitNameCheck;
import dev.ivrflow.flow.validate.ExitNameCheck.NamedExit;
import dev.ivrflow.flow.validate.FieldChecks;
import dev.ivrflow.flow.validate.FieldRange;
import dev.ivrflow.flow.validate.NodeCheck;
import dev.ivrflow.flow.validate.NodeValidator;
import dev.ivrflow.flow.validate.ValidationCodes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The classifier routes only to declared intents, each by its own exit, and can only tell them apart by what
 * they mean: so at least one intent, unique names, and a description or examples for each.
 */
public final class IntentValidator implements NodeValidator<IntentSettings> {
    /** At zero every guess would be accepted, however unsure, and fallback never taken. */
    static final FieldRange<IntentSettings> ACCEPT_THRESHOLD =
            FieldRange.above("/acceptThreshold", IntentSettings::acceptThreshold, 0, 1, null);

    @Override
    public void validate(NodeCheck<IntentSettings> check) {
        IntentSettings s = check.settings();
        List<IntentDef> intents = s.intentsOrEmpty();
        if (intents.isEmpty()) {
            check.error(ValidationCodes.INTENT_LIST_EMPTY, "/intents", "no intents are declared, so every caller takes"
                    + " the fallback exit. Add the intents callers may have, with a description and examples.");
            return;
        }
        List<NamedExit> named = new ArrayList<>();
        for (int i = 0; i < intents.size(); i++) {
            IntentDef intent = intents.get(i);
            String what = "intent " + (i + 1);
            named.add(new NamedExit(intent == null ? null : intent.name(), "/intents/" + i + "/name", what));
            if (intent == null || intent.name() == null) continue;
            boolean described = FieldChecks.present(intent.description())
                    || intent.examplesOrEmpty().stream().anyMatch(FieldChecks::present);
            if (!described) {
                check.warning(ValidationCodes.INTENT_DESCRIPTION_MISSING, "/intents/" + i, what + " (\"" + intent.name()
                        + "\") has neither a description nor examples, so the classifier has only its name to go on."
                        + " Describe what callers mean by it and give a few example sentences.");
            }
        }
        ExitNameCheck.check(check, named, check.exits().specs());
    }

    @Override
    public List<FieldRange<IntentSettings>> ranges() {
        return List.of(ACCEPT_THRESHOLD);
    }

    /** An intent was recognised in what the caller said (an intent node follows an ask); silence takes fallback. */
    @Override
    public Set<String> responseExits(IntentSettings settings) {
        return settings.intentsOrEmpty().stream().filter(Objects::nonNull).map(IntentDef::name)
                .filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }
}
