package dev.ivrflow.app.runtime;

import dev.ivrflow.esl.fssim.FsCallLog;
import dev.ivrflow.esl.fssim.SimulatedCall;
import dev.ivrflow.esl.outbound.CallStart;
import dev.ivrflow.flow.port.CallInfo;
import dev.ivrflow.flow.sim.SimCall;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a call finds its flow: the dialplan's {@code ivr_flow}, else the called number (exact, then the longest
 * prefix), then that flow's latest published version.
 */
class CallRoutingTest extends RuntimeTestSupport {
    @Autowired
    NumberRoutes routes;

    private void route(String number, String flowId) {
        routes.put(new NumberRoutes.Route(number, flowId, null, Instant.now(), "test")).block(TIMEOUT);
    }

    private String published(String prefix) {
        String id = uniqueId(prefix);
        publish(id, sayFlow(id, "Hello from " + id, "Bye"));
        return id;
    }

    @Test
    void shouldRouteByTheDialplansFlowVariableBeforeTheNumber() {
        String byVariable = published("by-var");
        String byNumber = published("by-number");
        String number = uniqueNumber();
        route(number, byNumber);

        Optional<FlowCallRouter.Decision> d = router.decide(callTo(number, Map.of("ivr_flow", byVariable)));

        assertThat(d).contains(new FlowCallRouter.Decision(byVariable, 1, FlowCallRouter.Via.VARIABLE, null));
    }

    @Test
    void shouldRouteByTheExactNumberBeforeAPrefix() {
        String exact = published("exact");
        String prefix = published("prefix");
        String number = uniqueNumber();
        route(number, exact);
        route(number.substring(0, 8), prefix);

        assertThat(router.decide(callTo(number, Map.of())))
                .contains(new FlowCallRouter.Decision(exact, 1, FlowCallRouter.Via.NUMBER, number));
    }

    @Test
    void shouldRouteByTheLongestPrefix() {
        String shorter = published("shorter");
        String longer = published("longer");
        String number = uniqueNumber();
        route(number.substring(0, 6), shorter);
        route(number.substring(0, 9), longer);

        assertThat(router.decide(callTo(number, Map.of())))
                .contains(new FlowCallRouter.Decision(longer, 1, FlowCallRouter.Via.PREFIX, number.substring(0, 9)));
        assertThat(router.decide(callTo(number.substring(0, 8) + "9", Map.of())))
                .contains(new FlowCallRouter.Decision(shorter, 1, FlowCallRouter.Via.PREFIX, number.substring(0, 6)));
        assertThat(router.decide(callTo(number.substring(0, 5) + "9", Map.of()))).as("shorter than any route").isEmpty();
    }

    @Test
    void shouldTakeTheLatestPublishedVersion() throws Exception {
        String id = published("versions");
        publish(id, sayFlow(id, "Version two", "Bye"));
        publish(id, sayFlow(id, "Version three", "Bye"));

        // A publish goes live within a poll (250 ms); the watcher may have seen version 1 before 2 and 3 landed.
        CallInfo call = callTo(uniqueNumber(), Map.of("ivr_flow", id));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Optional<CallStart> start = router.route(call);
        while (start.map(s -> s.flow().version() != 3).orElse(true) && System.nanoTime() < deadline) {
            Thread.sleep(25);
            start = router.route(call);
        }

        assertThat(start).hasValueSatisfying(s -> {
            assertThat(s.flow().id()).isEqualTo(id);
            assertThat(s.flow().version()).isEqualTo(3);
            assertThat(s.limits().maxSteps()).isEqualTo(2_000);
        });
    }

    @Test
    void shouldNotRouteWhatNothingServes() {
        String draftOnly = uniqueId("draft-only");
        store.create(draftOnly, "Draft", sayFlow(draftOnly, "a", "b"), "test").block(TIMEOUT);

        assertThat(router.route(callTo(uniqueNumber(), Map.of()))).as("no route").isEmpty();
        assertThat(router.route(callTo(uniqueNumber(), Map.of("ivr_flow", draftOnly)))).as("never published").isEmpty();
        assertThat(router.route(callTo(uniqueNumber(), Map.of("ivr_flow", "Not A Flow!")))).as("not a flow id").isEmpty();
        assertThat(router.route(callTo("sip:someone@example.com", Map.of()))).as("not a number").isEmpty();
    }

    @Test
    void shouldNotRouteToAPublishedVersionThatNoLongerCompilesAndNotCrash() throws Exception {
        String id = uniqueId("broken");
        // Published straight into the store: a version the validator refuses (its start node does not exist).
        publish(id, sayFlow(id, "a", "b").replace("\"start\":\"hello\"", "\"start\":\"nowhere\""));
        SimCall call = new SimCall(null, null, uniqueNumber(), Map.of("ivr_flow", id), null, List.of(), null);

        assertThat(router.route(callTo(call.calledNumber(), call.channelVariables()))).isEmpty();
        SimulatedCall fs = freeswitch.call(call);
        assertThat(calls.awaitNotRouted(fs.uuid())).isNotBlank();
        FsCallLog log = fs.awaitEnd(TIMEOUT);

        assertThat(log.resumed()).as("handed back to the dialplan").isTrue();

        // The next version fixes it: calls go through again once it is live (the next publish poll).
        publish(id, sayFlow(id, "Fixed", "Bye"));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Optional<CallStart> fixed = Optional.empty();
        while (fixed.isEmpty() && System.nanoTime() < deadline) {
            fixed = router.route(callTo(call.calledNumber(), call.channelVariables()));
            Thread.sleep(25);
        }
        assertThat(fixed).hasValueSatisfying(s -> assertThat(s.flow().version()).isEqualTo(2));
    }

    @Test
    void shouldRouteARealCallByPrefixThroughTheSimulatedSwitch() throws Exception {
        String id = published("real-prefix");
        String number = uniqueNumber();
        route(number.substring(0, 10), id);

        SimulatedCall fs = freeswitch.call(new SimCall(null, null, number, Map.of(), null, List.of(), null));

        assertThat(calls.awaitEnded(fs.uuid()).flow().id()).isEqualTo(id);
        assertThat(fs.awaitEnd(TIMEOUT).heard()).containsExactly("Hello from " + id, "Bye");
    }
}
