package dev.ivrflow.app.sim;

import dev.ivrflow.flow.sim.SimAction;

import java.util.List;
import java.util.Map;

/**
 * A simulated call as the designer shows it: what {@code POST /api/sim/calls}, {@code GET /api/sim/calls/{id}},
 * input and hang-up answer.
 *
 * @param state       {@code waiting} (for the caller: see {@code waiting}), {@code running} or {@code ended}
 * @param version     the version called: a number, or {@code "draft"}
 * @param currentNode the node the call is in (or ended in)
 * @param waiting     what the flow waits for, when it waits for the caller: {@code expecting} digits or speech
 * @param path        the nodes entered, in order; subflow nodes as {@code flowId/nodeId}
 * @param heard       what the caller heard: TTS text, {@code file:...} or {@code tone:...}
 * @param actions     every channel action the flow asked for, with its detail
 * @param startedAt   the simulated time the call started ({@code at}), with the request's offset
 * @param clock       the simulated time now: it only moves with the caller's silence and the flow's own timers
 * @param duration    the simulated time since the start, ISO-8601 ({@code PT36S})
 * @param lastEventId the id of the last event on the call's stream
 */
public record CallView(String callId, String flowId, Object version, String state, boolean ended, String endReason,
                       String currentNode, Map<String, Object> waiting, List<String> path, List<String> heard,
                       List<SimAction> actions, Map<String, Object> variables, String language, String startedAt,
                       String clock, String duration, long lastEventId) {
}
