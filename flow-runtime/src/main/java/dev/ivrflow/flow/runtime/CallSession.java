package dev.ivrflow.flow.runtime;

import dev.ivrflow.flow.model.Environment;
import dev.ivrflow.flow.model.Node;
import dev.ivrflow.flow.model.NodeSettings;
import dev.ivrflow.flow.model.Prompt;
import dev.ivrflow.flow.model.SymbolKind;
import dev.ivrflow.flow.port.Audio;
import dev.ivrflow.flow.port.CallEvents;
import dev.ivrflow.flow.port.CallInfo;
import dev.ivrflow.flow.port.HangupCause;
import dev.ivrflow.flow.port.RuntimeClock;
import dev.ivrflow.flow.runtime.JournalEvent.Kind;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One call running one flow: the interpreter. It only dispatches: it enters nodes, follows exits, parks on
 * asynchronous work and resumes when it completes, and applies the safety rules (failures, the fallback, step
 * and time limits, hang-up). Everything runs on the call's serial {@link Executor}, so the events of one call
 * are handled one at a time and in order, and a waiting call holds no thread.
 */
public final class CallSession implements CallEvents {

    public enum Status { NEW, RUNNING, WAITING, ENDED }

    private final String callId;
    private final CallPorts ports;
    private final NodeHandlers handlers;
    private final RuntimeLimits limits;
    private final Executor executor;
    private final Consumer<CallSession> onEnd;
    private final Map<String, Object> callData;
    private final Deque<Frame> parents = new ArrayDeque<>();
    private final List<String> path = new ArrayList<>();

    private Frame frame;
    private CompiledNode current;
    private String language;
    private Status status = Status.NEW;
    private int steps;
    private long awaitToken;
    private boolean inFallback;
    private int fallbacks;
    private String endReason;
    private RuntimeClock.Cancellable callTimer;
    private RuntimeClock.Cancellable durationTimer;

    public CallSession(String callId, CompiledFlow flow, CallPorts ports, NodeHandlers handlers, RuntimeLimits limits,
                       Executor executor, Consumer<CallSession> onEnd) {
        this.callId = callId;
        this.ports = ports;
        this.handlers = handlers;
        this.limits = limits;
        this.executor = executor;
        this.onEnd = onEnd == null ? s -> { } : onEnd;
        this.frame = new Frame(flow, initialVariables(flow, Map.of()), null);
        this.language = flow.flow().defaultLanguage();
        this.callData = new HashMap<>();
        CallInfo info = ports.channel().info();
        callData.put("uuid", nz(info.uuid()));
        callData.put("callerNumber", nz(info.callerNumber()));
        callData.put("callerName", nz(info.callerName()));
        callData.put("calledNumber", nz(info.calledNumber()));
        callData.put("vars", new HashMap<String, Object>(info.variables()));
        callData.put("language", language);
    }

    // ---- events from outside; each is queued on the call's executor ----

    public void start() {
        executor.execute(this::begin);
    }

    @Override
    public void hungUp(String cause) {
        executor.execute(() -> {
            if (status == Status.ENDED) return;
            journal(Kind.INPUT, current, null, Map.of("hangup", nz(cause)));
            finish("caller hung up" + (cause == null ? "" : " (" + cause + ")"));
        });
    }

    // ---- what observers may read (from the call's executor, or after the call ended) ----

    public String callId() {
        return callId;
    }

    public Status status() {
        return status;
    }

    public List<String> path() {
        return Collections.unmodifiableList(path);
    }

    public Map<String, Object> variables() {
        return Collections.unmodifiableMap(frame.variables);
    }

    public String language() {
        return language;
    }

    public String endReason() {
        return endReason;
    }

    public String currentNodeId() {
        return current == null ? null : current.id();
    }

    public CompiledFlow flow() {
        Frame root = frame;
        for (Frame f : parents) root = f;
        return root.flow;
    }

    // ---- the loop ----

    private void begin() {
        if (status != Status.NEW) return;
        status = Status.RUNNING;
        CompiledFlow flow = frame.flow;
        journal(Kind.CALL_STARTED, null, null, Map.of("callerNumber", callData.get("callerNumber"),
                "calledNumber", callData.get("calledNumber")));
        callTimer = ports.clock().schedule(limits.maxCallLength(),
                () -> executor.execute(() -> timeLimit("the call reached the maximum length of " + limits.maxCallLength())));
        run(new Step.Jump(flow.flow().start()));
    }

    private void run(Step first) {
        Step step = first;
        while (step != null && status == Status.RUNNING) {
            step = switch (step) {
                case Step.Take t -> exit(t.exit());
                case Step.Jump j -> enter(j.nodeId());
                case Step.Await<?> a -> park(a);
                case Step.Call c -> call(c);
                case Step.Return r -> giveBack();
                case Step.End e -> {
                    finish(e.reason());
                    yield null;
                }
                case Step.Fail f -> failure(f.reason());
            };
        }
    }

