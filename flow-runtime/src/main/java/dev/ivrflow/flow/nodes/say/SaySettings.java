package dev.ivrflow.flow.nodes.say;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ivrflow.flow.model.*;

import java.util.*;

/** {@code say}: text-to-speech, one text per language (with {@code {{expr}}} templates, SSML allowed). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"text", "voice", "bargeIn"})
public record SaySettings(Map<String, String> text, String voice, Boolean bargeIn) implements NodeSettings {

    public SaySettings {
        text = text == null ? null : Collections.unmodifiableMap(new TreeMap<>(text));
    }

    public boolean bargeInOrDefault() {
        return Boolean.TRUE.equals(bargeIn);
    }

    /** The text as a prompt of TTS variants, so it resolves languages like every other prompt. */
    public Prompt asPrompt() {
        Map<String, PromptVariant> variants = new TreeMap<>();
        if (text != null) text.forEach((lang, t) -> variants.put(lang, new PromptVariant(null, t, null, null, voice)));
        return new Prompt(variants);
    }

    @Override
    public List<ExitSpec> exits() {
        return List.of(ExitSpec.required("next", "after speaking"), ExitSpec.error());
    }

    @Override
    public List<PromptRef> prompts() {
        return text == null ? List.of() : List.of(PromptRef.plainText("/text", asPrompt()));
    }

    @Override
    public boolean takesTime() {
        return true;
    }
}
