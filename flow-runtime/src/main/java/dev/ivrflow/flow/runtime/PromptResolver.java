package dev.ivrflow.flow.runtime;

import dev.ivrflow.flow.model.Prompt;
import dev.ivrflow.flow.model.PromptVariant;
import dev.ivrflow.flow.model.SymbolKind;
import dev.ivrflow.flow.port.Audio;
import dev.ivrflow.flow.port.SpeechSynthesizer;

import java.util.List;
import java.util.function.UnaryOperator;

/** Turns a prompt into audio for one language: picks the variant, renders templates, resolves prompt names. */
final class PromptResolver {
    private PromptResolver() {
    }

    static List<Audio> resolve(Prompt prompt, String language, String defaultLanguage, UnaryOperator<String> render,
                               SymbolResolver symbols, SpeechSynthesizer synthesizer) {
        if (prompt == null) return List.of();
        PromptVariant v = prompt.resolve(language, defaultLanguage).orElse(null);
        if (v == null) return List.of();
        String lang = prompt.covers(language) ? language : defaultLanguage;
        if (v.file() != null) return List.of(new Audio.File(render.apply(v.file())));
        if (v.tts() != null) return List.of(synthesizer.speech(render.apply(v.tts()), lang, v.voice()));
        if (v.tone() != null) return List.of(new Audio.Tone(v.tone()));
        if (v.ref() != null) return List.of(new Audio.File(symbols.resolve(SymbolKind.PROMPT, v.ref())));
        return List.of();
    }

    interface SymbolResolver {
        String resolve(SymbolKind kind, String name);
    }
}
