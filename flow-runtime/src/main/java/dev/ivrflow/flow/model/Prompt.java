package dev.ivrflow.flow.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Map;
import java.util.Optional;

/**
 * What the caller hears: one variant per language (a BCP 47 tag such as {@code en-US}), or {@code "*"} for
 * a variant that serves every language (a tone, a beep). Written as a JSON object keyed by language.
 */
public record Prompt(Map<String, PromptVariant> byLanguage) {

    public static final String ANY_LANGUAGE = "*";

    public Prompt {
        byLanguage = Maps.sortedCopy(byLanguage);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Prompt of(Map<String, PromptVariant> byLanguage) {
        return new Prompt(byLanguage);
    }

    @JsonValue
    public Map<String, PromptVariant> json() {
        return byLanguage;
    }

    /** The variant for a language, else the "*" variant, else the flow's default language's variant. */
    public Optional<PromptVariant> resolve(String language, String defaultLanguage) {
        PromptVariant v = byLanguage.get(language);
        if (v == null) v = byLanguage.get(ANY_LANGUAGE);
        if (v == null) v = byLanguage.get(defaultLanguage);
        return Optional.ofNullable(v);
    }

    public boolean covers(String language) {
        return byLanguage.containsKey(language) || byLanguage.containsKey(ANY_LANGUAGE);
    }
}
