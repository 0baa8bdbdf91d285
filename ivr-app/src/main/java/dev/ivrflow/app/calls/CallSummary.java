package dev.ivrflow.app.calls;

import java.time.Instant;

/**
 * One call in a search result or at the head of a journey: its flow and version (the one it started on), who
 * called which number, when it started and ended, why it ended, where it was then ({@code lastFlowId} differs from
 * {@code flowId} when the call ended in a subflow) and how many nodes it went through. Fields of a call in progress,
 * or whose start or end is not written yet, are null.
 */
public record CallSummary(String callId, String flowId, Integer flowVersion, String caller, String called,
                          Instant startedAt, Instant endedAt, Long durationMs, String endReason, String lastFlowId,
                          String lastNodeId, Integer pathLength, Integer steps) {
}
