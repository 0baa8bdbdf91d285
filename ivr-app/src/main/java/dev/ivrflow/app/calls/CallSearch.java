package dev.ivrflow.app.calls;

import java.time.Instant;

/** A call search, checked: every field but {@code limit} may be null. */
record CallSearch(String caller, String called, String flowId, Instant from, Instant to, int limit,
                  CallCursor cursor) {
}