    private Step enter(String nodeId) {
        CompiledNode node = frame.flow.node(nodeId);
        if (node == null) return fallback("node '" + nodeId + "' does not exist in flow " + frame.flow.id());
        if (++steps > limits.maxSteps()) {
            journal(Kind.LIMIT_REACHED, node, null, Map.of("limit", "maxSteps", "value", limits.maxSteps()));
            if (steps > limits.maxSteps() + FALLBACK_STEP_ALLOWANCE) {
                return hangUpNow(HangupCause.TEMPORARY_FAILURE, "too many steps, even in the fallback");
            }
            if (!inFallback) return fallback("more than " + limits.maxSteps() + " steps: a loop that never waits?");
        }
        current = node;
        path.add(parents.isEmpty() ? node.id() : frame.flow.id() + "/" + node.id());
        journal(Kind.NODE_ENTERED, node, null, Map.of());
        NodeHandler<NodeSettings> handler = handlers.get(node.node().type());
        Context ctx = new Context(node, frame);
        return guarded(() -> handler.enter(ctx));
    }

    private static final int FALLBACK_STEP_ALLOWANCE = 50;
    private static final int MAX_FALLBACKS = 3;

    private Step exit(String exit) {
        // A node that completes normally ends the fallback: a later failure is handled like any other.
        if (!"error".equals(exit)) inFallback = false;
        String target = current.targetOf(exit);
        String via = current.wiredExitOf(exit);
        journal(Kind.EXIT_TAKEN, current, exit, target == null ? Map.of() : Map.of("target", target, "via", via));
        if (target == null) return fallback("exit '" + exit + "' of node '" + current.id() + "' is not wired");
        return new Step.Jump(target);
    }

    private <T> Step park(Step.Await<T> await) {
        long token = ++awaitToken;
        status = Status.WAITING;
        Frame parkedFrame = frame;
        await.pending().whenComplete((value, error) -> executor.execute(() -> resume(token, parkedFrame, await, value, error)));
        return null;
    }

    private <T> void resume(long token, Frame parkedFrame, Step.Await<T> await, T value, Throwable error) {
        if (token != awaitToken || status != Status.WAITING || parkedFrame != frame) return;
        status = Status.RUNNING;
        Step next = error != null ? new Step.Fail(describe(error)) : guarded(() -> await.then().apply(value));
        run(next);
    }

    private Step failure(String reason) {
        journal(Kind.NODE_FAILED, current, null, Map.of("reason", nz(reason)));
        if (current != null && current.targetOf("error") != null) return exit("error");
        return fallback(reason);
    }

    /**
     * The flow's fallback: the nearest declared one, from this flow up to the top-level flow. A failure while
     * the fallback itself runs, or more than {@link #MAX_FALLBACKS} in one call, hangs up instead of looping.
     */
    private Step fallback(String reason) {
        journal(Kind.FALLBACK, current, null, Map.of("reason", nz(reason)));
        if (inFallback) return hangUpNow(HangupCause.TEMPORARY_FAILURE, "the fallback failed: " + reason);
        if (++fallbacks > MAX_FALLBACKS) {
            return hangUpNow(HangupCause.TEMPORARY_FAILURE, "more than " + MAX_FALLBACKS + " fallbacks: " + reason);
        }
        inFallback = true;
        while (frame.flow.flow().fallback() == null && !parents.isEmpty()) frame = parents.pop();
        String target = frame.flow.flow().fallback();
        if (target == null) return hangUpNow(HangupCause.TEMPORARY_FAILURE, "no fallback declared: " + reason);
        return new Step.Jump(target);
    }

    private Step call(Step.Call c) {
        Frame child = new Frame(c.child(), initialVariables(c.child(), c.inputs()), c.onReturn());
        child.caller = current;
        parents.push(frame);
        frame = child;
        return new Step.Jump(c.child().flow().start());
    }

    private Step giveBack() {
        if (parents.isEmpty()) return hangUpNow(HangupCause.NORMAL, "the flow returned");
        Frame child = frame;
        frame = parents.pop();
        current = child.caller;
        Map<String, Object> childVars = Collections.unmodifiableMap(child.variables);
        return guarded(() -> child.onReturn.apply(childVars));
    }

    private Step hangUpNow(HangupCause cause, String reason) {
        ports.channel().hangup(cause);
        finish(reason);
        return null;
    }

    private void timeLimit(String reason) {
        if (status == Status.ENDED) return;
        journal(Kind.LIMIT_REACHED, current, null, Map.of("limit", "callLength", "reason", reason));
        ports.channel().stopCurrent();
        ports.channel().hangup(HangupCause.ALLOTTED_TIMEOUT);
        finish(reason);
    }

    private void finish(String reason) {
        if (status == Status.ENDED) return;
        status = Status.ENDED;
        endReason = reason;
        awaitToken++;
        if (callTimer != null) callTimer.cancel();
        if (durationTimer != null) durationTimer.cancel();
        journal(Kind.CALL_ENDED, current, null, Map.of("reason", nz(reason), "steps", steps));
        onEnd.accept(this);
    }

    private Step guarded(Supplier<Step> body) {
        try {
            Step s = body.get();
            return s == null ? new Step.Fail("handler returned no step") : s;
        } catch (NodeFailure f) {
            return new Step.Fail(f.getMessage());
        } catch (RuntimeException e) {
            return new Step.Fail("internal error: " + e);
        }
    }

