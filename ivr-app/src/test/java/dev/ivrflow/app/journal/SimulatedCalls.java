package dev.ivrflow.app.journal;

import dev.ivrflow.flow.FlowToolkit;
import dev.ivrflow.flow.intent.LocalIntentClassifier;
import dev.ivrflow.flow.port.CallInfo;
import dev.ivrflow.flow.port.FlowResolver;
import dev.ivrflow.flow.port.JournalSink;
import dev.ivrflow.flow.port.SpeechRecognizer;
import dev.ivrflow.flow.port.SpeechSynthesizer;
import dev.ivrflow.flow.runtime.CallPorts;
import dev.ivrflow.flow.runtime.CallSession;
import dev.ivrflow.flow.runtime.CompiledFlow;
import dev.ivrflow.flow.runtime.JournalEvent;
import dev.ivrflow.flow.runtime.RuntimeLimits;
import dev.ivrflow.flow.sim.CallerStep;
import dev.ivrflow.flow.sim.InMemoryRecordings;
import dev.ivrflow.flow.sim.ManualClock;
import dev.ivrflow.flow.sim.ScriptedHttp;
import dev.ivrflow.flow.sim.SimCall;
import dev.ivrflow.flow.sim.SimWorld;
import dev.ivrflow.flow.sim.SimulatedChannel;
import dev.ivrflow.flow.sim.TrampolineExecutor;
import dev.ivrflow.flow.validate.ValidationOptions;
import dev.ivrflow.flow.workspace.FlowWorkspace;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Calls of the example flows run by the real interpreter and handlers on flow-runtime's simulated channel and
 * manual clock (as its {@code Simulator} does), but journaling to a sink of the test's choosing, and driven one
 * caller step at a time so that a test can do things (stop the database) while calls are in progress.
 */
public final class SimulatedCalls {
    public static final Path EXAMPLES = Path.of("../flows-examples/flows");

    private final FlowToolkit toolkit = new FlowToolkit();
    private final FlowWorkspace workspace;
    private final ValidationOptions options;
    private final FlowResolver resolver;

    public SimulatedCalls() {
        this.workspace = FlowWorkspace.load(toolkit.reader(), List.of(EXAMPLES));
        this.options = ValidationOptions.DEFAULTS.withCatalog(workspace.catalog());
        this.resolver = workspace.resolver(toolkit, options);
    }

    /** An example flow, compiled as the given version. */
    public CompiledFlow flow(String id, int version) {
        return toolkit.compile(workspace.flow(id).orElseThrow(), version, options).orElseThrow();
    }

    /** Starts a call: it runs until it first waits for the caller (or ends). */
    public Call start(CompiledFlow flow, String callId, SimCall call, JournalSink sink) {
        ManualClock clock = new ManualClock(call.at());
        CallInfo info = new CallInfo(callId, call.callerNumber(), call.callerName(), call.calledNumber(),
                call.channelVariables());
        SimulatedChannel channel = new SimulatedChannel(info, clock, List.of(), call.world(), true);
        List<JournalEvent> journal = Collections.synchronizedList(new ArrayList<>());
        JournalSink tee = e -> {
            journal.add(e);
            sink.write(e);
        };
        CallPorts ports = new CallPorts(channel, SpeechRecognizer.viaChannel(), SpeechSynthesizer.fixed("sim", null),
                new LocalIntentClassifier(), new ScriptedHttp(call.world().http(), action -> { }), clock, tee,
                new InMemoryRecordings(), resolver);
        CallSession session = new CallSession(callId, flow, ports, toolkit.handlers(), RuntimeLimits.DEFAULT,
                new TrampolineExecutor(), s -> { });
        channel.attach(session);
        Call c = new Call(session, channel, clock, journal, new ArrayList<>(call.steps()));
        session.start();
        c.settle();
        return c;
    }

    /** One call in progress; drive it from one thread at a time. */
    public static final class Call {
        private final CallSession session;
        private final SimulatedChannel channel;
        private final ManualClock clock;
        private final List<JournalEvent> journal;
        private final List<CallerStep> steps;

        Call(CallSession session, SimulatedChannel channel, ManualClock clock, List<JournalEvent> journal,
             List<CallerStep> steps) {
            this.session = session;
            this.channel = channel;
            this.clock = clock;
            this.journal = journal;
            this.steps = steps;
        }

        public String id() {
            return session.callId();
        }

        public boolean ended() {
            return session.status() == CallSession.Status.ENDED;
        }

        public CallSession session() {
            return session;
        }

        /** The events the call wrote, in order. */
        public List<JournalEvent> journal() {
            synchronized (journal) {
                return List.copyOf(journal);
            }
        }

        /**
         * The caller thinks for a while, then takes the next step of the script (hangs up when it is done while
         * the flow still waits). Returns false once the call has ended.
         */
        public boolean next(Duration thinking) {
            if (ended()) return false;
            clock.advance(thinking);
            channel.feed(steps.isEmpty() ? CallerStep.hangUp() : steps.removeFirst());
            settle();
            return !ended();
        }

        /** Plays the whole script. */
        public Call finish(Random random) {
            while (next(Duration.ofMillis(500 + random.nextInt(6_000)))) {
                // one step at a time
            }
            return this;
        }

        void settle() {
            int jumps = 0;
            while (!ended() && !channel.waitingForCaller() && clock.nextTimer() != null && jumps++ < 10_000) {
                clock.set(clock.nextTimer());
            }
        }
    }

    /** Callers of the main-line example: when they call, what they do and how the queues and the receptionist answer. */
    public static SimCall mainLineCaller(Random r, int n) {
        String caller = "+1212555" + String.format("%04d", r.nextInt(400));
        String called = r.nextInt(4) == 0 ? "+12125550111" : "+12125550100";
        double when = r.nextDouble();
        Instant at = when < 0.8 ? Instant.parse("2026-03-04T15:00:00Z").plusSeconds(n)      // Wednesday, open
                : when < 0.9 ? Instant.parse("2026-03-08T15:00:00Z").plusSeconds(n)         // Sunday, closed
                : Instant.parse("2026-11-26T15:00:00Z").plusSeconds(n);                     // Thanksgiving
        List<CallerStep> steps = new ArrayList<>();
        int choice = r.nextInt(100);
        if (choice < 25) steps.add(CallerStep.press("1"));
        else if (choice < 40) steps.add(CallerStep.say("support"));
        else if (choice < 50) steps.add(CallerStep.press("3"));
        else if (choice < 58) steps.add(CallerStep.press("0"));
        else if (choice < 66) steps.addAll(List.of(CallerStep.press("7"), CallerStep.press("2")));
        else if (choice < 72) steps.addAll(List.of(CallerStep.press("9"), CallerStep.press("1")));
        else if (choice < 80) steps.addAll(List.of(CallerStep.silent(), CallerStep.silent(), CallerStep.silent()));
        else if (choice < 86) steps.addAll(List.of(CallerStep.press("5"), CallerStep.press("6"), CallerStep.press("8")));
        else if (choice < 92) steps.add(CallerStep.hangUp());
        else steps.addAll(List.of(CallerStep.say("do you sell printers"), CallerStep.say("billing")));
        String[] queue = {"answered", "answered", "answered", "timeout", "noAgents", "callback", "full", "hangup"};
        String[] bridge = {"answered", "answered", "busy", "noAnswer", "failed"};
        SimWorld world = new SimWorld(List.of(bridge[r.nextInt(bridge.length)]), List.of(queue[r.nextInt(queue.length)]),
                null, null, null);
        return new SimCall(caller, null, called, null, at, steps, world);
    }
}
