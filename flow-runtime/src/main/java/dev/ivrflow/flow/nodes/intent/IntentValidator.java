package dev.ivrflow.flow.nodes.intent;

import dev.ivrflow.flow.model.Prompt;
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
 * they mean: so at least one intent, unique names, and a description or examples for each. The decision policy
 * needs its thresholds in order (confirm at most accept) and, when it speaks to the caller in a language its
 * built-in phrases do not know, prompts of the flow's own.
 */
public final class IntentValidator implements NodeValidator<IntentSettings> {
    /** At zero every guess would be accepted, however unsure, and fallback never taken. */
    static final FieldRange<IntentSettings> ACCEPT_THRESHOLD =
            FieldRange.above("/acceptThreshold", IntentSettings::acceptThreshold, 0, 1, null);
    static final FieldRange<IntentSettings> CONFIRM_THRESHOLD =
            FieldRange.from("/confirmThreshold", IntentSettings::confirmThreshold, 0, 1, null);
    static final FieldRange<IntentSettings> MAX_TRIES =
            FieldRange.from("/maxTries", IntentSettings::maxTries, 1, 10, "tries");

    @Override
    public void validate(NodeCheck<IntentSettings> check) {
        IntentSettings s = check.settings();
        checkThresholds(check, s);
        checkPhrases(check, s);
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

    private static void checkThresholds(NodeCheck<IntentSettings> check, IntentSettings s) {
        Double confirm = s.confirmThreshold();
        double accept = s.acceptThresholdOrDefault();
        if (confirm != null && confirm > accept && accept > 0 && accept <= 1) {
            check.error(ValidationCodes.INTENT_THRESHOLDS_CROSSED, "/confirmThreshold", "the confirm threshold ("
                    + confirm + ") is above the accept threshold (" + accept + "), so no caller would ever be asked"
                    + " to confirm. Lower it below " + accept + ", or raise the accept threshold.");
        }
    }

    /** The built-in phrases are in a few languages only; a flow in another needs its own prompts. */
    private static void checkPhrases(NodeCheck<IntentSettings> check, IntentSettings s) {
        boolean confirms = s.confirmFloor() < s.acceptThresholdOrDefault();
        boolean reprompts = s.maxTriesOrDefault() > 1;
        for (String language : check.languages()) {
            if (language == null || IntentPhrases.covers(language)) continue;
            if (confirms && !covered(s.confirmPrompt(), language)) missing(check, "/confirmPrompt", "confirm", language);
            if (reprompts && !covered(s.repromptPrompt(), language)) missing(check, "/repromptPrompt", "reprompt", language);
        }
    }

    private static boolean covered(Prompt prompt, String language) {
        return prompt != null && prompt.covers(language);
    }

    private static void missing(NodeCheck<IntentSettings> check, String pointer, String what, String language) {
        check.warning(ValidationCodes.INTENT_PHRASE_LANGUAGE, pointer, "the built-in " + what + " prompt has no "
                + language + " version (it is in " + String.join(", ", IntentPhrases.languages().stream().sorted().toList())
                + "), so " + language + " callers would hear English. Write the " + what + " prompt in " + language + ".");
    }

    @Override
    public List<FieldRange<IntentSettings>> ranges() {
        return List.of(ACCEPT_THRESHOLD, CONFIRM_THRESHOLD, MAX_TRIES);
    }

    /**
     * An intent was recognised in what the caller said (an intent node follows an ask, or asks again itself);
     * silence takes fallback.
     */
    @Override
    public Set<String> responseExits(IntentSettings settings) {
        return settings.intentsOrEmpty().stream().filter(Objects::nonNull).map(IntentDef::name)
                .filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }
}
