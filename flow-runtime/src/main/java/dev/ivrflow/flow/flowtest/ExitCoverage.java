package dev.ivrflow.flow.flowtest;

import dev.ivrflow.flow.model.ExitSpec;
import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.model.Node;
import dev.ivrflow.flow.runtime.JournalEvent;
import dev.ivrflow.flow.sim.SimulationResult;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which wired exits of a flow its scenarios took, as {@code nodeId.exit}. Only exits taken in the flow under test
 * count (not in its subflows).
 */
public record ExitCoverage(Set<String> wired, Set<String> taken) {

    public static ExitCoverage of(Flow flow, Collection<SimulationResult> runs) {
        Set<String> wired = new TreeSet<>();
        for (Node n : flow.nodes()) {
            for (ExitSpec e : n.settings().exits()) if (n.target(e.name()) != null) wired.add(n.id() + "." + e.name());
        }
        Set<String> taken = new TreeSet<>();
        for (SimulationResult r : runs) {
            for (JournalEvent e : r.journal()) {
                if (e.kind() == JournalEvent.Kind.EXIT_TAKEN && flow.id().equals(e.flowId())) {
                    // An unwired optional exit (timeout) exercises the wire it falls back to (failure).
                    Object via = e.detail().get("via");
                    String key = e.nodeId() + "." + (via != null ? via : e.exit());
                    if (wired.contains(key)) taken.add(key);
                }
            }
        }
        return new ExitCoverage(Set.copyOf(wired), Set.copyOf(taken));
    }

    public Set<String> untaken() {
        Set<String> out = new TreeSet<>(wired);
        out.removeAll(taken);
        return out;
    }

    public boolean complete() {
        return taken.containsAll(wired);
    }
}
