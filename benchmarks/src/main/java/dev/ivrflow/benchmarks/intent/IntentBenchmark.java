package dev.ivrflow.benchmarks.intent;

import dev.ivrflow.flow.intent.LocalIntentClassifier;
import dev.ivrflow.flow.port.IntentClassifier;
import dev.ivrflow.flow.port.IntentClassifier.Classification;
import dev.ivrflow.flow.port.IntentClassifier.Label;
import dev.ivrflow.flow.port.RuntimeClock;
import dev.ivrflow.llm.LlmIntentClassifier;
import dev.ivrflow.llm.LlmIntentRouting;
import dev.ivrflow.llm.LlmSettings;
import dev.ivrflow.llm.stub.ChatCompletionsStub;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How long an intent node waits for its classification: the local classifier (keywords, fuzzy matching, examples),
 * the LLM path through the real client (openai-java) against a chat-completions server on 127.0.0.1 that answers
 * after a fixed delay (0 ms: the client's own cost; 50 ms: a fast hosted model), with the hard timeout and fallback
 * around it, and a cache hit. The labels are the voice-first example's four intents.
 */
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class IntentBenchmark {
    static final List<Label> LABELS = List.of(
            new Label("newClaim", "the caller wants to report an accident, damage, a theft or a broken windshield, or"
                    + " start a new claim", List.of("I was in a car accident", "I need to file a claim",
                    "someone hit my car", "my car was stolen", "report a cracked windshield")),
            new Label("claimStatus", "the caller asks about a claim they already filed: its status, their adjuster, a"
                    + " repair or a payout", List.of("what is the status of my claim", "I want to talk to my adjuster",
                    "when will my claim be paid", "check on my claim")),
            new Label("billing", "the caller wants to pay, or has a question about their bill, premium or payment"
                    + " method", List.of("I want to pay my bill", "make a payment", "why did my premium go up",
                    "update my credit card")),
            new Label("roadside", "the caller needs roadside assistance now: a tow, a flat tire, a dead battery, keys"
                    + " locked in the car, out of fuel", List.of("I need a tow", "my car broke down",
                    "I have a flat tire", "my battery is dead", "I locked my keys in the car")));
    static final String CONTEXT = "Phone line of Clearpath, a US car insurance company.";
    static final String SAID = "I'd like to make a payment on my account";

    /** The local classifier: no state to set up. */
    @State(Scope.Benchmark)
    public static class Local {
        final LocalIntentClassifier classifier = new LocalIntentClassifier();
    }

    /** The LLM path as calls use it (hard timeout, local fallback), against a server answering after a delay. */
    @State(Scope.Benchmark)
    public static class Llm {
        @Param({"0", "50"})
        public int delayMs;

        ChatCompletionsStub server;
        LlmIntentClassifier llm;
        SchedulerClock clock;
        IntentClassifier uncached;
        IntentClassifier cached;
        final AtomicLong sentence = new AtomicLong();

        @Setup(Level.Trial)
        public void start() {
            server = new ChatCompletionsStub(r -> ChatCompletionsStub.answer("billing", 0.93)
                    .after(Duration.ofMillis(delayMs)));
            llm = new LlmIntentClassifier(new LlmSettings(server.baseUrl(), "bench-model", "bench-key"));
            clock = new SchedulerClock();
            uncached = LlmIntentRouting.classifier(llm, clock, Duration.ofMillis(1500), 0, Duration.ofMinutes(10));
            cached = LlmIntentRouting.classifier(llm, clock, Duration.ofMillis(1500), 10_000, Duration.ofMinutes(10));
            // a warm client, and the cached sentence in the cache before measuring (a cold first request can miss
            // the hard timeout, and a local answer is never cached)
            llm.warmUp();
            for (int i = 0; i < 10 && !Classification.LLM.equals(classify(cached, SAID).source()); i++) {
                Thread.onSpinWait();
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            llm.close();
            server.close();
            clock.close();
        }

        /** A sentence never asked before, so no cache could answer it. */
        String fresh() {
            return SAID + " number " + sentence.incrementAndGet();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Classification local(Local s) {
        return s.classifier.classifyNow(SAID, LABELS);
    }

    /** A full round trip: prompt, HTTP on loopback, the server's delay, the reply read and checked. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Classification llm(Llm s) {
        return classify(s.uncached, s.fresh());
    }

    /** The same words again, from the cache (the server's delay never applies). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Classification cacheHit(Llm s) {
        return classify(s.cached, SAID);
    }

    static Classification classify(IntentClassifier classifier, String text) {
        return classifier.classify(text, LABELS, CONTEXT).toCompletableFuture().join();
    }

    /** Real time with one timer thread, as the application's clock. */
    static final class SchedulerClock implements RuntimeClock, AutoCloseable {
        private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon(true).name("bench-clock").factory());

        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public Cancellable schedule(Duration delay, Runnable task) {
            var f = timers.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        }

        @Override
        public void close() {
            timers.shutdownNow();
        }
    }
}
