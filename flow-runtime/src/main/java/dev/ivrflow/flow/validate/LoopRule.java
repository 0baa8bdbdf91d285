package dev.ivrflow.flow.validate;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import static dev.ivrflow.flow.validate.Severity.ERROR;

/**
 * IVR flows loop on purpose ("invalid choice: play the menu again"), so cycles are allowed. What is not: a loop
 * in which nothing waits for the caller (it spins until the runtime's step limit cuts the call), and a loop that
 * nothing ends (no node in it that counts tries has a connected way out). Each is reported once per strongly
 * connected component, on its first node.
 */
final class LoopRule implements FlowRule {

    @Override
    public void check(FlowContext context, Issues issues) {
        FlowGraph graph = context.graph();
        for (Set<String> component : graph.loops()) {
            List<NodeFacts> nodes = component.stream().map(context::node)
                    .sorted(Comparator.comparingInt(NodeFacts::index)).toList();
            // A node whose settings could not be read is already an error; guessing its loop role would only add noise.
            if (nodes.stream().anyMatch(n -> !n.usable())) continue;
            NodeFacts first = nodes.getFirst();
            String ids = listed(nodes.stream().map(NodeFacts::id).toList());
            if (nodes.stream().noneMatch(NodeFacts::waits)) {
                issues.node(ERROR, ValidationCodes.LOOP_WITHOUT_WAIT, first.node(), first.index(), null,
                        DocumentPointers.node(first.index()), "it is in a loop through " + ids + ", in which no node"
                                + " waits for the caller, so the call would go round until the safety step limit ends"
                                + " it. Put a node that waits for the caller (a menu, input, ask or record) in the loop,"
                                + " or break the loop.");
            }
            boolean bounded = nodes.stream().anyMatch(n -> n.bounds()
                    && graph.successors(n.id()).stream().anyMatch(s -> !component.contains(s)));
            if (!bounded) {
                issues.node(ERROR, ValidationCodes.LOOP_UNBOUNDED, first.node(), first.index(), null,
                        DocumentPointers.node(first.index()), "it is in a loop through " + ids + ", which nothing ever"
                                + " ends: no node in it that counts tries (a menu, input or loop) has a connected exit"
                                + " leading out of the loop. Connect such a node's failure or done exit to a node"
                                + " outside the loop.");
            }
        }
    }

    /** "a", "a and b", "a, b and c": the loop's nodes in the order the flow lists them. */
    private static String listed(List<String> ids) {
        if (ids.size() == 1) return ids.getFirst();
        return String.join(", ", ids.subList(0, ids.size() - 1)) + " and " + ids.getLast();
    }
}
