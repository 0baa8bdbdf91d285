package dev.ivrflow.flow.validate;

import dev.ivrflow.flow.model.ExitSpec;

import java.util.List;

/**
 * The exits a node can take where the flow will run.
 *
 * @param complete false when more exits may exist than are listed (a calendar shared through an environment
 *                 that is not known here brings its own range exits), so no exit is reported as unknown
 */
public record NodeExits(List<ExitSpec> specs, boolean complete) {

    public NodeExits {
        specs = specs == null ? List.of() : specs.stream().filter(s -> s != null && s.name() != null).toList();
    }

    public static NodeExits of(List<ExitSpec> specs) {
        return new NodeExits(specs, true);
    }

    public static NodeExits atLeast(List<ExitSpec> specs) {
        return new NodeExits(specs, false);
    }

    public boolean declares(String exit) {
        return specs.stream().anyMatch(s -> s.name().equals(exit));
    }
}
