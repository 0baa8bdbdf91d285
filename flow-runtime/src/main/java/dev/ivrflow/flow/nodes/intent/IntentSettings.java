package dev.ivrflow.flow.nodes.intent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ivrflow.flow.model.*;

import java.util.*;

/**
 * {@code intent}: classify text (by default the last transcript) into one of the declared intents. At or above
 * {@code acceptThreshold} the intent's exit is taken; below it, {@code fallback}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"text", "intents", "acceptThreshold", "context"})
public record IntentSettings(String text, List<IntentDef> intents, Double acceptThreshold, String context) implements NodeSettings {

    public static final String DEFAULT_TEXT = "last.transcript";

    public String textOrDefault() {
        return text == null ? DEFAULT_TEXT : text;
    }

    public List<IntentDef> intentsOrEmpty() {
        return intents == null ? List.of() : intents;
    }

    public double acceptThresholdOrDefault() {
        return acceptThreshold == null ? 0.7 : acceptThreshold;
    }

    @Override
    public List<ExitSpec> exits() {
        List<ExitSpec> out = new ArrayList<>();
        for (IntentDef i : intentsOrEmpty()) {
            if (i.name() != null) out.add(ExitSpec.required(i.name(), i.description() == null ? i.name() : i.description()));
        }
        out.add(ExitSpec.required("fallback", "no intent was recognised with enough confidence"));
        out.add(ExitSpec.optional("error", "fallback", "the classifier failed"));
        return out;
    }

    @Override
    public List<ExpressionRef> expressions() {
        return List.of(ExpressionRef.expression("/text", textOrDefault()));
    }
}
