package dev.ivrflow.app.sim;

import dev.ivrflow.app.api.error.ApiException;
import dev.ivrflow.flow.port.IntentClassifier;
import dev.ivrflow.flow.runtime.CallSession;
import dev.ivrflow.flow.runtime.CompiledFlow;
import dev.ivrflow.flow.runtime.CompiledNode;
import dev.ivrflow.flow.runtime.JournalEvent;
import dev.ivrflow.flow.runtime.NodeHandlers;
import dev.ivrflow.flow.runtime.RuntimeLimits;
import dev.ivrflow.flow.runtime.Values;
import dev.ivrflow.flow.sim.CallerStep;
import dev.ivrflow.flow.sim.SimAction;
import dev.ivrflow.flow.sim.SimCall;
import dev.ivrflow.flow.sim.SimulatedChannel;
import dev.ivrflow.flow.sim.Simulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;

/**
 * One simulated call driven over HTTP: the flow-runtime {@link Simulator} in interactive mode (the real interpreter
 * and handlers), an event stream with a replay buffer for late subscribers, and the call's own serial executor.
 * Every touch of the run happens in a task on that executor, so the run stays single-threaded.
 *
 * <p>Events come from the channel's listener (heard, action) and from the call's journal (node, exit, input,
 * decision, failed, fallback, limit). The simulator does not take a journal sink yet, so the journal is read after
 * each channel event and at the end of each step: everything written before a channel event is sent before it, which
 * keeps the stream in the order things happened.
 */
final class InteractiveCall {
    private static final Logger log = LoggerFactory.getLogger(InteractiveCall.class);

    /** One event of the stream: a sequence number (the SSE id), an SSE event name and its JSON data. */
    record Event(long id, String name, Map<String, Object> data) {
    }

    private final String id;
    private final String owner;
    private final SimFlowLoader.Loaded loaded;
    private final SimCall call;
    private final ZoneOffset offset;
    private final SerialExecutor executor;
    private final Sinks.Many<Event> sink;
    private final Runnable onEnd;
    private final StartGate gate = new StartGate();
    private final Simulator simulator;

    // Touched only by tasks on the executor.
    private Simulator.Run run;
    private int journalSeen;
    private int heardSeen;
    private int actionsSeen;
    private long sequence;
    private String language;
    private String currentFlowId;
    private Map<String, Object> waiting;
    private String endOverride;
    private String endReason;

    private volatile boolean ended;
    private volatile long lastEventId;

    InteractiveCall(String id, String owner, SimFlowLoader.Loaded loaded, SimCall call, ZoneOffset offset,
                    NodeHandlers handlers, IntentClassifier classifier, SerialExecutor executor, int replayEvents,
                    Runnable onEnd) {
        this.id = id;
        this.owner = owner;
        this.loaded = loaded;
        this.call = call;
        this.offset = offset;
        this.executor = executor;
        this.onEnd = onEnd;
        this.sink = Sinks.many().replay().limit(replayEvents);
        this.simulator = new Simulator(gate.wrap(handlers), loaded.resolver(), classifier, RuntimeLimits.DEFAULT);
    }

    String id() {
        return id;
    }

    String owner() {
        return owner;
    }

    boolean ended() {
        return ended;
    }

    long lastEventId() {
        return lastEventId;
    }

    // ---- what the API asks; each runs on the call's executor ----

    /** Starts the call and runs it until it first waits for the caller (or ends). */
    CompletableFuture<CallView> start() {
        return executor.submit(() -> guarded(() -> {
            run = simulator.startInteractive(loaded.root(), call);
            run.channel().listen(this::onChannel);
            language = run.session().language();
            gate.open();
            run.settle();
            afterStep();
            return view();
        }));
    }

    /** The caller's next step; 409 when the call has ended. */
    CompletableFuture<CallView> input(CallerStep step) {
        return executor.submit(() -> {
            if (ended) throw ApiException.conflict("the simulated call has ended: " + endReason);
            return guarded(() -> {
                waiting = null;
                emit("caller", describe(step));
                run.feed(step);
                afterStep();
                return view();
            });
        });
    }

