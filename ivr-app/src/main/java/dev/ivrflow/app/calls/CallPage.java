package dev.ivrflow.app.calls;

import java.util.List;

/** One page of a call search, newest first; {@code next} is the cursor of the next page, null on the last one. */
public record CallPage(List<CallSummary> calls, String next) {
}
