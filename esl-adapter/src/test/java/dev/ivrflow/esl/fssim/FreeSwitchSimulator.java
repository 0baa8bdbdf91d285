package dev.ivrflow.esl.fssim;

import dev.ivrflow.flow.sim.SimCall;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A FreeSWITCH that cannot be installed on a build machine, as far as an outbound-socket runtime can tell: for each
 * simulated call it connects to the runtime (as {@code socket <host>:<port> async full} does) and behaves like the
 * real switch in the captures, frame for frame. Calls are scripted with the in-memory simulator's {@link SimCall},
 * so a flow test can run over real sockets; {@link FsScript} adds faults. One virtual thread per call, so hundreds of
 * calls at once cost little. Benchmarks use it too (esl-adapter's test-jar).
 *
 * <pre>{@code
 * try (FreeSwitchSimulator fs = new FreeSwitchSimulator(server.address())) {
 *     SimulatedCall call = fs.call(SimCall.of(CallerStep.press("1")));
 *     FsCallLog log = call.awaitEnd(Duration.ofSeconds(5));
 * }
 * }</pre>
 */
public final class FreeSwitchSimulator implements AutoCloseable {
    private final InetSocketAddress runtime;
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("fssim-", 0).factory());
    private final List<SimulatedCall> calls = new CopyOnWriteArrayList<>();

    public FreeSwitchSimulator(InetSocketAddress runtime) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
    }

    /** A call on its own clock, starting at the call's {@code at}. */
    public SimulatedCall call(SimCall call) {
        return call(call, FsScript.none(), new VirtualClock(call.at()));
    }

    public SimulatedCall call(SimCall call, FsScript script) {
        return call(call, script, new VirtualClock(call.at()));
    }

    /** A call whose clock is shared with the runtime's session (the e2e harness passes the same clock to both). */
    public SimulatedCall call(SimCall call, FsScript script, VirtualClock clock) {
        return start(prepare(call, script, clock));
    }

    /** A call not yet connected: its uuid is known, so the runtime's side can be told about it before it rings. */
    public SimulatedCall prepare(SimCall call, FsScript script, VirtualClock clock) {
        return new SimulatedCall(runtime, call, script, clock);
    }

    /** Connects a prepared call. */
    public SimulatedCall start(SimulatedCall prepared) {
        calls.add(prepared);
        threads.execute(prepared::run);
        return prepared;
    }

    public List<SimulatedCall> calls() {
        return List.copyOf(calls);
    }

    @Override
    public void close() {
        calls.forEach(SimulatedCall::dropConnection);
        threads.shutdownNow();
    }
}
