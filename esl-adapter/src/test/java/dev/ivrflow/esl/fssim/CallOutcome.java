package dev.ivrflow.esl.fssim;

import dev.ivrflow.flow.port.SpeechSynthesizer;
import dev.ivrflow.flow.runtime.CallSession;
import dev.ivrflow.flow.runtime.CompiledFlow;
import dev.ivrflow.flow.runtime.JournalEvent;
import dev.ivrflow.flow.sim.SimCall;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One flow run over real sockets: the runtime's session, the switch's log, the journal, and how long it took in
 * real time (the virtual clock is the call's own).
 */
public record CallOutcome(CallSession session, FsCallLog log, List<JournalEvent> journal, Duration elapsed,
                          VirtualClock clock) {

    /** Runs {@code flow} for {@code call} through the runtime and the simulator, until both sides are done. */
    public static CallOutcome run(LoopbackRuntime runtime, FreeSwitchSimulator fs, CompiledFlow flow, SimCall call,
                                  FsScript script, Duration timeout) throws Exception {
        return run(runtime, fs, flow, call, script, timeout, SpeechSynthesizer.fixed("sim", null));
    }

    /** As above, with text spoken by {@code synthesizer} (its engine and voice reach the switch). */
    public static CallOutcome run(LoopbackRuntime runtime, FreeSwitchSimulator fs, CompiledFlow flow, SimCall call,
                                  FsScript script, Duration timeout, SpeechSynthesizer synthesizer) throws Exception {
        long start = System.nanoTime();
        VirtualClock clock = new VirtualClock(call.at());
        SimulatedCall simulated = fs.prepare(call, script, clock);
        List<JournalEvent> journal = new CopyOnWriteArrayList<>();
        runtime.expect(simulated.uuid(), TestFlows.start(flow, clock, journal::add, synthesizer));
        fs.start(simulated);
        CallSession session = runtime.runUntilEnded(simulated.uuid(), clock, timeout);
        FsCallLog log = simulated.awaitEnd(timeout);
        return new CallOutcome(session, log, List.copyOf(journal), Duration.ofNanos(System.nanoTime() - start), clock);
    }

    /** The results a node put (its {@code nodes.<id>} values), from the journal's INPUT details. */
    public List<Map<String, Object>> inputs(String nodeId) {
        return journal.stream().filter(e -> e.kind() == JournalEvent.Kind.INPUT && nodeId.equals(e.nodeId()))
                .map(JournalEvent::detail).toList();
    }

    public List<String> path() {
        return session.path();
    }

    public String endReason() {
        return session.endReason();
    }
}
