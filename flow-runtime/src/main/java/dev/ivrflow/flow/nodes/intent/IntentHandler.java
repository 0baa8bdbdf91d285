package dev.ivrflow.flow.nodes.intent;

import dev.ivrflow.flow.port.IntentClassifier;
import dev.ivrflow.flow.runtime.JournalEvent.Kind;
import dev.ivrflow.flow.runtime.NodeContext;
import dev.ivrflow.flow.runtime.NodeHandler;
import dev.ivrflow.flow.runtime.Step;
import dev.ivrflow.flow.runtime.Values;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Classifies the text into one of the declared intents. Only a declared label at or above the accept threshold
 * routes; anything else (another label, low confidence, empty text) takes {@code fallback}. Every decision is
 * journaled with the transcript, label, confidence and source.
 */
public final class IntentHandler implements NodeHandler<IntentSettings> {

    @Override
    public Step enter(NodeContext<IntentSettings> ctx) {
        IntentSettings s = ctx.settings();
        String text = Values.text(ctx.evaluate(s.textOrDefault())).trim();
        if (text.isEmpty()) return decide(ctx, s, text, new IntentClassifier.Classification(null, 0, "none"));
        List<IntentClassifier.Label> labels = s.intentsOrEmpty().stream()
                .map(i -> new IntentClassifier.Label(i.name(), i.description(), i.examplesOrEmpty())).toList();
        return Step.await(ctx.ports().classifier().classify(text, labels, s.context()), c -> decide(ctx, s, text, c));
    }

    private Step decide(NodeContext<IntentSettings> ctx, IntentSettings s, String text,
                        IntentClassifier.Classification c) {
        boolean declared = c.label() != null && s.intentsOrEmpty().stream().anyMatch(i -> c.label().equals(i.name()));
        boolean accepted = declared && c.confidence() >= s.acceptThresholdOrDefault();
        String exit = accepted ? c.label() : "fallback";
        Map<String, Object> result = new HashMap<>();
        result.put("text", text);
        result.put("intent", accepted ? c.label() : "");
        result.put("label", c.label() == null ? "" : c.label());
        result.put("confidence", c.confidence());
        result.put("source", c.source() == null ? "" : c.source());
        ctx.putResult(result);
        Map<String, Object> why = new HashMap<>(result);
        why.put("exit", exit);
        why.put("why", accepted ? "confidence at or above " + s.acceptThresholdOrDefault()
                : !declared ? "no declared intent" : "confidence below " + s.acceptThresholdOrDefault());
        ctx.journal(Kind.DECISION, why);
        return Step.take(exit);
    }
}
