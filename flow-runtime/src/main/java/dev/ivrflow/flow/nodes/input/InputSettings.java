package dev.ivrflow.flow.nodes.input;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ivrflow.flow.model.*;

import java.util.*;

/**
 * {@code input}: collect digits into a variable, checked by length and an optional regular expression. A try
 * that times out or fails the checks reprompts, up to {@code maxTries}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"prompt", "variable", "minLength", "maxLength", "terminator", "pattern", "timeoutSeconds",
        "interDigitTimeoutSeconds", "maxTries", "invalidPrompt", "timeoutPrompt"})
public record InputSettings(Prompt prompt, String variable, Integer minLength, Integer maxLength, String terminator,
                            String pattern, Double timeoutSeconds, Double interDigitTimeoutSeconds, Integer maxTries,
                            Prompt invalidPrompt, Prompt timeoutPrompt) implements NodeSettings {

    public int minLengthOrDefault() {
        return minLength == null ? 1 : minLength;
    }

    public int maxLengthOrDefault() {
        return maxLength == null ? 16 : maxLength;
    }

    public String terminatorOrDefault() {
        return terminator == null ? "#" : terminator;
    }

    public double timeoutOrDefault() {
        return timeoutSeconds == null ? 5.0 : timeoutSeconds;
    }

    public double interDigitTimeoutOrDefault() {
        return interDigitTimeoutSeconds == null ? 3.0 : interDigitTimeoutSeconds;
    }

    public int maxTriesOrDefault() {
        return maxTries == null ? 3 : maxTries;
    }

    @Override
    public List<ExitSpec> exits() {
        return List.of(ExitSpec.required("next", "valid digits were stored"),
                ExitSpec.optional("timeout", "failure", "no digits on the last try"),
                ExitSpec.optional("invalid", "failure", "digits failed the checks on the last try"),
                ExitSpec.required("failure", "no valid digits after every try"),
                ExitSpec.error());
    }

    @Override
    public List<PromptRef> prompts() {
        List<PromptRef> out = new ArrayList<>();
        if (prompt != null) out.add(new PromptRef("/prompt", prompt));
        if (invalidPrompt != null) out.add(new PromptRef("/invalidPrompt", invalidPrompt));
        if (timeoutPrompt != null) out.add(new PromptRef("/timeoutPrompt", timeoutPrompt));
        return out;
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
