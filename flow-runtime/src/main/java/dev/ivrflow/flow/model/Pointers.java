package dev.ivrflow.flow.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** JSON Pointer building (RFC 6901) and prompt listing helpers used by the settings records. */
public final class Pointers {
    private Pointers() {
    }

    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    public static String join(String base, Object... tokens) {
        StringBuilder sb = new StringBuilder(base);
        for (Object t : tokens) sb.append('/').append(escape(String.valueOf(t)));
        return sb.toString();
    }

    /** The TTS templates of a prompt, each at its own pointer. */
    public static List<ExpressionRef> templates(String pointer, Prompt prompt) {
        if (prompt == null) return List.of();
        List<ExpressionRef> out = new ArrayList<>();
        for (Map.Entry<String, PromptVariant> e : prompt.byLanguage().entrySet()) {
            PromptVariant v = e.getValue();
            if (v != null && v.tts() != null) out.add(ExpressionRef.template(join(pointer, e.getKey(), "tts"), v.tts()));
            if (v != null && v.file() != null) out.add(ExpressionRef.template(join(pointer, e.getKey(), "file"), v.file()));
        }
        return out;
    }

    /** The symbolic prompt names a prompt refers to. */
    public static List<SymbolRef> promptSymbols(String pointer, Prompt prompt) {
        if (prompt == null) return List.of();
        List<SymbolRef> out = new ArrayList<>();
        for (Map.Entry<String, PromptVariant> e : prompt.byLanguage().entrySet()) {
            if (e.getValue() != null && e.getValue().ref() != null) {
                out.add(new SymbolRef(join(pointer, e.getKey(), "ref"), SymbolKind.PROMPT, e.getValue().ref()));
            }
        }
        return out;
    }

    @SafeVarargs
    public static <T> List<T> concat(List<? extends T>... lists) {
        List<T> out = new ArrayList<>();
        for (List<? extends T> l : lists) out.addAll(l);
        return List.copyOf(out);
    }
}
