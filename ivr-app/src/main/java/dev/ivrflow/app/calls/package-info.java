/**
 * The calls API: calls live on this instance, a call's journey, call search, and per-node statistics of a flow
 * version for the designer's overlay. Everything is {@code GET} (a viewer may use it). Bad parameters are 400
 * {@code application/problem+json} with {@code errors: [{pointer, message, expected}]}, the pointer naming the
 * parameter ({@code /query/from}, {@code /path/callId}); every bad parameter is reported at once. An unreachable
 * database is 503. Instants are ISO-8601 ({@code 2026-03-04T15:00:00Z}, or with an offset).
 *
 * <h2>{@code GET /api/calls/live}</h2>
 * {@code text/event-stream} of the calls on this instance: first one {@code active} event {@code {call}} per call in
 * progress, then {@code ready} {@code {active: n}}, then for every journal event {@code started}, {@code progress} or
 * {@code ended} with {@code {type, call, event}}. {@code call} is a
 * {@link dev.ivrflow.app.calls.LiveCallFeed.LiveCall} {@code {callId, flowId, flowVersion, caller, called, startedAt,
 * currentFlowId, nodeId, nodeType, lastEventAt, events}}, {@code event} a journal event (below). Comments come every
 * 15 s. A client more than {@code ivr.journal.live-buffer} events behind gets {@code lagging} and the stream ends:
 * reconnect for a fresh snapshot.
 *
 * <h2>{@code GET /api/calls/{callId}}</h2>
 * {@link dev.ivrflow.app.calls.CallJourney} {@code {callId, flowId, flowVersion, live, summary, events, truncated}}:
 * {@code events} in order, each {@code {callId, seq, at, kind, flowId, flowVersion, nodeId, nodeType, exit,
 * detail}} ({@code kind} one of CALL_STARTED, NODE_ENTERED, INPUT, EXIT_TAKEN, NODE_FAILED, FALLBACK, DECISION,
 * LIMIT_REACHED, CALL_ENDED; {@code detail} as the node wrote it: {@code digits}, {@code timeout}/{@code try},
 * {@code invalid}/{@code try}, {@code hangup}, {@code target}/{@code via} on exits, {@code reason}...). 404 when the
 * journal knows nothing of the call.
 *
 * <h2>{@code GET /api/calls?caller=&called=&flowId=&from=&to=&limit=&cursor=}</h2>
 * {@link dev.ivrflow.app.calls.CallPage} {@code {calls: [summary...], next}}, newest first by start time
 * ({@code from} inclusive, {@code to} exclusive); {@code limit} 1 to 200 (50 by default); pass {@code next} as
 * {@code cursor} for the following page ({@code next} is null on the last). A summary is
 * {@link dev.ivrflow.app.calls.CallSummary} {@code {callId, flowId, flowVersion, caller, called, startedAt, endedAt,
 * durationMs, endReason, lastFlowId, lastNodeId, pathLength, steps}}.
 *
 * <h2>{@code GET /api/flows/{flowId}/versions/{version}/stats?from=&to=}</h2>
 * {@link dev.ivrflow.app.calls.FlowStats} {@code {flowId, version, from, to, calls, started, events, nodes}} with
 * {@code nodes} by node id: {@code {nodeType, entries, exits: {exit: n}, edges: {wiredExit: n}, timeouts, invalid,
 * hangups, ended, failures, fallbacks, dwell: {visits, medianMs, p90Ms, meanMs, exact}}}. Both bounds are optional
 * (all time, up to now). Computed in one pass over the version's events in time order by
 * {@link dev.ivrflow.app.calls.NodeStatsCollector}, in memory bounded by the calls running at one time; the median
 * dwell is exact up to {@code ivr.journal.dwell-sample} visits per node and from a uniform reservoir sample beyond.
 */
package dev.ivrflow.app.calls;
