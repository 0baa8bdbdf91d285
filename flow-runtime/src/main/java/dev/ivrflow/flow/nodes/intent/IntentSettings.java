package dev.ivrflow.flow.nodes.intent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ivrflow.flow.model.*;

import java.util.*;

/**
 * {@code intent}: classify text (by default the last transcript) into one of the declared intents, then decide.
 * At or above {@code acceptThreshold} the intent's exit is taken. From {@code confirmThreshold} up to the accept
 * threshold the caller is asked "Did you mean …?" and a yes takes the intent's exit. Anything else (a no, a lower
 * confidence, no intent at all) asks the caller again, up to {@code maxTries} classifications in all, and then
 * takes {@code fallback}. Left out, the confirm threshold is the accept threshold (no confirmation) and there is
 * one try: the node only classifies.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"text", "intents", "acceptThreshold", "confirmThreshold", "maxTries", "confirmPrompt",
        "repromptPrompt", "profile", "context"})
public record IntentSettings(String text, List<IntentDef> intents, Double acceptThreshold, Double confirmThreshold,
                             Integer maxTries, Prompt confirmPrompt, Prompt repromptPrompt, String profile,
                             String context) implements NodeSettings {

    public static final String DEFAULT_TEXT = "last.transcript";

    /** Settings that only classify (no confirmation, one try), as written before the decision policy. */
    public IntentSettings(String text, List<IntentDef> intents, Double acceptThreshold, String context) {
        this(text, intents, acceptThreshold, null, null, null, null, null, context);
    }

    public String textOrDefault() {
        return text == null ? DEFAULT_TEXT : text;
    }

    public List<IntentDef> intentsOrEmpty() {
        return intents == null ? List.of() : intents;
    }

    public double acceptThresholdOrDefault() {
        return acceptThreshold == null ? 0.7 : acceptThreshold;
    }

    /** The lowest confidence at which the caller is asked to confirm; at the accept threshold, nobody is. */
    public double confirmFloor() {
        return confirmThreshold == null ? acceptThresholdOrDefault() : Math.min(confirmThreshold, acceptThresholdOrDefault());
    }

    public int maxTriesOrDefault() {
        return maxTries == null ? 1 : maxTries;
    }

    /** The node may speak to the caller and wait for an answer (a confirmation, or another try). */
    public boolean asksTheCaller() {
        return confirmFloor() < acceptThresholdOrDefault() || maxTriesOrDefault() > 1;
    }

    public Optional<IntentDef> intent(String name) {
        if (name == null) return Optional.empty();
        return intentsOrEmpty().stream().filter(i -> i != null && name.equals(i.name())).findFirst();
    }

    @Override
    public List<ExitSpec> exits() {
        List<ExitSpec> out = new ArrayList<>();
        for (IntentDef i : intentsOrEmpty()) {
            if (i != null && i.name() != null) {
                out.add(ExitSpec.required(i.name(), i.description() == null ? i.name() : i.description()));
            }
        }
        out.add(ExitSpec.required("fallback", "no intent was recognised with enough confidence, or confirmed, after"
                + " every try"));
        out.add(ExitSpec.optional("error", "fallback", "the classifier failed"));
        return out;
    }

    @Override
    public List<ExpressionRef> expressions() {
        return List.of(ExpressionRef.expression("/text", textOrDefault()));
    }

    @Override
    public List<PromptRef> prompts() {
        List<PromptRef> out = new ArrayList<>();
        if (confirmPrompt != null) out.add(new PromptRef("/confirmPrompt", confirmPrompt));
        if (repromptPrompt != null) out.add(new PromptRef("/repromptPrompt", repromptPrompt));
        return out;
    }

    @Override
    public List<SymbolRef> references() {
        return profile == null ? List.of() : List.of(new SymbolRef("/profile", SymbolKind.PROFILE, profile));
    }

    @Override
    public boolean takesTime() {
        return asksTheCaller();
    }
}
