package dev.ivrflow.flow.sim;

import dev.ivrflow.flow.runtime.JournalEvent;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a simulated call did: the nodes it went through (subflow nodes as {@code flow/node}), what the caller heard,
 * the channel actions asked for, the final variables and language, why it ended, how long it lasted on the manual
 * clock, and its journal.
 */
public record SimulationResult(List<String> path, List<String> heard, List<SimAction> actions,
                               Map<String, Object> variables, String language, String endReason, Duration duration,
                               List<JournalEvent> journal) {

    public List<String> actionNames() {
        return actions.stream().map(SimAction::action).toList();
    }
}
