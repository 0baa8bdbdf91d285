package dev.ivrflow.app.calls;

import dev.ivrflow.app.journal.JournalEntry;

import java.util.List;

/**
 * A call's journey: its summary and every event it journaled, in order ({@code seq} 0, 1, 2...). {@code live} is
 * true while the call runs on this instance; {@code truncated} when the call wrote more events than one answer
 * holds (the first ones are given).
 */
public record CallJourney(String callId, String flowId, Integer flowVersion, boolean live, CallSummary summary,
                          List<JournalEntry> events, boolean truncated) {
}