    /** The caller hangs up; a call that has already ended is left as it is. */
    CompletableFuture<CallView> hangup() {
        return executor.submit(() -> {
            if (ended) return view();
            return guarded(() -> {
                emit("caller", describe(CallerStep.hangUp()));
                hangUpNow("the caller hung up");
                return view();
            });
        });
    }

    CompletableFuture<CallView> state() {
        return executor.submit(this::view);
    }

    /** Ends the call because it was forgotten (idle too long, or too many calls); the stream says why. */
    void expire(String reason) {
        executor.execute(() -> {
            if (ended) return;
            endOverride = reason;
            try {
                hangUpNow(reason);
            } catch (RuntimeException e) {
                log.error("simulated call {} failed while expiring", id, e);
                finish();
            }
        });
    }

    /** The stream: what happened so far (within the replay buffer) after {@code afterId}, then what happens next. */
    Flux<Event> events(long afterId) {
        return sink.asFlux().filter(e -> e.id() > afterId);
    }

    /** Completes when the call has ended and its last event was sent. */
    Flux<Event> completion() {
        return sink.asFlux().ignoreElements().flux();
    }

    // ---- the run ----

    private void hangUpNow(String reason) {
        if (run != null) {
            run.feed(CallerStep.hangUp());
            afterStep();
        }
        if (!ended) {
            if (endOverride == null) endOverride = reason;
            finish();
        }
    }

    private CallView guarded(Callable<CallView> step) throws Exception {
        try {
            return step.call();
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("simulated call {} failed", id, e);
            endOverride = "the simulator failed: " + e;
            finish();
            throw e;
        }
    }

    private void onChannel(SimulatedChannel.SimEvent event) {
        sync();
    }

    /** Sends what the journal and the channel recorded since the last sync, journal first (it was written first). */
    private void sync() {
        if (run == null) return;
        List<JournalEvent> journal = run.result().journal();
        for (int i = journalSeen; i < journal.size(); i++) journal(journal.get(i));
        journalSeen = journal.size();
        List<String> heard = run.channel().heard();
        for (int i = heardSeen; i < heard.size(); i++) emit("heard", Map.of("text", heard.get(i)));
        heardSeen = heard.size();
        List<SimAction> actions = run.channel().actions();
        for (int i = actionsSeen; i < actions.size(); i++) {
            SimAction a = actions.get(i);
            emit("action", ordered("action", a.action(), "detail", Values.normalize(a.detail())));
        }
        actionsSeen = actions.size();
    }

    private void journal(JournalEvent j) {
        switch (j.kind()) {
            case CALL_STARTED -> emit("started", ordered("callId", id, "flowId", loaded.key().flowId(),
                    "version", version(), "at", time(j.at()), "callerNumber", call.callerNumber(),
                    "calledNumber", call.calledNumber(), "callerName", call.callerName(), "language", language));
            case NODE_ENTERED -> {
                currentFlowId = j.flowId();
                Map<String, Object> d = ordered("nodeId", j.nodeId(), "type", j.nodeType(), "label", label(j),
                        "flowId", j.flowId());
                d.put("subflow", subflow(j));
                d.put("at", time(j.at()));
                emit("node", d);
            }
            case EXIT_TAKEN -> {
                Map<String, Object> d = ordered("nodeId", j.nodeId(), "exit", j.exit(), "target", j.detail().get("target"));
                Object via = j.detail().get("via");
                if (via != null && !via.equals(j.exit())) d.put("via", via);
                d.put("flowId", j.flowId());
                emit("exit", d);
            }
            case INPUT -> emit("input", detailed(j));
            case DECISION -> emit("decision", detailed(j));
            case NODE_FAILED -> emit("failed", detailed(j));
            case FALLBACK -> emit("fallback", detailed(j));
            case LIMIT_REACHED -> emit("limit", detailed(j));
            case CALL_ENDED -> {
                // "ended" is sent once the step is over, with the whole path.
            }
        }
    }

    private void afterStep() {
        sync();
        CallSession s = run.session();
        emit("variables", variables(s));
        if (!Objects.equals(language, s.language())) {
            language = s.language();
            emit("language", ordered("language", language));
        }
        if (run.ended()) {
            waiting = null;
            finish();
        } else if (run.channel().waitingForCaller()) {
            waiting = waitingFor(s);
            emit("waiting", waiting);
        } else {
            waiting = null;
        }
    }

