package dev.ivrflow.flow.nodes.ask;

import dev.ivrflow.flow.model.SymbolKind;
import dev.ivrflow.flow.port.SpeechRequest;
import dev.ivrflow.flow.port.SpeechResult;
import dev.ivrflow.flow.runtime.JournalEvent.Kind;
import dev.ivrflow.flow.runtime.NodeContext;
import dev.ivrflow.flow.runtime.NodeHandler;
import dev.ivrflow.flow.runtime.Step;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Recognises speech; a result below the confidence threshold counts as no match. */
public final class AskHandler implements NodeHandler<AskSettings> {

    @Override
    public Step enter(NodeContext<AskSettings> ctx) {
        AskSettings s = ctx.settings();
        String profile = s.profile() == null ? null : ctx.resolve(SymbolKind.PROFILE, s.profile());
        SpeechRequest request = new SpeechRequest(List.of(grammar(s.grammarOrDefault())), ctx.language(), profile,
                seconds(s.noInputTimeoutOrDefault()), seconds(s.recognitionTimeoutOrDefault()),
                seconds(s.speechCompleteTimeoutOrDefault()), true, "digits".equals(s.grammarOrDefault().builtin()), 32);
        return Step.await(ctx.ports().recognizer().recognize(ctx.ports().channel(), ctx.audio(s.prompt()), request),
                r -> outcome(ctx, s, r));
    }

    private Step outcome(NodeContext<AskSettings> ctx, AskSettings s, SpeechResult r) {
        SpeechResult.Hypothesis best = r.best();
        Map<String, Object> result = new HashMap<>();
        result.put("transcript", best == null ? "" : best.text());
        result.put("confidence", best == null ? 0.0 : best.confidence());
        result.put("interpretation", best == null || best.interpretation() == null ? "" : best.interpretation());
        result.put("mode", best == null ? "" : best.mode().name().toLowerCase(java.util.Locale.ROOT));
        result.put("status", r.status().name());
        ctx.putResult(result);
        ctx.journal(Kind.INPUT, Map.of("speech", result.get("transcript"), "confidence", result.get("confidence"),
                "status", r.status().name()));
        return switch (r.status()) {
            case NO_INPUT -> Step.take("noInput");
            case NO_MATCH -> Step.take("noMatch");
            case ERROR -> Step.fail("speech recognition failed: " + r.error());
            case RECOGNIZED -> {
                if (best == null || best.confidence() < s.minConfidenceOrDefault()) yield Step.take("noMatch");
                if (s.variable() != null) ctx.setVariable(s.variable(), best.text());
                yield Step.take("recognized");
            }
        };
    }

    static SpeechRequest.GrammarSpec grammar(Grammar g) {
        if (g.uri() != null) return new SpeechRequest.GrammarSpec(null, g.uri(), null);
        if (g.phrases() != null && !g.phrases().isEmpty()) {
            return new SpeechRequest.GrammarSpec(null, null,
                    g.phrases().stream().map(p -> new SpeechRequest.Phrase(p, p)).toList());
        }
        return SpeechRequest.GrammarSpec.builtin(g.builtin() == null ? "transcribe" : g.builtin());
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }
}
