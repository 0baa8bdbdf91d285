package dev.ivrflow.flow.intent;

import dev.ivrflow.flow.port.IntentClassifier;
import dev.ivrflow.flow.port.IntentClassifier.Classification;
import dev.ivrflow.flow.port.IntentClassifier.Label;
import dev.ivrflow.flow.sim.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever the primary classifier does, the call gets an answer: its own, or the local one with the reason. */
class FallbackIntentClassifierTest {
    private static final List<Label> LABELS = List.of(
            new Label("billing", "invoices and payments", List.of("pay my bill")),
            new Label("support", "technical problems", List.of("my internet is down")));
    private static final Duration TIMEOUT = Duration.ofMillis(1500);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-05T10:00:00Z"));

    private FallbackIntentClassifier over(IntentClassifier primary) {
        return new FallbackIntentClassifier(primary, new LocalIntentClassifier(), clock, TIMEOUT);
    }

    private static Classification now(CompletionStage<Classification> stage) {
        CompletableFuture<Classification> f = stage.toCompletableFuture();
        assertThat(f).as("answered without waiting").isDone();
        return f.join();
    }

    @Test
    void shouldPassThePrimarysAnswerThrough() {
        // given a primary that answers
        var classifier = over((text, labels, context) ->
                CompletableFuture.completedFuture(new Classification("support", 0.93, Classification.LLM)));

        // when asked
        Classification c = now(classifier.classify("I want to pay my bill", LABELS, null));

        // then its answer, and no timer left behind
        assertThat(c).isEqualTo(new Classification("support", 0.93, Classification.LLM));
        assertThat(clock.nextTimer()).isNull();
    }

    @Test
    void shouldAnswerLocallyWhenThePrimaryMissesTheHardTimeout() {
        // given a primary that never answers
        CompletableFuture<Classification> never = new CompletableFuture<>();
        var classifier = over((text, labels, context) -> never);

        // when asked, and 1.5 s pass on the clock
        CompletableFuture<Classification> answer = classifier.classify("I want to pay my bill", LABELS, null)
                .toCompletableFuture();
        assertThat(answer).isNotDone();
        clock.advance(TIMEOUT);

        // then the local answer, marked as a fallback with the reason, and the LLM request abandoned
        Classification c = now(answer);
        assertThat(c.label()).isEqualTo("billing");
        assertThat(c.source()).isEqualTo(Classification.FALLBACK_AFTER_ERROR);
        assertThat(c.reason()).isEqualTo("no answer within 1500 ms");
        assertThat(never).isCancelled();
    }

    @Test
    void shouldIgnoreALateAnswerAfterTheTimeout() {
        // given a primary that answers after the timeout
        CompletableFuture<Classification> late = new CompletableFuture<>();
        var classifier = over((text, labels, context) -> late);
        CompletableFuture<Classification> answer = classifier.classify("my internet is down", LABELS, null)
                .toCompletableFuture();

        // when the timeout passes, then the answer comes
        clock.advance(TIMEOUT);
        late.complete(new Classification("billing", 1.0, Classification.LLM));

        // then the local answer stands
        assertThat(now(answer)).extracting(Classification::label, Classification::source)
                .containsExactly("support", Classification.FALLBACK_AFTER_ERROR);
    }

    @Test
    void shouldAnswerLocallyWhenThePrimaryFailsThrowsOrAnswersNothing() {
        // given primaries that fail each way
        var failed = over((t, l, c) -> CompletableFuture.failedFuture(new IllegalStateException("HTTP 500 from the LLM")));
        var thrown = over((t, l, c) -> {
            throw new IllegalArgumentException("bad request");
        });
        var nothing = over((t, l, c) -> CompletableFuture.completedFuture(null));
        var nullStage = over((t, l, c) -> null);

        // when asked, then local answers with the reasons
        assertThat(now(failed.classify("pay my bill", LABELS, null)))
                .extracting(Classification::label, Classification::source, Classification::reason)
                .containsExactly("billing", "fallback-after-error", "IllegalStateException: HTTP 500 from the LLM");
        assertThat(now(thrown.classify("pay my bill", LABELS, null)).reason()).isEqualTo("IllegalArgumentException: bad request");
        assertThat(now(nothing.classify("pay my bill", LABELS, null)).reason()).isEqualTo("the classifier answered nothing");
        assertThat(now(nullStage.classify("pay my bill", LABELS, null)).reason()).contains("returned nothing");
        assertThat(clock.nextTimer()).as("timers cancelled").isNull();
    }

    @Test
    void shouldAnswerWithNoLabelWhenTheFallbackFailsToo() {
        // given both classifiers broken
        IntentClassifier broken = (t, l, c) -> CompletableFuture.failedFuture(new RuntimeException("down"));
        var classifier = new FallbackIntentClassifier(broken, broken, clock, TIMEOUT);

        // when asked
        Classification c = now(classifier.classify("pay my bill", LABELS, null));

        // then no label, never an exception
        assertThat(c.label()).isNull();
        assertThat(c.source()).isEqualTo(Classification.FALLBACK_AFTER_ERROR);
        assertThat(c.reason()).contains("the fallback failed too");
    }
}
