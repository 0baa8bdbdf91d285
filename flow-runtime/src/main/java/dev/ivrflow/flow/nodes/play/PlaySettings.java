package dev.ivrflow.flow.nodes.play;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ivrflow.flow.model.*;

import java.util.*;

/** {@code play}: an audio file, URL or tone; with {@code bargeIn}, any key stops it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"prompt", "bargeIn"})
public record PlaySettings(Prompt prompt, Boolean bargeIn) implements NodeSettings {

    public boolean bargeInOrDefault() {
        return Boolean.TRUE.equals(bargeIn);
    }

    @Override
    public List<ExitSpec> exits() {
        return List.of(ExitSpec.required("next", "after the audio"), ExitSpec.error());
    }

    @Override
    public List<PromptRef> prompts() {
        return prompt == null ? List.of() : List.of(new PromptRef("/prompt", prompt));
    }

    @Override
    public boolean takesTime() {
        return true;
    }
}
