package dev.ivrflow.flow.validate;

import dev.ivrflow.flow.model.ExitSpec;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.ivrflow.flow.validate.Severity.ERROR;

/** Connections: each one leaves by an exit the node has and leads to a node that exists; required exits are wired. */
final class ExitRule implements FlowRule {

    @Override
    public void check(FlowContext context, Issues issues) {
        for (NodeFacts n : context.nodes) {
            for (Map.Entry<String, String> wired : n.node().exits().entrySet()) {
                checkWired(context, issues, n, wired.getKey(), wired.getValue());
            }
            if (n.usable()) checkRequired(issues, n);
        }
    }

    private static void checkWired(FlowContext context, Issues issues, NodeFacts n, String exit, String target) {
        String pointer = DocumentPointers.exit(n.index(), exit);
        if (n.usable() && n.exits().complete() && !n.exits().declares(exit)) {
            String known = n.exitSpecs().stream().map(ExitSpec::name).distinct().collect(Collectors.joining(", "));
            issues.node(ERROR, ValidationCodes.EXIT_UNKNOWN, n.node(), n.index(), exit, pointer, "it has a connection"
                    + " from the exit \"" + exit + "\", which this node does not have ("
                    + (known.isEmpty() ? "it has no exits" : "its exits are " + known) + "). Remove the connection.");
        } else if (target != null && !target.isBlank() && !context.hasNode(target)) {
            issues.node(ERROR, ValidationCodes.EXIT_TARGET_UNKNOWN, n.node(), n.index(), exit, pointer, "the exit \""
                    + exit + "\" leads to node \"" + target + "\", which does not exist. Connect it to an existing node.");
        }
    }

    private static void checkRequired(Issues issues, NodeFacts n) {
        Set<String> seen = new HashSet<>();
        for (ExitSpec spec : n.exitSpecs()) {
            if (!spec.required() || !seen.add(spec.name()) || n.target(spec.name()) != null) continue;
            String why = spec.description() == null ? "" : " (" + spec.description() + ")";
            issues.node(ERROR, ValidationCodes.EXIT_UNWIRED, n.node(), n.index(), spec.name(),
                    DocumentPointers.exit(n.index(), spec.name()), "the exit \"" + spec.name() + "\"" + why
                            + " is not connected. Connect it to the node that should come next.");
        }
    }
}
