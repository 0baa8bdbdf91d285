package dev.ivrflow.flow.nodes.ask;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ivrflow.flow.model.*;

import java.util.*;

/**
 * {@code ask}: play a prompt and recognise speech into a transcript and a confidence (stored as the node's
 * result, and in {@code variable} when given). Below {@code minConfidence} a result is a no-match.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"prompt", "grammar", "variable", "profile", "noInputTimeoutSeconds", "recognitionTimeoutSeconds",
        "speechCompleteTimeoutSeconds", "minConfidence"})
public record AskSettings(Prompt prompt, Grammar grammar, String variable, String profile,
                          Double noInputTimeoutSeconds, Double recognitionTimeoutSeconds,
                          Double speechCompleteTimeoutSeconds, Double minConfidence) implements NodeSettings {

    public Grammar grammarOrDefault() {
        return grammar == null ? Grammar.TRANSCRIBE : grammar;
    }

    public double noInputTimeoutOrDefault() {
        return noInputTimeoutSeconds == null ? 5.0 : noInputTimeoutSeconds;
    }

    public double recognitionTimeoutOrDefault() {
        return recognitionTimeoutSeconds == null ? 15.0 : recognitionTimeoutSeconds;
    }

    public double speechCompleteTimeoutOrDefault() {
        return speechCompleteTimeoutSeconds == null ? 1.0 : speechCompleteTimeoutSeconds;
    }

    public double minConfidenceOrDefault() {
        return minConfidence == null ? 0.5 : minConfidence;
    }

    @Override
    public List<ExitSpec> exits() {
        return List.of(ExitSpec.required("recognized", "speech was recognised with enough confidence"),
                ExitSpec.required("noMatch", "speech was heard but not recognised"),
                ExitSpec.optional("noInput", "noMatch", "the caller said nothing"),
                ExitSpec.error());
    }

    @Override
    public List<SymbolRef> references() {
        return profile == null ? List.of() : List.of(new SymbolRef("/profile", SymbolKind.PROFILE, profile));
    }

    @Override
    public List<PromptRef> prompts() {
        return prompt == null ? List.of() : List.of(new PromptRef("/prompt", prompt));
    }

    @Override
    public List<VariableRef> writes() {
        return variable == null ? List.of() : List.of(new VariableRef("/variable", variable));
    }

    @Override
    public boolean takesTime() {
        return true;
    }
}
