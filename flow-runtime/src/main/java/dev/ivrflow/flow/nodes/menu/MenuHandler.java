package dev.ivrflow.flow.nodes.menu;

import dev.ivrflow.flow.model.SymbolKind;
import dev.ivrflow.flow.port.Audio;
import dev.ivrflow.flow.port.DigitRequest;
import dev.ivrflow.flow.port.DigitResult;
import dev.ivrflow.flow.port.SpeechRequest;
import dev.ivrflow.flow.port.SpeechResult;
import dev.ivrflow.flow.runtime.Attempts;
import dev.ivrflow.flow.runtime.Attempts.Verdict;
import dev.ivrflow.flow.runtime.JournalEvent.Kind;
import dev.ivrflow.flow.runtime.NodeContext;
import dev.ivrflow.flow.runtime.NodeHandler;
import dev.ivrflow.flow.runtime.Step;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Plays the menu and routes by digits, or by speech when the options have phrases (one recognition accepts
 * either). If the recogniser fails, the menu goes on with keys only rather than failing the call.
 */
public final class MenuHandler implements NodeHandler<MenuSettings> {

    @Override
    public Step enter(NodeContext<MenuSettings> ctx) {
        MenuSettings s = ctx.settings();
        boolean[] speech = {s.speechEnabled()};
        return Attempts.run(ctx, s.maxTriesOrDefault(), s.invalidPrompt(), s.timeoutPrompt(),
                attempt -> ask(ctx, s, speech),
                answer -> judge(ctx, s, answer, speech));
    }

    private CompletionStage<Object> ask(NodeContext<MenuSettings> ctx, MenuSettings s, boolean[] speech) {
        List<Audio> prompt = ctx.audio(s.prompt());
        Duration timeout = seconds(s.timeoutOrDefault());
        Duration interDigit = seconds(s.interDigitTimeoutOrDefault());
        if (speech[0]) {
            String profile = s.profile() == null ? null : ctx.resolve(SymbolKind.PROFILE, s.profile());
            SpeechRequest request = new SpeechRequest(List.of(new SpeechRequest.GrammarSpec(null, null, phrases(s))),
                    ctx.language(), profile, timeout, Duration.ofSeconds(15), Duration.ofMillis(800),
                    s.bargeInOrDefault(), true, s.maxDigits(), keys(s));
            return ctx.ports().recognizer().recognize(ctx.ports().channel(), prompt, request).thenApply(r -> r);
        }
        DigitRequest request = new DigitRequest(1, s.maxDigits(), terminators(s), timeout, interDigit,
                s.bargeInOrDefault());
        return ctx.ports().channel().collectDigits(prompt, request).thenApply(r -> r);
    }

    private Verdict judge(NodeContext<MenuSettings> ctx, MenuSettings s, Object answer, boolean[] speech) {
        return switch (answer) {
            case DigitResult d -> d.empty() ? Attempts.timeout() : byDigits(ctx, s, d.digits(), "dtmf", null, 1.0);
            case SpeechResult r -> switch (r.status()) {
                case NO_INPUT -> Attempts.timeout();
                case NO_MATCH -> Attempts.invalid(r.best() == null ? "" : r.best().text());
                case ERROR -> {
                    ctx.journal(Kind.DECISION, Map.of("speechError", String.valueOf(r.error()), "action", "keys only"));
                    speech[0] = false;
                    yield Attempts.invalid("(speech recognition failed)");
                }
                case RECOGNIZED -> {
                    SpeechResult.Hypothesis h = r.best();
                    if (h.mode() == SpeechResult.Mode.DTMF) yield byDigits(ctx, s, h.text(), "dtmf", null, 1.0);
                    yield bySpeech(ctx, s, h);
                }
            };
            default -> throw new IllegalStateException("unexpected answer " + answer);
        };
    }

    private Verdict byDigits(NodeContext<MenuSettings> ctx, MenuSettings s, String digits, String mode,
                             String transcript, double confidence) {
        for (MenuOption o : s.optionsOrEmpty()) {
            if (digits.equals(o.digits())) return choose(ctx, o, digits, mode, transcript, confidence);
        }
        return Attempts.invalid(digits);
    }

    private Verdict bySpeech(NodeContext<MenuSettings> ctx, MenuSettings s, SpeechResult.Hypothesis h) {
        if (h.confidence() < s.minConfidenceOrDefault()) return Attempts.invalid(h.text());
        String said = normalize(h.interpretation() != null ? h.interpretation() : h.text());
        for (MenuOption o : s.optionsOrEmpty()) {
            if (o.exit().equals(h.interpretation())) return choose(ctx, o, "", "speech", h.text(), h.confidence());
        }
        for (MenuOption o : s.optionsOrEmpty()) {
            for (String p : o.phrasesOrEmpty()) {
                if (normalize(p).equals(said)) return choose(ctx, o, "", "speech", h.text(), h.confidence());
            }
        }
        return Attempts.invalid(h.text());
    }

    private Verdict choose(NodeContext<MenuSettings> ctx, MenuOption o, String digits, String mode, String transcript,
                           double confidence) {
        var result = new java.util.HashMap<String, Object>();
        result.put("digits", digits);
        result.put("choice", o.exit());
        result.put("mode", mode);
        result.put("transcript", transcript == null ? "" : transcript);
        result.put("confidence", confidence);
        ctx.putResult(result);
        ctx.journal(Kind.INPUT, Map.of(mode.equals("dtmf") ? "digits" : "speech",
                mode.equals("dtmf") ? digits : transcript, "choice", o.exit()));
        return Attempts.accept(Step.take(o.exit()));
    }

    private static List<SpeechRequest.Phrase> phrases(MenuSettings s) {
        List<SpeechRequest.Phrase> out = new ArrayList<>();
        for (MenuOption o : s.optionsOrEmpty()) {
            for (String p : o.phrasesOrEmpty()) out.add(new SpeechRequest.Phrase(p, o.exit()));
        }
        return out;
    }

    /** Each option's digits, standing for the option's exit, so the recogniser's grammar can accept them too. */
    private static List<SpeechRequest.Phrase> keys(MenuSettings s) {
        List<SpeechRequest.Phrase> out = new ArrayList<>();
        for (MenuOption o : s.optionsOrEmpty()) {
            if (o.digits() != null && !o.digits().isEmpty()) out.add(new SpeechRequest.Phrase(o.digits(), o.exit()));
        }
        return out;
    }

    /** '#' ends multi-digit entry, unless an option itself uses it. */
    private static String terminators(MenuSettings s) {
        boolean hashUsed = s.optionsOrEmpty().stream().anyMatch(o -> o.digits() != null && o.digits().contains("#"));
        return hashUsed || s.maxDigits() <= 1 ? "" : "#";
    }

    private static String normalize(String text) {
        return text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}]", "").replaceAll("\\s+", " ");
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }
}
