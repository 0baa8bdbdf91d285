package dev.ivrflow.flow.sim;

import dev.ivrflow.flow.intent.LocalIntentClassifier;
import dev.ivrflow.flow.port.CallInfo;
import dev.ivrflow.flow.port.FlowResolver;
import dev.ivrflow.flow.port.IntentClassifier;
import dev.ivrflow.flow.port.SpeechRecognizer;
import dev.ivrflow.flow.port.SpeechSynthesizer;
import dev.ivrflow.flow.runtime.CallPorts;
import dev.ivrflow.flow.runtime.CallSession;
import dev.ivrflow.flow.runtime.CompiledFlow;
import dev.ivrflow.flow.runtime.JournalEvent;
import dev.ivrflow.flow.runtime.NodeHandlers;
import dev.ivrflow.flow.runtime.RuntimeLimits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

/**
 * Runs a compiled flow with the real interpreter and handlers against a scripted caller, on a manual clock, with
 * no sockets and no sleeping. Time moves when the caller is silent (by the timeout), when the flow waits, and
 * when the world takes time (a queue timeout, a recording).
 */
public final class Simulator {
    private static final int MAX_TIMER_JUMPS = 10_000;

    private final NodeHandlers handlers;
    private final FlowResolver flows;
    private final IntentClassifier classifier;
    private final RuntimeLimits limits;

    public Simulator(NodeHandlers handlers, FlowResolver flows) {
        this(handlers, flows, new LocalIntentClassifier(), RuntimeLimits.DEFAULT);
    }

    public Simulator(NodeHandlers handlers, FlowResolver flows, IntentClassifier classifier, RuntimeLimits limits) {
        this.handlers = handlers;
        this.flows = flows;
        this.classifier = classifier;
        this.limits = limits;
    }

    public SimulationResult run(CompiledFlow flow, SimCall call) {
        Run run = start(flow, call, false);
        run.settle();
        return run.result();
    }

    /** Starts a call that waits for {@link Run#feed} whenever the flow waits for the caller. */
    public Run startInteractive(CompiledFlow flow, SimCall call) {
        return start(flow, call, true);
    }

    private Run start(CompiledFlow flow, SimCall call, boolean interactive) {
        ManualClock clock = new ManualClock(call.at());
        // Random, like a switch's: a simulated call journaled alongside real ones must never reuse an id.
        String uuid = UUID.randomUUID().toString();
        CallInfo info = new CallInfo(uuid, call.callerNumber(), call.callerName(), call.calledNumber(),
                call.channelVariables());
        SimulatedChannel channel = new SimulatedChannel(info, clock, call.steps(), call.world(), interactive);
        List<JournalEvent> journal = Collections.synchronizedList(new ArrayList<>());
        CallPorts ports = new CallPorts(channel, SpeechRecognizer.viaChannel(), SpeechSynthesizer.fixed("sim", null),
                classifier, new ScriptedHttp(call.world().http(), channel::record), clock, journal::add,
                new InMemoryRecordings(), flows);
        TrampolineExecutor executor = new TrampolineExecutor();
        CallSession session = new CallSession(uuid, flow, ports, handlers, limits, executor, s -> { });
        channel.attach(session);
        Run run = new Run(session, channel, clock, journal, call);
        session.start();
        return run;
    }

    /** A simulated call in progress. Drive it from one thread. */
    public static final class Run {
        private final CallSession session;
        private final SimulatedChannel channel;
        private final ManualClock clock;
        private final List<JournalEvent> journal;
        private final SimCall call;

        Run(CallSession session, SimulatedChannel channel, ManualClock clock, List<JournalEvent> journal,
            SimCall call) {
            this.session = session;
            this.channel = channel;
            this.clock = clock;
            this.journal = journal;
            this.call = call;
        }

        public CallSession session() {
            return session;
        }

        public SimulatedChannel channel() {
            return channel;
        }

        public ManualClock clock() {
            return clock;
        }

        public boolean ended() {
            return session.status() == CallSession.Status.ENDED;
        }

        /** The caller's next step; then runs until the flow waits for the caller again or the call ends. */
        public void feed(CallerStep step) {
            channel.feed(step);
            settle();
        }

        /**
         * Lets time pass while the flow waits on a timer (a wait node), until the flow waits for the caller or
         * ends. A call waiting on nothing at all (a broken channel) is ended by its maximum length.
         */
        public void settle() {
            int jumps = 0;
            while (!ended() && !channel.waitingForCaller() && clock.nextTimer() != null && jumps++ < MAX_TIMER_JUMPS) {
                clock.set(clock.nextTimer());
            }
        }

        public SimulationResult result() {
            return new SimulationResult(List.copyOf(session.path()), List.copyOf(channel.heard()),
                    List.copyOf(channel.actions()), new LinkedHashMap<>(session.variables()), session.language(),
                    session.endReason(), Duration.between(call.at(), clock.now()), List.copyOf(journal));
        }
    }
}
