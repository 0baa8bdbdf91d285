package dev.ivrflow.flow.nodes.menu;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ivrflow.flow.model.*;

import java.util.*;

/**
 * {@code menu}: play a prompt and route by digits or spoken phrases. A try that times out or gets an unknown
 * choice plays the timeout or invalid prompt and the menu again, up to {@code maxTries}; then the exit is
 * {@code timeout} or {@code invalid} after the last try's reason (unwired: {@code failure}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"prompt", "options", "timeoutSeconds", "interDigitTimeoutSeconds", "maxTries", "invalidPrompt",
        "timeoutPrompt", "bargeIn", "speech", "minConfidence", "profile"})
public record MenuSettings(Prompt prompt, List<MenuOption> options, Double timeoutSeconds,
                           Double interDigitTimeoutSeconds, Integer maxTries, Prompt invalidPrompt,
                           Prompt timeoutPrompt, Boolean bargeIn, Boolean speech, Double minConfidence,
                           String profile)
        implements NodeSettings {

    /** Settings written in code without a speech confidence threshold (the default applies). */
    public MenuSettings(Prompt prompt, List<MenuOption> options, Double timeoutSeconds, Double interDigitTimeoutSeconds,
                        Integer maxTries, Prompt invalidPrompt, Prompt timeoutPrompt, Boolean bargeIn, Boolean speech,
                        String profile) {
        this(prompt, options, timeoutSeconds, interDigitTimeoutSeconds, maxTries, invalidPrompt, timeoutPrompt, bargeIn,
                speech, null, profile);
    }

    public List<MenuOption> optionsOrEmpty() {
        return options == null ? List.of() : options;
    }

    public double timeoutOrDefault() {
        return timeoutSeconds == null ? 5.0 : timeoutSeconds;
    }

    public double interDigitTimeoutOrDefault() {
        return interDigitTimeoutSeconds == null ? 2.0 : interDigitTimeoutSeconds;
    }

    public int maxTriesOrDefault() {
        return maxTries == null ? 3 : maxTries;
    }

    public boolean bargeInOrDefault() {
        return !Boolean.FALSE.equals(bargeIn);
    }

    /** Speech is on when asked for, or by default when any option has phrases. */
    public boolean speechEnabled() {
        if (speech != null) return speech;
        return optionsOrEmpty().stream().anyMatch(o -> !o.phrasesOrEmpty().isEmpty());
    }

    /** Below this recogniser confidence, a spoken choice counts as invalid. */
    public double minConfidenceOrDefault() {
        return minConfidence == null ? 0.5 : minConfidence;
    }

    public int maxDigits() {
        return optionsOrEmpty().stream().mapToInt(o -> o.digits() == null ? 0 : o.digits().length()).max().orElse(1);
    }

    @Override
    public List<ExitSpec> exits() {
        List<ExitSpec> out = new ArrayList<>();
        for (MenuOption o : optionsOrEmpty()) {
            if (o.exit() != null) out.add(ExitSpec.required(o.exit(), "the caller chose " + describe(o)));
        }
        out.add(ExitSpec.optional("timeout", "failure", "no choice on the last try"));
        out.add(ExitSpec.optional("invalid", "failure", "an unknown choice on the last try"));
        out.add(ExitSpec.required("failure", "no valid choice after every try"));
        out.add(ExitSpec.error());
        return out;
    }

    private static String describe(MenuOption o) {
        if (o.digits() != null) return "'" + o.digits() + "'";
        return o.phrasesOrEmpty().isEmpty() ? o.exit() : "\"" + o.phrasesOrEmpty().getFirst() + "\"";
    }

    @Override
    public List<SymbolRef> references() {
        return profile == null ? List.of() : List.of(new SymbolRef("/profile", SymbolKind.PROFILE, profile));
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
    public boolean takesTime() {
        return true;
    }

}
