package dev.ivrflow.app.intent;

import dev.ivrflow.flow.port.IntentClassifier;
import dev.ivrflow.flow.port.RuntimeClock;
import dev.ivrflow.llm.LlmIntentClassifier;
import dev.ivrflow.llm.LlmIntentRouting;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The classifier calls use when an LLM is configured: the cache, the LLM with the hard timeout, the local classifier
 * as fallback. Closing it closes the LLM client's connections and threads.
 */
public final class ConfiguredIntentClassifier implements IntentClassifier, AutoCloseable {
    private final LlmIntentClassifier llm;
    private final IntentClassifier routing;

    public ConfiguredIntentClassifier(IntentProperties properties, RuntimeClock clock) {
        this.llm = new LlmIntentClassifier(properties.llm().settings(properties.timeout()));
        // Cold, the client's first request takes longer than the hard timeout; warm it while the app starts.
        Thread.ofVirtual().name("llm-warm-up").start(llm::warmUp);
        this.routing = LlmIntentRouting.classifier(llm, clock, properties.timeout(), properties.cache().size(),
                properties.cache().ttl());
    }

    @Override
    public CompletionStage<Classification> classify(String text, List<Label> labels, String context) {
        return routing.classify(text, labels, context);
    }

    @Override
    public void close() {
        llm.close();
    }
}