    private void finish() {
        if (ended) return;
        ended = true;
        endReason = endOverride != null ? endOverride
                : run != null && run.session().endReason() != null ? run.session().endReason() : "ended";
        try {
            onEnd.run();
        } catch (RuntimeException e) {
            log.error("simulated call {}: releasing its slot failed", id, e);
        }
        Map<String, Object> d = ordered("reason", endReason, "path", run == null ? List.of() : List.copyOf(run.session().path()));
        Duration duration = duration();
        d.put("duration", duration.toString());
        d.put("durationSeconds", duration.toMillis() / 1000.0);
        emit("ended", d);
        sink.tryEmitComplete();
    }

    private CallView view() {
        if (run == null) {
            return new CallView(id, loaded.key().flowId(), version(), ended ? "ended" : "running", ended, endReason, null,
                    null, List.of(), List.of(), List.of(), Map.of(), null, time(call.at()), time(call.at()), "PT0S",
                    lastEventId);
        }
        CallSession s = run.session();
        String state = ended ? "ended" : run.channel().waitingForCaller() ? "waiting" : "running";
        return new CallView(id, loaded.key().flowId(), version(), state, ended, endReason, s.currentNodeId(),
                waiting, List.copyOf(s.path()), List.copyOf(run.channel().heard()), List.copyOf(run.channel().actions()),
                variables(s), s.language(), time(call.at()), time(run.clock().now()), duration().toString(), lastEventId);
    }

    // ---- helpers ----

    private Map<String, Object> waitingFor(CallSession s) {
        Map<String, Object> w = ordered("node", s.currentNodeId(), "flowId", currentFlowId);
        List<SimAction> actions = run.channel().actions();
        SimAction last = actions.isEmpty() ? null : actions.getLast();
        if (last != null && last.action().equals("collectDigits")) {
            w.put("expecting", "digits");
            w.put("minDigits", last.detail().get("min"));
            w.put("maxDigits", last.detail().get("max"));
            w.put("terminators", last.detail().get("terminators"));
        } else if (last != null && last.action().equals("detectSpeech")) {
            w.put("expecting", "speech");
            w.put("digitsToo", last.detail().get("digitsToo"));
            w.put("language", last.detail().get("language"));
        } else {
            w.put("expecting", "input");
        }
        return w;
    }

    private String label(JournalEvent j) {
        CompiledFlow flow = loaded.flows().get(new SimFlowLoader.Key(j.flowId(), j.flowVersion()));
        CompiledNode node = flow == null || j.nodeId() == null ? null : flow.node(j.nodeId());
        return node == null ? null : node.node().label();
    }

    private boolean subflow(JournalEvent j) {
        return !(j.flowId().equals(loaded.root().id()) && j.flowVersion() == loaded.root().version());
    }

    private static Map<String, Object> detailed(JournalEvent j) {
        Map<String, Object> d = ordered("nodeId", j.nodeId(), "flowId", j.flowId());
        d.put("detail", Values.normalize(j.detail()));
        return d;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(CallSession s) {
        return (Map<String, Object>) Values.normalize(s.variables());
    }

    private static Map<String, Object> describe(CallerStep step) {
        return switch (step.kind()) {
            case PRESS -> ordered("digits", step.press());
            case SAY -> step.confidence() == null ? ordered("speech", step.say())
                    : ordered("speech", step.say(), "confidence", step.confidence());
            case SILENCE -> ordered("silence", true);
            case HANGUP -> ordered("hangup", true);
        };
    }

    private Object version() {
        return loaded.key().version() == SimFlowLoader.Key.DRAFT ? "draft" : loaded.key().version();
    }

    private Duration duration() {
        return run == null ? Duration.ZERO : Duration.between(call.at(), run.clock().now());
    }

    private String time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, offset).toString();
    }

    private void emit(String name, Map<String, Object> data) {
        Event e = new Event(++sequence, name, data);
        lastEventId = e.id();
        Sinks.EmitResult r = sink.tryEmitNext(e);
        if (r.isFailure()) log.warn("simulated call {}: event {} not sent ({})", id, name, r);
    }

    /** A map in the order given (null values kept): event data reads in a stable order. */
    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put((String) pairs[i], pairs[i + 1]);
        return m;
    }
}
