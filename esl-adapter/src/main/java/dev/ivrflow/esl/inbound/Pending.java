package dev.ivrflow.esl.inbound;

import io.netty.util.concurrent.EventExecutor;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Something we wait for from FreeSWITCH (a reply, a BACKGROUND_JOB), finished exactly once: with the answer, a
 * failure, or a timeout. Confined to the connection's event loop, like the handlers that own it, so it needs no
 * locks; the callback runs there too and must only hand results on.
 */
final class Pending<T> {
    /** Receives the answer or the failure (exactly one is non-null), on the event loop. */
    @FunctionalInterface
    interface Callback<T> {
        void done(T answer, Throwable failure);
    }

    private final String description;
    private final Duration timeout;
    private final Callback<? super T> callback;
    private ScheduledFuture<?> timer;
    private boolean done;

    Pending(String description, Duration timeout, Callback<? super T> callback) {
        this.description = Objects.requireNonNull(description, "description");
        this.timeout = timeout;
        this.callback = Objects.requireNonNull(callback, "callback");
    }

    String description() {
        return description;
    }

    boolean isDone() {
        return done;
    }

    /** Starts the clock; {@code onTimeout} runs first, so an owner can drop the entry before the caller hears. */
    void startTimer(EventExecutor executor, String what, Runnable onTimeout) {
        if (timeout == null || done) {
            return;
        }
        timer = executor.schedule(() -> {
            onTimeout.run();
            fail(new TimeoutException("FreeSWITCH did not " + what + " '" + description + "' within "
                    + human(timeout)));
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** False when already finished (a reply arriving after its timeout, say), and then nothing happens. */
    boolean complete(T answer) {
        if (!finish()) {
            return false;
        }
        callback.done(answer, null);
        return true;
    }

    boolean fail(Throwable failure) {
        if (!finish()) {
            return false;
        }
        callback.done(null, failure);
        return true;
    }

    private boolean finish() {
        if (done) {
            return false;
        }
        done = true;
        if (timer != null) {
            timer.cancel(false);
        }
        return true;
    }

    static String human(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
