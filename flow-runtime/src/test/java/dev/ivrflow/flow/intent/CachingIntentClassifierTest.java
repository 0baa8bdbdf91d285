package dev.ivrflow.flow.intent;

import dev.ivrflow.flow.port.IntentClassifier;
import dev.ivrflow.flow.port.IntentClassifier.Classification;
import dev.ivrflow.flow.port.IntentClassifier.Label;
import dev.ivrflow.flow.sim.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.assertj.core.api.Assertions.assertThat;

/** The same question about the same words is asked of the LLM once, for a while; nothing else is remembered. */
class CachingIntentClassifierTest {
    private static final List<Label> LABELS = List.of(new Label("billing", "invoices", List.of("pay my bill")),
            new Label("support", "problems", List.of("it is broken")));

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-05T10:00:00Z"));

    /** Counts the questions it is asked and answers with the given source. */
    private static final class Counting implements IntentClassifier {
        final List<String> asked = new ArrayList<>();
        String source = Classification.LLM;

        @Override
        public CompletionStage<Classification> classify(String text, List<Label> labels, String context) {
            asked.add(text);
            return CompletableFuture.completedFuture(new Classification("billing", 0.9, source));
        }
    }

    private static Classification now(CompletionStage<Classification> stage) {
        return stage.toCompletableFuture().join();
    }

    @Test
    void shouldAnswerTheSameWordsFromTheCacheWhateverTheirCaseAccentsAndPunctuation() {
        // given an LLM behind the cache
        Counting llm = new Counting();
        var cache = new CachingIntentClassifier(llm, 100, Duration.ofMinutes(10), clock);

        // when the same words come three times, written differently
        Classification first = now(cache.classify("I want to pay my bill", LABELS, "insurer"));
        Classification second = now(cache.classify("  i WANT to pay my bill!  ", LABELS, "insurer"));
        Classification third = now(cache.classify("I want to pay my bíll", LABELS, "insurer"));

        // then the LLM was asked once, and the others say they came from the cache
        assertThat(llm.asked).containsExactly("I want to pay my bill");
        assertThat(first.source()).isEqualTo(Classification.LLM);
        assertThat(second).isEqualTo(new Classification("billing", 0.9, Classification.CACHE));
        assertThat(third.source()).isEqualTo(Classification.CACHE);
    }

    @Test
    void shouldAskAgainForAnotherQuestion() {
        // given an answer in the cache
        Counting llm = new Counting();
        var cache = new CachingIntentClassifier(llm, 100, Duration.ofMinutes(10), clock);
        now(cache.classify("pay my bill", LABELS, "insurer"));

        // when the same words come with other labels, another context, or other words
        now(cache.classify("pay my bill", LABELS.subList(0, 1), "insurer"));
        now(cache.classify("pay my bill", LABELS, "bank"));
        now(cache.classify("pay my bills", LABELS, "insurer"));

        // then each is a new question
        assertThat(llm.asked).hasSize(4);
    }

    @Test
    void shouldNotKeepAnswersThatAreNotTheLlms() {
        // given a classifier answering from the local fallback (the LLM was down)
        Counting fallback = new Counting();
        fallback.source = Classification.FALLBACK_AFTER_ERROR;
        var cache = new CachingIntentClassifier(fallback, 100, Duration.ofMinutes(10), clock);

        // when the same words come twice
        now(cache.classify("pay my bill", LABELS, null));
        now(cache.classify("pay my bill", LABELS, null));

        // then both were asked: the outage left nothing behind
        assertThat(fallback.asked).hasSize(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void shouldForgetAnAnswerAfterItsTimeToLive() {
        // given an answer in the cache for 10 minutes
        Counting llm = new Counting();
        var cache = new CachingIntentClassifier(llm, 100, Duration.ofMinutes(10), clock);
        now(cache.classify("pay my bill", LABELS, null));

        // when 9 minutes, then 11 minutes have passed
        clock.advance(Duration.ofMinutes(9));
        now(cache.classify("pay my bill", LABELS, null));
        clock.advance(Duration.ofMinutes(2));
        now(cache.classify("pay my bill", LABELS, null));

        // then the LLM was asked again only after 10 minutes
        assertThat(llm.asked).hasSize(2);
    }

    @Test
    void shouldKeepNoMoreThanItsBound() {
        // given a cache of 10 answers
        Counting llm = new Counting();
        var cache = new CachingIntentClassifier(llm, 10, Duration.ofMinutes(10), clock);

        // when 50 different sentences come
        for (int i = 0; i < 50; i++) now(cache.classify("sentence number " + i, LABELS, null));

        // then it holds at most 10
        assertThat(cache.size()).isLessThanOrEqualTo(10);
    }
}
