package dev.ivrflow.benchmarks;

import dev.ivrflow.flow.FlowToolkit;
import dev.ivrflow.flow.intent.LocalIntentClassifier;
import dev.ivrflow.flow.port.Audio;
import dev.ivrflow.flow.port.BridgeRequest;
import dev.ivrflow.flow.port.BridgeResult;
import dev.ivrflow.flow.port.CallChannel;
import dev.ivrflow.flow.port.CallInfo;
import dev.ivrflow.flow.port.DigitRequest;
import dev.ivrflow.flow.port.DigitResult;
import dev.ivrflow.flow.port.FlowResolver;
import dev.ivrflow.flow.port.HangupCause;
import dev.ivrflow.flow.port.HttpPort;
import dev.ivrflow.flow.port.JournalSink;
import dev.ivrflow.flow.port.QueueRequest;
import dev.ivrflow.flow.port.QueueResult;
import dev.ivrflow.flow.port.RecordRequest;
import dev.ivrflow.flow.port.RecordResult;
import dev.ivrflow.flow.port.SpeechRecognizer;
import dev.ivrflow.flow.port.SpeechRequest;
import dev.ivrflow.flow.port.SpeechResult;
import dev.ivrflow.flow.port.SpeechSynthesizer;
import dev.ivrflow.flow.runtime.CallPorts;
import dev.ivrflow.flow.runtime.CallSession;
import dev.ivrflow.flow.runtime.CompiledFlow;
import dev.ivrflow.flow.runtime.RuntimeLimits;
import dev.ivrflow.flow.sim.InMemoryRecordings;
import dev.ivrflow.flow.sim.ManualClock;
import dev.ivrflow.flow.sim.SimCall;
import dev.ivrflow.flow.sim.TrampolineExecutor;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * How much heap a call costs while it waits for the caller, and how fast parked calls wake up. Starts N calls on
 * one compiled department flow (hours, greeting, counter, CRM lookup, VIP check), each parked in the menu on a
 * digit collection that never completes by itself; measures the used heap after full collections before and after,
 * divided by N; then the caller of every call presses 1 and the calls run to their end (play, queue, hang-up).
 *
 * <p>Not a JMH benchmark: retained heap is one reading, not a rate. Run it with a fixed heap, e.g.
 * {@code java -Xmx1g -cp benchmarks/target/benchmarks.jar dev.ivrflow.benchmarks.IdleSessionHeap 10000 50000}.
 */
public final class IdleSessionHeap {
    private static final RuntimeLimits LIMITS = RuntimeLimits.DEFAULT;
    private static final HttpPort CRM = request -> CompletableFuture.completedFuture(
            new HttpPort.Response(200, Map.of(), "{\"customer\":{\"tier\":\"silver\",\"name\":\"Ada\"}}"));

    private final FlowToolkit toolkit = new FlowToolkit();
    private final CompiledFlow flow = InterpreterBenchmark.compiled(toolkit,
            FlowGenerator.generate(FlowGenerator.SECTION_SIZE + 3));
    private long ended;

