package dev.ivrflow.app.journal;

import dev.ivrflow.flow.runtime.JournalEvent;

import java.time.Instant;
import java.util.Map;

/**
 * One journal event as stored and served: the runtime's {@link JournalEvent} with its sequence number within the
 * call (0, 1, 2... in the order the call wrote them). The pair (callId, seq) identifies it: that is its database id.
 */
public record JournalEntry(String callId, long seq, Instant at, JournalEvent.Kind kind, String flowId,
                           int flowVersion, String nodeId, String nodeType, String exit, Map<String, Object> detail) {

    public JournalEntry {
        detail = detail == null ? Map.of() : detail;
    }
}
