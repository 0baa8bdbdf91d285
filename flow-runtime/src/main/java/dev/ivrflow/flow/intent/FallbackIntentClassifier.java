package dev.ivrflow.flow.intent;

import dev.ivrflow.flow.port.IntentClassifier;
import dev.ivrflow.flow.port.RuntimeClock;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Asks a primary classifier (the LLM) and, when it has not answered within a hard timeout, fails, or answers with
 * nothing usable, answers with the fallback classifier (the local one) instead: source
 * {@value Classification#FALLBACK_AFTER_ERROR}, with the reason, which is also logged. It never fails and never
 * blocks: the timeout is a timer on the injected clock, and the answer completes on whichever thread got there first
 * (the call's session hops back to its own executor).
 */
public final class FallbackIntentClassifier implements IntentClassifier {
    private static final System.Logger LOG = System.getLogger(FallbackIntentClassifier.class.getName());

    private final IntentClassifier primary;
    private final IntentClassifier fallback;
    private final RuntimeClock clock;
    private final Duration timeout;

    public FallbackIntentClassifier(IntentClassifier primary, IntentClassifier fallback, RuntimeClock clock,
                                    Duration timeout) {
        this.primary = Objects.requireNonNull(primary, "primary");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be more than zero, not " + timeout);
        }
        this.timeout = timeout;
    }

    @Override
    public CompletionStage<Classification> classify(String text, List<Label> labels, String context) {
        CompletableFuture<Classification> answer = new CompletableFuture<>();
        CompletionStage<Classification> asked;
        try {
            asked = primary.classify(text, labels, context);
        } catch (RuntimeException e) {
            asked = CompletableFuture.failedFuture(e);
        }
        if (asked == null) asked = CompletableFuture.failedFuture(new IllegalStateException("the classifier returned nothing"));
        CompletableFuture<Classification> pending = asked.toCompletableFuture();
        RuntimeClock.Cancellable timer = clock.schedule(timeout, () -> {
            if (answer.isDone()) return;
            fallBack(answer, text, labels, context, "no answer within " + timeout.toMillis() + " ms");
            pending.cancel(true);
        });
        pending.whenComplete((c, error) -> {
            timer.cancel();
            if (answer.isDone()) return;
            if (error != null) fallBack(answer, text, labels, context, describe(error));
            else if (c == null) fallBack(answer, text, labels, context, "the classifier answered nothing");
            else answer.complete(c);
        });
        return answer;
    }

    private void fallBack(CompletableFuture<Classification> answer, String text, List<Label> labels, String context,
                          String reason) {
        LOG.log(System.Logger.Level.WARNING, "intent classification fell back to the local classifier: {0}", reason);
        try {
            fallback.classify(text, labels, context).whenComplete((c, error) -> answer.complete(c == null
                    ? Classification.none(Classification.FALLBACK_AFTER_ERROR, reason + "; the fallback failed too")
                    : c.withSource(Classification.FALLBACK_AFTER_ERROR, reason)));
        } catch (RuntimeException e) {
            answer.complete(Classification.none(Classification.FALLBACK_AFTER_ERROR, reason + "; the fallback failed too"));
        }
    }

    /** The error and its causes, the first lines of each: "OpenAIIoException: Request failed (IOException: ...)". */
    static String describe(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        StringBuilder b = new StringBuilder(line(t));
        int depth = 0;
        for (Throwable c = t.getCause(); c != null && c != t && depth < 3; c = c.getCause(), depth++) {
            b.append(" (").append(line(c));
        }
        b.append(")".repeat(depth));
        return b.length() > 400 ? b.substring(0, 400) + "…" : b.toString();
    }

    private static String line(Throwable t) {
        String message = t.getMessage();
        String what = t.getClass().getSimpleName();
        return message == null || message.isBlank() ? what : what + ": " + message.strip().lines().findFirst().orElse("");
    }
}
