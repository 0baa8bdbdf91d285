package dev.ivrflow.flow.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A prompt held in a node's settings, at a pointer relative to them. Its templates (TTS text, file paths) and its
 * symbolic prompt names are derived from it, so a settings record only lists its prompts. {@code plainText} marks
 * a prompt written as plain texts by language (the say node's {@code text}), whose templates sit at the language
 * key itself rather than at its {@code tts} field.
 */
public record PromptRef(String pointer, Prompt prompt, boolean plainText) {

    public PromptRef(String pointer, Prompt prompt) {
        this(pointer, prompt, false);
    }

    public static PromptRef plainText(String pointer, Prompt prompt) {
        return new PromptRef(pointer, prompt, true);
    }

    public List<ExpressionRef> templates() {
        List<ExpressionRef> out = new ArrayList<>();
        for (Map.Entry<String, PromptVariant> e : prompt.byLanguage().entrySet()) {
            PromptVariant v = e.getValue();
            if (v == null) continue;
            if (v.tts() != null) {
                String at = plainText ? Pointers.join(pointer, e.getKey()) : Pointers.join(pointer, e.getKey(), "tts");
                out.add(ExpressionRef.template(at, v.tts()));
            }
            if (v.file() != null) out.add(ExpressionRef.template(Pointers.join(pointer, e.getKey(), "file"), v.file()));
        }
        return out;
    }

    public List<SymbolRef> symbols() {
        List<SymbolRef> out = new ArrayList<>();
        for (Map.Entry<String, PromptVariant> e : prompt.byLanguage().entrySet()) {
            if (e.getValue() != null && e.getValue().ref() != null) {
                out.add(new SymbolRef(Pointers.join(pointer, e.getKey(), "ref"), SymbolKind.PROMPT, e.getValue().ref()));
            }
        }
        return out;
    }
}
