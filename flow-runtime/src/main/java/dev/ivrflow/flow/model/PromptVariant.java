package dev.ivrflow.flow.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Exactly one of: an audio {@code file} (a path or URL), TTS text ({@code tts}, with {@code {{expr}}}
 * templates and optional SSML when it starts with {@code <speak}), a {@code tone} (a FreeSWITCH tone
 * spec such as {@code %(250,0,800)}), or {@code ref}, a symbolic prompt name bound by the environment.
 * {@code voice} picks a TTS voice.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"file", "tts", "tone", "ref", "voice"})
public record PromptVariant(String file, String tts, String tone, String ref, String voice) {

    public static PromptVariant tts(String text) {
        return new PromptVariant(null, text, null, null, null);
    }

    public static PromptVariant file(String path) {
        return new PromptVariant(path, null, null, null, null);
    }

    public static PromptVariant tone(String spec) {
        return new PromptVariant(null, null, spec, null, null);
    }
}
