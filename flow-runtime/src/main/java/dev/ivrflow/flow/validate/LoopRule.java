package dev.ivrflow.flow.validate;

import dev.ivrflow.flow.model.ExitSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static dev.ivrflow.flow.validate.Severity.ERROR;

/**
 * IVR flows loop on purpose ("invalid choice: play the menu again"), and the runtime gives a menu or an input
 * its tries afresh each time the call enters it, so a try count bounds nothing once the flow leads back. Two
 * kinds of loop are errors:
 * <ul>
 * <li>a loop in which no time passes: no step of it leaves a node that waits for the caller, and none is a loop
 *     node's counted body. It spins until the runtime's step limit ends the call;</li>
 * <li>a loop a caller who stays silent goes round forever: it uses no exit that needs a response (a key, speech,
 *     a recording, an answer) and no counted body. A loop the caller drives ("press 9 to hear this again") is
 *     fine: the caller chooses each round, and the longest call the runtime allows bounds it.</li>
 * </ul>
 * A loop node's done exit bounds nothing, since its count starts again after it. Each loop (a strongly connected
 * component of what is left of the graph) is reported once, on its first node in the flow's order; a silent loop
 * that is only a spinning one is reported once, as spinning.
 */
final class LoopRule implements FlowRule {

    @Override
    public void check(FlowContext context, Issues issues) {
        FlowGraph graph = context.graph();
        Predicate<FlowGraph.Step> uncounted =
                step -> step.exit() == null || !step.from().countedExits().contains(step.exit());
        Predicate<FlowGraph.Step> instant = uncounted.and(step -> !step.from().waits());
        for (Set<String> loop : graph.loops(instant)) {
            List<NodeFacts> nodes = ordered(context, loop);
            if (nodes == null) continue;
            NodeFacts first = nodes.getFirst();
            issues.node(ERROR, ValidationCodes.LOOP_WITHOUT_WAIT, first.node(), first.index(), null,
                    DocumentPointers.node(first.index()), "it is in a loop through " + listed(ids(nodes), "and")
                            + ", in which nothing waits for the caller, so the call would go round until the safety"
                            + " step limit ends it. Put a node that waits for the caller (a menu, input, ask or"
                            + " record) in the loop, bound it with a loop node, or break the loop.");
        }
        Map<String, Map<String, Set<String>>> silentExits = new HashMap<>();
        Predicate<FlowGraph.Step> silent = uncounted.and(step -> step.exit() == null || silentExits
                .computeIfAbsent(step.from().id(), id -> takenInSilence(step.from())).containsKey(step.exit()));
        for (Set<String> loop : graph.loops(silent)) {
            List<NodeFacts> nodes = ordered(context, loop);
            if (nodes == null) continue;
            // Without a waiting node the loop is a spinning one, already reported above.
            NodeFacts waiter = nodes.stream().filter(NodeFacts::waits).findFirst().orElse(null);
            if (waiter == null) continue;
            Map<String, Set<String>> byWired = silentExits.get(waiter.id());
            List<String> exits = graph.stepsFrom(waiter.id(), silent).stream()
                    .filter(s -> s.exit() != null && loop.contains(s.to()))
                    .flatMap(s -> byWired.get(s.exit()).stream()).distinct().toList();
            String route = exits.isEmpty() ? "the exits of " + waiter.id()
                    : "the " + listed(exits, "or") + " exit of " + waiter.id();
            NodeFacts first = nodes.getFirst();
            issues.node(ERROR, ValidationCodes.LOOP_UNBOUNDED, first.node(), first.index(), null,
                    DocumentPointers.node(first.index()), "a caller who stays silent goes round "
                            + listed(ids(nodes), "and") + " forever; route " + route + " elsewhere or bound the retries"
                            + " with a loop node.");
        }
    }

    /**
     * The wired exits a silent caller can leave the node by, each with the exits to name when it leads back into a
     * loop: itself, when it needs no response; or, for one that does, the unwired exits silence takes that fall
     * back to it (a record's noInput, unwired, falls back to next, so silence leaves by next; wiring noInput
     * elsewhere is the fix).
     */
    private static Map<String, Set<String>> takenInSilence(NodeFacts node) {
        Set<String> responses = node.responseExits();
        Map<String, Set<String>> out = new HashMap<>();
        for (String exit : node.node().exits().keySet()) {
            if (exit != null && !responses.contains(exit)) out.computeIfAbsent(exit, e -> new LinkedHashSet<>()).add(exit);
        }
        Map<String, ExitSpec> specs = new HashMap<>();
        for (ExitSpec spec : node.exitSpecs()) specs.put(spec.name(), spec);
        for (ExitSpec spec : node.exitSpecs()) {
            if (responses.contains(spec.name()) || node.target(spec.name()) != null) continue;
            String exit = spec.name();
            // The runtime follows the same chain; one longer than the exits has a cycle and leads nowhere.
            for (int hops = 0; exit != null && node.target(exit) == null && hops <= specs.size(); hops++) {
                ExitSpec s = specs.get(exit);
                exit = s == null ? null : s.otherwise();
            }
            if (exit == null || node.target(exit) == null) continue;
            Set<String> named = out.computeIfAbsent(exit, e -> new LinkedHashSet<>());
            if (responses.contains(exit)) named.add(spec.name());
        }
        return out;
    }

    /** The loop's nodes in the flow's order, or null when one cannot be read (that is reported already). */
    private static List<NodeFacts> ordered(FlowContext context, Set<String> loop) {
        List<NodeFacts> nodes = loop.stream().map(context::node)
                .sorted(Comparator.comparingInt(NodeFacts::index)).toList();
        return nodes.stream().allMatch(NodeFacts::usable) ? nodes : null;
    }

    private static List<String> ids(List<NodeFacts> nodes) {
        return nodes.stream().map(NodeFacts::id).toList();
    }

    /** "a", "a and b", "a, b and c". */
    private static String listed(List<String> items, String conjunction) {
        if (items.size() == 1) return items.getFirst();
        List<String> head = new ArrayList<>(items.subList(0, items.size() - 1));
        return String.join(", ", head) + " " + conjunction + " " + items.getLast();
    }
}