    public static void main(String[] args) throws InterruptedException {
        int[] counts = args.length == 0 ? new int[]{10_000, 50_000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        var runtime = ManagementFactory.getRuntimeMXBean();
        System.out.printf("JVM: %s %s (%s), %d cores, max heap %d MB%n", runtime.getVmName(), Runtime.version(),
                System.getProperty("java.vendor"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("JVM flags: " + String.join(" ", runtime.getInputArguments()));
        System.out.println("GC: " + ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList());
        IdleSessionHeap harness = new IdleSessionHeap();
        harness.measure(2_000, false); // loads and JIT-compiles the code paths, so the first figure is not inflated
        for (int n : counts) harness.measure(n, true);
    }

    private void measure(int n, boolean print) throws InterruptedException {
        long before = usedHeapAfterGc();
        Round round = run(n);
        // Everything the calls used, the clock included, is unreachable now: what remains is kept by shared code.
        long afterwards = usedHeapAfterGc();
        if (!print) return;
        System.out.printf("%,d calls: started (6 nodes each, up to the menu) in %,d ms%n", n, round.startNanos / 1_000_000);
        System.out.printf("  heap while waiting: %,d KB more than before = %,d bytes per waiting call%n",
                (round.parkedHeap - before) >> 10, (round.parkedHeap - before) / n);
        System.out.printf("  caller presses 1 in every call: all resumed and ran to the end (menu, play, queue,"
                + " hang-up) in %,d ms = %.1f us per call%n", round.resumeNanos / 1_000_000, round.resumeNanos / 1_000.0 / n);
        System.out.printf("  heap once the ended calls were dropped: %+,d KB against before%n", (afterwards - before) >> 10);
    }

    private record Round(long startNanos, long parkedHeap, long resumeNanos) {
    }

    private Round run(int n) throws InterruptedException {
        ManualClock clock = new ManualClock(SimCall.DEFAULT_TIME);
        CallPorts shared = new CallPorts(null, SpeechRecognizer.viaChannel(), SpeechSynthesizer.fixed("unimrcp", null),
                // The journal goes to storage in batches, so it is no part of a waiting call's heap.
                new LocalIntentClassifier(), CRM, clock, JournalSink.NONE, new InMemoryRecordings(), FlowResolver.NONE);
        ended = 0;
        // Held here as the runtime's registry of live calls would hold them.
        CallSession[] sessions = new CallSession[n];
        ParkedChannel[] channels = new ParkedChannel[n];
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            String uuid = new UUID(0xCA11L, i).toString();
            channels[i] = new ParkedChannel(new CallInfo(uuid, "+1555" + (1_000_000 + i), null, "+15550199", Map.of()));
            sessions[i] = new CallSession(uuid, flow, shared.withChannel(channels[i]), toolkit.handlers(), LIMITS,
                    new TrampolineExecutor(), s -> ended++);
            sessions[i].start();
        }
        long started = System.nanoTime() - t0;
        for (CallSession s : sessions) {
            if (s.status() != CallSession.Status.WAITING || !"s0_menu".equals(s.currentNodeId())) {
                throw new IllegalStateException("call " + s.callId() + " is " + s.status() + " at " + s.currentNodeId()
                        + " (" + s.endReason() + "), not waiting in the menu");
            }
        }
        long parked = usedHeapAfterGc();

        t0 = System.nanoTime();
        for (ParkedChannel c : channels) c.press("1");
        long resumed = System.nanoTime() - t0;
        if (ended != n) throw new IllegalStateException(ended + " of " + n + " calls ended after the key press");
        return new Round(started, parked, resumed);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /**
     * A channel where everything the switch does completes at once, except collecting digits: that waits until the
     * benchmark presses a key, as a caller who has not decided yet.
     */
    private static final class ParkedChannel implements CallChannel {
        private final CallInfo info;
        private CompletableFuture<DigitResult> digits;

        ParkedChannel(CallInfo info) {
            this.info = info;
        }

        void press(String key) {
            CompletableFuture<DigitResult> waiting = digits;
            digits = null;
            waiting.complete(new DigitResult(key, DigitResult.Ending.COMPLETE));
        }

        @Override
        public CallInfo info() {
            return info;
        }

        @Override
        public CompletionStage<DigitResult> collectDigits(List<Audio> prompt, DigitRequest request) {
            digits = new CompletableFuture<>();
            return digits;
        }

        @Override
        public CompletionStage<PlayResult> play(List<Audio> audio, boolean bargeIn) {
            return CompletableFuture.completedFuture(PlayResult.COMPLETED);
        }

        @Override
        public CompletionStage<QueueResult> enterQueue(QueueRequest request) {
            return CompletableFuture.completedFuture(new QueueResult(QueueResult.Outcome.ANSWERED, "agent-1"));
        }

        @Override
        public CompletionStage<BridgeResult> bridge(BridgeRequest request) {
            return CompletableFuture.completedFuture(new BridgeResult(BridgeResult.Outcome.ANSWERED, "NORMAL_CLEARING"));
        }

        @Override
        public CompletionStage<Void> hangup(HangupCause cause) {
            return done();
        }

        @Override
        public CompletionStage<SpeechResult> detectSpeech(List<Audio> prompt, SpeechRequest request) {
            return unexpected("speech");
        }

        @Override
        public CompletionStage<Void> blindTransfer(String extension, String context) {
            return unexpected("blind transfer");
        }

        @Override
        public CompletionStage<Void> voicemail(String mailbox, boolean skipGreeting) {
            return unexpected("voicemail");
        }

        @Override
        public CompletionStage<RecordResult> record(RecordRequest request) {
            return unexpected("record");
        }

        @Override
        public CompletionStage<Void> conference(String room, String profile, String pin) {
            return unexpected("conference");
        }

        @Override
        public CompletionStage<Void> echo(Duration max) {
            return unexpected("echo");
        }

        @Override
        public CompletionStage<Void> setVariable(String name, String value) {
            return done();
        }

        @Override
        public CompletionStage<Void> scheduleHangup(Duration after) {
            return done();
        }

        @Override
        public void stopCurrent() {
        }

        private static CompletionStage<Void> done() {
            return CompletableFuture.completedFuture(null);
        }

        private static <T> CompletionStage<T> unexpected(String what) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException(what + " is not part of this flow"));
        }
    }
}
