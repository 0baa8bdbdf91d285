package dev.ivrflow.flow.runtime;

import dev.ivrflow.flow.model.ExitSpec;
import dev.ivrflow.flow.model.Node;

import java.util.HashMap;
import java.util.Map;

/**
 * A node ready to run: its exits resolved up front, following an unwired optional exit to the exit it falls back
 * to, so the interpreter does one map lookup per exit taken.
 */
public final class CompiledNode {
    private final Node node;
    private final Map<String, String> resolvedExits;
    private final Map<String, String> wiredExits;

    public CompiledNode(Node node) {
        this.node = node;
        Map<String, ExitSpec> specs = new HashMap<>();
        for (ExitSpec e : node.settings().exits()) specs.put(e.name(), e);
        // A wired exit always leads to its target, even one the settings cannot list up front (the named ranges of
        // a shared calendar that the environment defines).
        Map<String, String> wired = new HashMap<>();
        node.exits().keySet().forEach(exit -> wired.put(exit, exit));
        for (ExitSpec e : specs.values()) {
            String via = wiredExit(e.name(), specs, 0);
            if (via != null) wired.put(e.name(), via);
        }
        Map<String, String> resolved = new HashMap<>();
        wired.forEach((exit, via) -> resolved.put(exit, node.exits().get(via)));
        this.wiredExits = Map.copyOf(wired);
        this.resolvedExits = Map.copyOf(resolved);
    }

    /** Follows the fall-back chain of unwired optional exits to the first wired one. */
    private String wiredExit(String exit, Map<String, ExitSpec> specs, int depth) {
        if (node.exits().containsKey(exit)) return exit;
        ExitSpec spec = specs.get(exit);
        if (spec == null || spec.otherwise() == null || depth > specs.size()) return null;
        return wiredExit(spec.otherwise(), specs, depth + 1);
    }

    public Node node() {
        return node;
    }

    public String id() {
        return node.id();
    }

    /** The node this exit leads to (after the fall-back chain of unwired optional exits), or null. */
    public String targetOf(String exit) {
        return resolvedExits.get(exit);
    }

    /** The wired exit that taking {@code exit} follows: itself, or the one it falls back to; null if none. */
    public String wiredExitOf(String exit) {
        return wiredExits.get(exit);
    }
}
