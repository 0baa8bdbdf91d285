package dev.ivrflow.llm;

import dev.ivrflow.flow.intent.CachingIntentClassifier;
import dev.ivrflow.flow.intent.FallbackIntentClassifier;
import dev.ivrflow.flow.intent.LocalIntentClassifier;
import dev.ivrflow.flow.port.IntentClassifier;
import dev.ivrflow.flow.port.RuntimeClock;

import java.time.Duration;

/**
 * The classifier a call uses when an LLM is configured: the cache, in front of the LLM with a hard timeout whose
 * failures and timeouts fall back to the local classifier.
 */
public final class LlmIntentRouting {
    private LlmIntentRouting() {
    }

    /**
     * @param hardTimeout how long a call waits for the LLM before the local classifier answers (1.5 s by default)
     * @param cacheSize   how many answers are remembered (0: none)
     * @param cacheTtl    how long each is
     */
    public static IntentClassifier classifier(LlmIntentClassifier llm, RuntimeClock clock, Duration hardTimeout,
                                              long cacheSize, Duration cacheTtl) {
        IntentClassifier guarded = new FallbackIntentClassifier(llm, new LocalIntentClassifier(), clock, hardTimeout);
        if (cacheSize <= 0) return guarded;
        return new CachingIntentClassifier(guarded, cacheSize, cacheTtl, clock);
    }
}