    private static String describe(Throwable error) {
        Throwable t = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    private void journal(Kind kind, CompiledNode node, String exit, Map<String, Object> detail) {
        Node n = node == null ? null : node.node();
        ports.journal().write(new JournalEvent(callId, ports.clock().now(), kind, frame.flow.id(), frame.flow.version(),
                n == null ? null : n.id(), n == null ? null : n.type().json(), exit, detail));
    }

    private static Map<String, Object> initialVariables(CompiledFlow flow, Map<String, Object> inputs) {
        Map<String, Object> vars = new LinkedHashMap<>();
        flow.flow().variablesOrEmpty().forEach((name, decl) ->
                vars.put(name, Values.initial(decl.type(), decl.initial())));
        inputs.forEach((k, v) -> vars.put(k, Values.normalize(v)));
        return vars;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** A running flow: the top-level one, or a subflow with the continuation of the node that called it. */
    private static final class Frame {
        final CompiledFlow flow;
        final Map<String, Object> variables;
        final Map<String, Object> results = new HashMap<>();
        final Map<String, Map<String, Object>> nodeState = new HashMap<>();
        final Function<Map<String, Object>, Step> onReturn;
        Map<String, Object> last = Map.of();
        CompiledNode caller;

        Frame(CompiledFlow flow, Map<String, Object> variables, Function<Map<String, Object>, Step> onReturn) {
            this.flow = flow;
            this.variables = variables;
            this.onReturn = onReturn;
        }
    }

    /** The handler's view of the call while its node runs. */
    private final class Context implements NodeContext<NodeSettings> {
        private final CompiledNode node;
        private final Frame owner;

        Context(CompiledNode node, Frame owner) {
            this.node = node;
            this.owner = owner;
        }

        @Override
        public Node node() {
            return node.node();
        }

        @Override
        public NodeSettings settings() {
            return node.node().settings();
        }

        @Override
        public CompiledFlow flow() {
            return owner.flow;
        }

        @Override
        public CallPorts ports() {
            return ports;
        }

        @Override
        public CallInfo call() {
            return ports.channel().info();
        }

        @Override
        public Instant now() {
            return ports.clock().now();
        }

        @Override
        public String language() {
            return language;
        }

        @Override
        public void setLanguage(String newLanguage) {
            language = newLanguage;
            callData.put("language", newLanguage);
        }

        @Override
        public Object variable(String name) {
            return owner.variables.get(name);
        }

        @Override
        public void setVariable(String name, Object value) {
            owner.variables.put(name, Values.normalize(value));
        }

        @Override
        public void putResult(Map<String, Object> result) {
            Map<String, Object> copy = new HashMap<>();
            result.forEach((k, v) -> copy.put(k, Values.normalize(v)));
            Map<String, Object> frozen = Collections.unmodifiableMap(copy);
            owner.results.put(node.id(), frozen);
            owner.last = frozen;
        }

        @Override
        public Map<String, Object> nodeState() {
            return owner.nodeState.computeIfAbsent(node.id(), k -> new HashMap<>());
        }

        private FlowExpressions.Scope scope() {
            return new FlowExpressions.Scope(owner.variables, callData, owner.results, owner.last);
        }

        @Override
        public Object evaluate(String expression) {
            return owner.flow.expressions().evaluate(expression, scope());
        }

        @Override
        public Object evaluateFor(String variable, String expression) {
            var decl = owner.flow.flow().variablesOrEmpty().get(variable);
            return owner.flow.expressions().evaluateAs(expression, decl == null ? null : decl.type(), scope());
        }

        @Override
        public boolean test(String expression) {
            return owner.flow.expressions().test(expression, scope());
        }

        @Override
        public String render(String template) {
            return owner.flow.expressions().render(template, scope());
        }

        @Override
        public String render(String template, Escaping escaping) {
            return owner.flow.expressions().render(template, scope(), escaping::escape);
        }

        @Override
        public List<Audio> audio(Prompt prompt) {
            return PromptResolver.resolve(prompt, language, owner.flow.flow().defaultLanguage(), this::render,
                    this::resolve, ports.synthesizer());
        }

        @Override
        public String resolve(SymbolKind kind, String name) {
            return owner.flow.environment().resolve(kind, name).orElseThrow(() ->
                    new NodeFailure("the environment binds no " + kind.json() + " entry named '" + name + "'"));
        }

        @Override
        public Environment environment() {
            return owner.flow.environment();
        }

        @Override
        public void limitCallTo(Duration duration) {
            if (durationTimer != null) durationTimer.cancel();
            durationTimer = ports.clock().schedule(duration, () -> executor.execute(() ->
                    timeLimit("the flow's maximum duration of " + duration + " was reached")));
        }

        @Override
        public void journal(Kind kind, Map<String, Object> detail) {
            CallSession.this.journal(kind, node, null, detail);
        }

        @Override
        public CompletionStage<Void> sleep(Duration delay) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            ports.clock().schedule(delay, () -> done.complete(null));
            return done;
        }
    }
}
