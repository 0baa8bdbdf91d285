package dev.ivrflow.benchmarks.load;

import dev.ivrflow.benchmarks.load.LoadSwitch.PressResult;
import dev.ivrflow.benchmarks.load.LoadSwitch.SetupResult;
import dev.ivrflow.esl.outbound.CallStart;
import dev.ivrflow.esl.outbound.OutboundConnection;
import dev.ivrflow.esl.outbound.OutboundListener;
import dev.ivrflow.esl.outbound.OutboundServer;
import dev.ivrflow.esl.outbound.OutboundSettings;
import dev.ivrflow.flow.runtime.CallSession;
import dev.ivrflow.flow.runtime.CompiledFlow;
import io.netty.util.internal.PlatformDependent;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Thousands of concurrent calls through the real outbound server over loopback sockets. The runtime runs here:
 * {@link OutboundServer} on 127.0.0.1 (ephemeral port), the compiled {@link LoadFlow} (say → menu → queue or
 * hang-up), virtual-thread call executor, shared real-time clock, journal off. A lean switch ({@link LoadSwitch},
 * the FreeSWITCH simulator's frames) plays FreeSWITCH, by default in a child JVM.
 *
 * <ol>
 *   <li>warm-up: a round of {@code --warmup} calls, start to end, so the code is compiled;</li>
 *   <li>the used heap after full collections, before the round;</li>
 *   <li>{@code --calls} calls connect (at most {@code --concurrency} between connect and the menu at a time) and
 *       each waits in the menu's {@code play_and_get_digits}: calls set up per second, and setup time per call;</li>
 *   <li>the runtime's own view: sessions WAITING in the menu, open connections, threads, file descriptors; the used
 *       heap after full collections, minus before, divided by the calls: heap per waiting call;</li>
 *   <li>the calls are held {@code --hold} seconds and counted again (sustained);</li>
 *   <li>every caller presses a key, {@code --press-rate} per second: the latency from the switch writing the DTMF
 *       and the CHANNEL_EXECUTE_COMPLETE with the digit to it reading the runtime's next command (p50/p99/max),
 *       and every call runs to its end (queue and hang-up, or hang-up) and releases its socket with {@code exit}.</li>
 * </ol>
 *
 * <pre>{@code
 * java -Xmx1g -cp benchmarks/target/benchmarks.jar dev.ivrflow.benchmarks.load.OutboundLoadHarness --calls 10000
 * }</pre>
 * Options: {@code --calls N} (1000), {@code --warmup N} (2000), {@code --concurrency N} (256), {@code --press-rate R}
 * per second (1000; 0 = all at once), {@code --hold S} seconds (10), {@code --switch process|in-process} (process),
 * {@code --switch-jvm "<flags>"} ({@code -Xmx1g -XX:+UseZGC}: the switch measures the latencies, so its own pauses are
 * kept short), {@code --timeout S} seconds per phase (300).
 */
public final class OutboundLoadHarness {
    private OutboundLoadHarness() {
    }

    public record Options(int calls, int warmup, int concurrency, double pressRate, Duration hold,
                          boolean switchInProcess, List<String> switchJvmArgs, Duration timeout) {
        public static Options defaults() {
            return new Options(1_000, 2_000, 256, 1_000, Duration.ofSeconds(10), false,
                    List.of("-Xmx1g", "-XX:+UseZGC"), Duration.ofSeconds(300));
        }

        static Options parse(String[] args) {
            Options o = defaults();
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--calls" -> o = new Options(Integer.parseInt(value), o.warmup, o.concurrency, o.pressRate,
                            o.hold, o.switchInProcess, o.switchJvmArgs, o.timeout);
                    case "--warmup" -> o = new Options(o.calls, Integer.parseInt(value), o.concurrency, o.pressRate,
                            o.hold, o.switchInProcess, o.switchJvmArgs, o.timeout);
                    case "--concurrency" -> o = new Options(o.calls, o.warmup, Integer.parseInt(value), o.pressRate,
                            o.hold, o.switchInProcess, o.switchJvmArgs, o.timeout);
                    case "--press-rate" -> o = new Options(o.calls, o.warmup, o.concurrency, Double.parseDouble(value),
                            o.hold, o.switchInProcess, o.switchJvmArgs, o.timeout);
                    case "--hold" -> o = new Options(o.calls, o.warmup, o.concurrency, o.pressRate,
                            Duration.ofMillis((long) (Double.parseDouble(value) * 1000)), o.switchInProcess,
                            o.switchJvmArgs, o.timeout);
                    case "--switch" -> o = new Options(o.calls, o.warmup, o.concurrency, o.pressRate, o.hold,
                            switch (value) {
                                case "process" -> false;
                                case "in-process" -> true;
                                default -> throw new IllegalArgumentException("--switch process|in-process");
                            }, o.switchJvmArgs, o.timeout);
                    case "--switch-jvm" -> o = new Options(o.calls, o.warmup, o.concurrency, o.pressRate, o.hold,
                            o.switchInProcess, List.of(value.strip().split("\\s+")), o.timeout);
                    case "--timeout" -> o = new Options(o.calls, o.warmup, o.concurrency, o.pressRate, o.hold,
                            o.switchInProcess, o.switchJvmArgs, Duration.ofSeconds(Long.parseLong(value)));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
                i++;
            }
            if (o.calls <= 0 || o.warmup < 0 || o.concurrency <= 0) {
                throw new IllegalArgumentException("--calls and --concurrency must be positive, --warmup not negative");
            }
            return o;
        }
    }

    /** What one run measured; {@link #passed()} when every call waited, was pressed and ended cleanly. */
    public record Report(Options options, SetupResult setup, int waitingInMenu, int openConnections,
                         int waitingAfterHold, int threadsWhileWaiting, long heapBefore, long heapWaiting,
                         long directBefore, long directWaiting, PressResult press, GcPauses.Summary runtimePauses,
                         int sessionsEnded, long heapAfter, long setupCpuNanos, long pressCpuNanos) {
        public long heapPerWaitingCall() {
            return setup.waiting() == 0 ? 0 : (heapWaiting - heapBefore) / setup.waiting();
        }

        public boolean passed() {
            int n = options.calls();
            return setup.waiting() == n && waitingInMenu == n && waitingAfterHold == n && press.pressed() == n
                    && press.latency().count() == n && press.ended() == n && sessionsEnded == n;
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Report report = run(options, System.out);
        System.exit(report.passed() ? 0 : 1);
    }

    public static Report run(Options o, PrintStream out) throws Exception {
        var jvm = ManagementFactory.getRuntimeMXBean();
        out.printf(Locale.ROOT, "runtime JVM: %s %s, %d cores, max heap %,d MB, GC %s%n", jvm.getVmName(),
                Runtime.version(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList());
        out.println("runtime JVM flags: " + String.join(" ", jvm.getInputArguments()));
        out.println("runtime process: " + openFilesLimit());
        out.printf(Locale.ROOT, "plan: %,d warm-up calls, then %,d calls (at most %d setting up at once), held %d s,"
                        + " keys pressed %s%n", o.warmup, o.calls, o.concurrency, o.hold.toSeconds(),
                o.pressRate <= 0 ? "all at once" : String.format(Locale.ROOT, "%,.0f per second", o.pressRate));

        CompiledFlow flow = LoadFlow.compile();
        Tracker tracker = new Tracker(Math.max(o.calls, o.warmup));
        try (SystemClock clock = new SystemClock(); GcPauses gc = new GcPauses()) {
            CallStart start = LoadFlow.start(flow, clock);
            OutboundServer server = OutboundServer.builder(call -> Optional.of(start))
                    .settings(OutboundSettings.DEFAULT.withBindAddress("127.0.0.1").withPort(0))
                    .listener(tracker)
                    .build();
            InetSocketAddress address = server.start();
            try (server; SwitchDriver driver = o.switchInProcess ? SwitchDriver.inProcess(address)
                    : SwitchDriver.childProcess(address, o.switchJvmArgs, out)) {
                out.println("outbound server on " + address + "; switch " + driver.describe());
                if (o.warmup > 0) {
                    tracker.round(1);
                    SetupResult s = driver.open(o.warmup, 1, o.concurrency, o.timeout);
                    PressResult p = driver.press(o.pressRate, o.timeout);
                    out.printf(Locale.ROOT, "warm-up: %,d calls waited in the menu (%,.0f set up/s), %,d pressed,"
                                    + " %,d ended; key to next command %s%n", s.waiting(), s.callsPerSecond(),
                            p.pressed(), p.ended(), p.latency());
                    awaitClosed(server, o.timeout);
                }

                tracker.round(2);
                long heapBefore = usedHeapAfterGc();
                long directBefore = PlatformDependent.usedDirectMemory();
                out.println("load average (1, 5, 15 min) before the calls: " + GcPauses.loadAverage());
                gc.take();
                long cpu = processCpuNanos();
                SetupResult setup = driver.open(o.calls, 2, o.concurrency, o.timeout);
                long setupCpu = processCpuNanos() - cpu;
                out.printf(Locale.ROOT, "setup: %,d of %,d calls waiting in the menu after %,.0f ms = %,.0f calls set up"
                                + " per second; per call, connect to play_and_get_digits: %s%n", setup.waiting(),
                        setup.calls(), setup.elapsedMs(), setup.callsPerSecond(), setup.setup());
                if (setup.firstFailure() != null) {
                    out.println("  first failed call: " + setup.firstFailure());
                }
                out.printf(Locale.ROOT, "  runtime during setup: %,.0f ms of CPU = %,.0f us per call; %s; load average %s%n",
                        setupCpu / 1e6, setupCpu / 1e3 / Math.max(1, setup.waiting()), gc.take(),
                        GcPauses.loadAverage());
                awaitIdle(tracker, setup.waiting(), Duration.ofSeconds(10));
                int waiting = tracker.waitingInMenu();
                int connections = server.connectionCount();
                int threads = ManagementFactory.getThreadMXBean().getThreadCount();
                long fds = openFiles();
                long heapWaiting = usedHeapAfterGc();
                long directWaiting = PlatformDependent.usedDirectMemory();
                out.printf(Locale.ROOT, "runtime while waiting: %,d sessions WAITING in the menu, %,d connections open,"
                        + " %d live threads, %,d open files%n", waiting, connections, threads, fds);
                out.printf(Locale.ROOT, "heap: %,d KB before, %,d KB with every call waiting (after full GCs) ="
                                + " %,d bytes per waiting call; Netty direct memory %,d KB -> %,d KB%n",
                        heapBefore >> 10, heapWaiting >> 10,
                        setup.waiting() == 0 ? 0 : (heapWaiting - heapBefore) / setup.waiting(),
                        directBefore >> 10, directWaiting >> 10);

                long holdEnd = System.nanoTime() + o.hold.toNanos();
                while (System.nanoTime() < holdEnd) {
                    Thread.sleep(Math.min(1_000, Math.max(1, (holdEnd - System.nanoTime()) / 1_000_000)));
                }
                int waitingAfterHold = tracker.waitingInMenu();
                out.printf(Locale.ROOT, "held %d s: %,d sessions still WAITING in the menu, %,d connections open,"
                        + " %,d timers pending on the runtime clock%n", o.hold.toSeconds(), waitingAfterHold,
                        server.connectionCount(), clock.pending());

                gc.take();
                cpu = processCpuNanos();
                PressResult press = driver.press(o.pressRate, o.timeout);
                long pressCpu = processCpuNanos() - cpu;
                GcPauses.Summary runtimePauses = gc.take();
                out.printf(Locale.ROOT, "keys: %,d pressed in %,.0f ms (%,.0f per second); key to the runtime's next"
                                + " command: %s; next commands %s%n", press.pressed(), press.pacingMs(),
                        press.pressesPerSecond(), press.latency(), press.nextCommands());
                out.printf(Locale.ROOT, "  while keys were pressed and calls ended: runtime %,.0f ms of CPU = %,.0f us per"
                                + " call (key to exit), %s; switch %s; load average %s%n", pressCpu / 1e6,
                        pressCpu / 1e3 / Math.max(1, press.pressed()), runtimePauses, press.switchGc(),
                        GcPauses.loadAverage());
                awaitClosed(server, o.timeout);
                int sessionsEnded = tracker.ended.get();
                out.printf(Locale.ROOT, "end: %,d calls ended cleanly (exit), %,d failed, %,d still open; runtime:"
                                + " %,d sessions ended%n", press.ended(), press.failed(), press.stillOpen(),
                        sessionsEnded);
                if (press.firstFailure() != null) {
                    out.println("  first failed call: " + press.firstFailure());
                }
                tracker.round(0);
                long heapAfter = usedHeapAfterGc();
                out.printf(Locale.ROOT, "heap once every call ended: %+,d KB against before%n",
                        (heapAfter - heapBefore) >> 10);
                Report report = new Report(o, setup, waiting, connections, waitingAfterHold, threads, heapBefore,
                        heapWaiting, directBefore, directWaiting, press, runtimePauses, sessionsEnded, heapAfter, setupCpu,
                        pressCpu);
                out.println(report.passed() ? "PASSED: every call waited, was answered and ended"
                        : "FAILED: not every call waited, was answered and ended (see above)");
                return report;
            }
        }
    }

    /** The runtime's view of the current round's calls, in an array allocated before the heap is measured. */
    private static final class Tracker implements OutboundListener {
        private final AtomicReferenceArray<CallSession> sessions;
        final AtomicInteger ended = new AtomicInteger();
        private volatile int round;

        Tracker(int capacity) {
            sessions = new AtomicReferenceArray<>(capacity);
        }

        void round(int r) {
            round = r;
            ended.set(0);
            for (int i = 0; i < sessions.length(); i++) {
                sessions.set(i, null);
            }
        }

        private int index(CallSession session) {
            UUID id = UUID.fromString(session.callId());
            if ((id.getMostSignificantBits() & ~0xFFFFL) != LoadSwitch.UUID_TAG
                    || (id.getMostSignificantBits() & 0xFFFFL) != round) {
                return -1;
            }
            long index = id.getLeastSignificantBits();
            return index >= 0 && index < sessions.length() ? (int) index : -1;
        }

        @Override
        public void callStarted(CallSession session, OutboundConnection connection) {
            int i = index(session);
            if (i >= 0) {
                sessions.set(i, session);
            }
        }

        @Override
        public void callEnded(CallSession session, OutboundConnection connection) {
            if (index(session) >= 0) {
                ended.incrementAndGet();
            }
        }

        int waitingInMenu() {
            int n = 0;
            for (int i = 0; i < sessions.length(); i++) {
                CallSession s = sessions.get(i);
                if (s != null && s.status() == CallSession.Status.WAITING && LoadFlow.MENU.equals(s.currentNodeId())) {
                    n++;
                }
            }
            return n;
        }
    }

    /** Waits (bounded) until the runtime has every waiting call's session parked in the menu. */
    private static void awaitIdle(Tracker tracker, int expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (tracker.waitingInMenu() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** Waits (bounded) until the server has no connection left. */
    private static void awaitClosed(OutboundServer server, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (server.connectionCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    static long usedHeapAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** CPU time of this whole process (flow code, Netty, GC and JIT threads), or 0 where the JVM cannot tell. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? Math.max(0, os.getProcessCpuTime()) : 0;
    }

    /** The "Max open files" line of /proc/self/limits (Linux), else the JVM's word for it. */
    static String openFilesLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String[] words = line.substring("Max open files".length()).strip().split("\\s+");
                    return "open files limit " + words[0] + " (hard " + words[1] + ")";
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "open files limit unknown";
    }

    private static long openFiles() {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
