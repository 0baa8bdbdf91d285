package dev.ivrflow.app.calls;

import java.time.Instant;
import java.util.Map;

/**
 * Per-node statistics of one flow version over a time range, for the designer's overlay on the canvas. Only nodes
 * that calls reached are listed (a node absent from {@code nodes} had no events in the range).
 *
 * @param calls   calls with at least one event in this flow version in the range (a subflow's: the calls that ran it)
 * @param started calls that started on this flow version in the range
 * @param events  journal events read
 * @param nodes   by node id
 */
public record FlowStats(String flowId, int version, Instant from, Instant to, long calls, long started, long events,
                        Map<String, Node> nodes) {

    /**
     * One node.
     *
     * @param entries   times a call entered it
     * @param exits     times each exit was taken, by the exit the node chose ({@code timeout}, {@code sales}...)
     * @param edges     the same by the wired exit actually followed: an unwired optional exit falls back to another
     *                  ({@code timeout} to {@code failure}), and this is what the canvas's arrows carried
     * @param timeouts  the caller said or pressed nothing in time (one per try: a menu's or input's timeouts, an
     *                  ask node's no-input)
     * @param invalid   the caller's answer was not valid (one per try; an ask node's no-match)
     * @param hangups   the caller hung up while the call was in this node
     * @param ended     calls that ended in this node, whatever the reason (a hang-up node, the caller, a limit)
     * @param failures  the node failed (then took its error exit, or the flow's fallback)
     * @param fallbacks the flow's fallback was taken from this node
     * @param dwell     time spent in the node per visit
     */
    public record Node(String nodeType, long entries, Map<String, Long> exits, Map<String, Long> edges, long timeouts,
                       long invalid, long hangups, long ended, long failures, long fallbacks, Dwell dwell) {
    }

    /**
     * Time from entering a node to entering the next one (or the call's end), in milliseconds. A visit during which
     * the call ran a subflow includes the subflow's time. Visits whose end this flow version's journal does not show
     * are not counted: a call still in progress at {@code to}, or a subflow's last node (the call went back to its
     * parent). The median and 90th percentile are exact over up to {@code ivr.journal.dwell-sample} visits per node
     * ({@code exact}), and beyond that computed on a uniform random sample of that size (reservoir sampling); the
     * mean is always exact.
     *
     * @param visits visits measured
     */
    public record Dwell(long visits, Long medianMs, Long p90Ms, Long meanMs, boolean exact) {
    }
}
