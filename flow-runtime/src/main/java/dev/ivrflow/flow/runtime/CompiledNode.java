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

    public CompiledNode(Node node) {
        this.node = node;
        Map<String, ExitSpec> specs = new HashMap<>();
        for (ExitSpec e : node.settings().exits()) specs.put(e.name(), e);
        // A wired exit always leads to its target, even one the settings cannot list up front (the named ranges of
        // a shared calendar that the environment defines).
        Map<String, String> resolved = new HashMap<>(node.exits());
        for (ExitSpec e : specs.values()) {
            String target = resolve(e.name(), specs, 0);
            if (target != null) resolved.put(e.name(), target);
        }
        this.resolvedExits = Map.copyOf(resolved);
    }

    private String resolve(String exit, Map<String, ExitSpec> specs, int depth) {
        String wired = node.exits().get(exit);
        if (wired != null) return wired;
        ExitSpec spec = specs.get(exit);
        if (spec == null || spec.otherwise() == null || depth > specs.size()) return null;
        return resolve(spec.otherwise(), specs, depth + 1);
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
}
