package dev.ivrflow.app.runtime;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ivrflow.app.flows.FlowIds;
import dev.ivrflow.esl.outbound.CallRouter;
import dev.ivrflow.esl.outbound.CallServices;
import dev.ivrflow.esl.outbound.CallStart;
import dev.ivrflow.flow.compile.CompiledFlowCache;
import dev.ivrflow.flow.model.Node;
import dev.ivrflow.flow.nodes.subflow.SubflowSettings;
import dev.ivrflow.flow.port.CallInfo;
import dev.ivrflow.flow.runtime.CompiledFlow;
import dev.ivrflow.flow.runtime.NodeHandlers;
import dev.ivrflow.flow.runtime.RuntimeLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Chooses the flow a new call runs:
 * <ol>
 *   <li>the channel variable {@code ivr_flow}, when the dialplan set it, names the flow;</li>
 *   <li>otherwise the called number's route ({@link NumberRoutes}: exact, then the longest prefix);</li>
 * </ol>
 * then takes that flow's latest published version as this instance knows it ({@link PublishWatcher}), compiled
 * through the {@link CompiledFlowCache}. The call is pinned to that compiled version until it ends, whatever is
 * published meanwhile. When nothing serves the call (no route, nothing published, a version that no longer
 * compiles, or the instance is shutting down) the reason is logged and the outbound server hands the call back to
 * the dialplan (or hangs up, as configured). A database that cannot be reached makes routing fail the same way,
 * unless this instance has routed the same number before: then that answer is used again.
 *
 * <p>Runs on the call's own (virtual) thread, so the lookups may block.
 */
public final class FlowCallRouter implements CallRouter {
    private static final Logger log = LoggerFactory.getLogger(FlowCallRouter.class);
    /** The channel variable the dialplan sets to choose the flow ({@code <action application="set" data="ivr_flow=main-line"/>}). */
    public static final String FLOW_VARIABLE = "ivr_flow";
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(2);
    private static final int MAX_SUBFLOWS = 50;

    /** How a call was matched to a flow. */
    public enum Via { VARIABLE, NUMBER, PREFIX }

    /** Where a call goes: the flow, its live version, and why. */
    public record Decision(String flowId, int version, Via via, String route) {
    }

    private final NumberRoutes routes;
    private final PublishWatcher published;
    private final CompiledFlowCache compiled;
    private final NodeHandlers handlers;
    private final CallServices services;
    private final RuntimeLimits limits;
    /** The last answer per called number, used only when the database cannot be asked. */
    private final Cache<String, Optional<NumberRoutes.Route>> lastKnown =
            Caffeine.newBuilder().maximumSize(10_000).build();
    private volatile boolean draining;

    public FlowCallRouter(NumberRoutes routes, PublishWatcher published, CompiledFlowCache compiled, NodeHandlers handlers,
                          CallServices services, RuntimeLimits limits) {
        this.routes = routes;
        this.published = published;
        this.compiled = compiled;
        this.handlers = handlers;
        this.services = services;
        this.limits = limits;
    }

    @Override
    public Optional<CallStart> route(CallInfo call) {
        if (draining) {
            log.info("call {} to {}: this instance is shutting down; handing the call back", call.uuid(), call.calledNumber());
            return Optional.empty();
        }
        Optional<Decision> decision = decide(call);
        if (decision.isEmpty()) return Optional.empty();
        Decision d = decision.get();
        Optional<CompiledFlow> flow = compiled.resolve(d.flowId(), d.version());
        if (flow.isEmpty()) {
            log.warn("call {} to {}: flow '{}' version {} cannot run (see the error logged when it was compiled)",
                    call.uuid(), call.calledNumber(), d.flowId(), d.version());
            return Optional.empty();
        }
        warmSubflows(flow.get());
        log.info("call {} from {} to {}: flow '{}' version {} (by {})", call.uuid(), call.callerNumber(),
                call.calledNumber(), d.flowId(), d.version(), describe(d));
        return Optional.of(new CallStart(flow.get(), handlers, services, limits));
    }

    /** Where the call would go, without compiling anything; empty (with the reason logged) when nowhere. */
    public Optional<Decision> decide(CallInfo call) {
        String variable = call.variables().get(FLOW_VARIABLE);
        String flowId;
        Via via;
        String route = null;
        if (variable != null && !variable.isBlank()) {
            flowId = variable.trim();
            via = Via.VARIABLE;
            if (!FlowIds.valid(flowId)) {
                log.warn("call {} to {}: the dialplan's {}='{}' is not a flow id", call.uuid(), call.calledNumber(),
                        FLOW_VARIABLE, abbreviate(flowId));
                return Optional.empty();
            }
        } else {
            Optional<NumberRoutes.Route> r = numberRoute(call.calledNumber());
            if (r.isEmpty()) {
                log.warn("call {} to {}: no flow serves this number (no route matches it and the dialplan set no {})",
                        call.uuid(), call.calledNumber(), FLOW_VARIABLE);
                return Optional.empty();
            }
            flowId = r.get().flowId();
            route = r.get().number();
            via = route.equals(call.calledNumber()) ? Via.NUMBER : Via.PREFIX;
        }
        OptionalInt version = published.latest(flowId);
        if (version.isEmpty()) {
            log.warn("call {} to {}: flow '{}' has no published version", call.uuid(), call.calledNumber(), flowId);
            return Optional.empty();
        }
        return Optional.of(new Decision(flowId, version.getAsInt(), via, route));
    }

    private Optional<NumberRoutes.Route> numberRoute(String calledNumber) {
        String key = calledNumber == null ? "" : calledNumber;
        try {
            Optional<NumberRoutes.Route> found = Optional.ofNullable(routes.match(calledNumber).block(LOOKUP_TIMEOUT));
            lastKnown.put(key, found);
            return found;
        } catch (RuntimeException e) {
            Optional<NumberRoutes.Route> known = lastKnown.getIfPresent(key);
            if (known == null) throw e;
            log.warn("routes cannot be read ({}); using this instance's last answer for {}", e.getMessage(), calledNumber);
            return known;
        }
    }

    /** Compiles the subflow versions the flow pins now, so the call does not wait for them halfway through. */
    private void warmSubflows(CompiledFlow root) {
        Set<String> seen = new HashSet<>();
        warm(root, seen);
    }

    private void warm(CompiledFlow flow, Set<String> seen) {
        for (Node n : flow.flow().nodes()) {
            if (n.settings() instanceof SubflowSettings s && s.flow() != null && s.version() != null
                    && seen.size() < MAX_SUBFLOWS && seen.add(s.flow() + "@" + s.version())) {
                compiled.resolve(s.flow(), s.version()).ifPresent(child -> warm(child, seen));
            }
        }
    }

    /** New calls are handed back to the dialplan from now on (shutdown); calls in progress go on. */
    public void drain() {
        draining = true;
    }

    public boolean draining() {
        return draining;
    }

    private static String describe(Decision d) {
        return switch (d.via()) {
            case VARIABLE -> "channel variable " + FLOW_VARIABLE;
            case NUMBER -> "number route " + d.route();
            case PREFIX -> "prefix route " + d.route();
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
