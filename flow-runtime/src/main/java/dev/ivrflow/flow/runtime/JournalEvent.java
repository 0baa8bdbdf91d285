package dev.ivrflow.flow.runtime;

import java.time.Instant;
import java.util.Map;

/**
 * One line of a call's journal. A single flat shape (rather than a type per kind) so that storage, search and
 * statistics treat every event alike. {@code detail} holds kind-specific data (digits, transcript, reasons).
 */
public record JournalEvent(String callId, Instant at, Kind kind, String flowId, int flowVersion, String nodeId,
                           String nodeType, String exit, Map<String, Object> detail) {

    public enum Kind {
        CALL_STARTED, NODE_ENTERED, INPUT, EXIT_TAKEN, NODE_FAILED, FALLBACK, DECISION, LIMIT_REACHED, CALL_ENDED
    }

    public JournalEvent {
        detail = detail == null ? Map.of() : Map.copyOf(detail);
    }
}
