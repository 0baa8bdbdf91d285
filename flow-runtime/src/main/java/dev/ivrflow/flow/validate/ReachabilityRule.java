package dev.ivrflow.flow.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.ivrflow.flow.validate.Severity.WARNING;

/**
 * Nodes no call can get to. A call begins at the start and, after an unhandled failure, continues at the
 * fallback, so both are where paths begin. Without a start there is nothing to measure against.
 */
final class ReachabilityRule implements FlowRule {

    @Override
    public void check(FlowContext context, Issues issues) {
        if (!context.hasNode(context.flow.start())) return;
        List<String> roots = new ArrayList<>(List.of(context.flow.start()));
        if (context.hasNode(context.flow.fallback())) roots.add(context.flow.fallback());
        Set<String> reachable = context.graph().reachableFrom(roots);
        for (NodeFacts n : context.primaryNodes()) {
            if (reachable.contains(n.id())) continue;
            issues.node(WARNING, ValidationCodes.NODE_UNREACHABLE, n.node(), n.index(), null,
                    DocumentPointers.node(n.index()), "no path leads here from the start node or the fallback, so no"
                            + " call ever reaches it. Connect it, or delete it.");
        }
    }
}
