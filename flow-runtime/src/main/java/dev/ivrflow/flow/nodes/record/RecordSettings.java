package dev.ivrflow.flow.nodes.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ivrflow.flow.model.*;

import java.util.*;

/**
 * {@code record}: an optional prompt, a beep, then record for at most {@code maxSeconds}, stopping after
 * {@code silenceSeconds} of silence or on {@code #}. The recording is stored (its reference goes in
 * {@code variable}); an empty recording takes {@code noInput}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"prompt", "beep", "maxSeconds", "silenceSeconds", "silenceThreshold", "variable"})
public record RecordSettings(Prompt prompt, Boolean beep, Integer maxSeconds, Integer silenceSeconds,
                             Integer silenceThreshold, String variable) implements NodeSettings {

    public boolean beepOrDefault() {
        return !Boolean.FALSE.equals(beep);
    }

    public int maxSecondsOrDefault() {
        return maxSeconds == null ? 120 : maxSeconds;
    }

    public int silenceSecondsOrDefault() {
        return silenceSeconds == null ? 3 : silenceSeconds;
    }

    public int silenceThresholdOrDefault() {
        return silenceThreshold == null ? 200 : silenceThreshold;
    }

    @Override
    public List<ExitSpec> exits() {
        return List.of(ExitSpec.required("next", "a message was recorded and stored"),
                ExitSpec.optional("noInput", "next", "nothing was recorded"),
                ExitSpec.error());
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
