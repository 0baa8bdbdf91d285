package dev.ivrflow.benchmarks.intent;

import dev.ivrflow.flow.port.IntentClassifier.Classification;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The intent benchmark measures what it says: each path answers billing, from the source it is named after. */
class IntentBenchmarkTest {

    @Test
    void shouldAnswerBillingLocallyFromTheLlmAndFromTheCache() {
        // given the benchmark's states, the server answering at once
        IntentBenchmark benchmark = new IntentBenchmark();
        IntentBenchmark.Local local = new IntentBenchmark.Local();
        IntentBenchmark.Llm llm = new IntentBenchmark.Llm();
        llm.delayMs = 0;
        llm.start();
        try {
            // when each benchmark runs once
            Classification byLocal = benchmark.local(local);
            Classification byLlm = benchmark.llm(llm);
            Classification byCache = benchmark.cacheHit(llm);

            // then billing each time, from the local classifier, the LLM and the cache
            assertThat(byLocal.label()).isEqualTo("billing");
            assertThat(byLocal.source()).isEqualTo(Classification.LOCAL);
            assertThat(byLlm).isEqualTo(new Classification("billing", 0.93, Classification.LLM, null));
            assertThat(byCache.source()).isEqualTo(Classification.CACHE);
        } finally {
            llm.stop();
        }
    }
}
