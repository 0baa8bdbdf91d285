package dev.ivrflow.flow.validate;

import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.traverse.BreadthFirstIterator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The flow as a directed graph of node ids: an edge for each wired exit the node can take and for each goto
 * target. Only the first node of each id is a vertex, since that is the one the runtime runs. The steps behind
 * the edges are kept, so a rule can ask about the graph left when some of them are not taken.
 */
final class FlowGraph {
    /** One way from a node to the next: a wired exit, or (with {@code exit} null) a jump such as a goto's. */
    record Step(NodeFacts from, String exit, String to) {
    }

    private final List<NodeFacts> nodes;
    private final List<Step> steps = new ArrayList<>();
    private final Graph<String, DefaultEdge> graph;

    private FlowGraph(List<NodeFacts> nodes) {
        this.nodes = nodes;
        Set<String> ids = new HashSet<>();
        for (NodeFacts n : nodes) ids.add(n.id());
        for (NodeFacts n : nodes) {
            for (Map.Entry<String, String> wired : n.node().exits().entrySet()) {
                // An exit the node cannot take is never followed, so it makes neither a path nor a loop.
                boolean takeable = !n.usable() || !n.exits().complete() || n.exits().declares(wired.getKey());
                if (takeable && ids.contains(wired.getValue())) {
                    steps.add(new Step(n, wired.getKey(), wired.getValue()));
                }
            }
            for (String target : n.jumps()) if (ids.contains(target)) steps.add(new Step(n, null, target));
        }
        this.graph = build(step -> true);
    }

    static FlowGraph of(FlowContext context) {
        return new FlowGraph(context.primaryNodes());
    }

    Set<String> reachableFrom(Collection<String> roots) {
        Set<String> out = new HashSet<>();
        List<String> present = roots.stream().filter(graph::containsVertex).toList();
        if (present.isEmpty()) return out;
        new BreadthFirstIterator<>(graph, present).forEachRemaining(out::add);
        return out;
    }

    /**
     * The strongly connected components a call can go round using only the steps {@code taken} keeps: more than
     * one node, or a node leading to itself.
     */
    List<Set<String>> loops(Predicate<Step> taken) {
        Graph<String, DefaultEdge> kept = build(taken);
        return new KosarajuStrongConnectivityInspector<>(kept).stronglyConnectedSets().stream()
                .filter(c -> c.size() > 1 || kept.containsEdge(c.iterator().next(), c.iterator().next()))
                .toList();
    }

    /** The steps {@code taken} keeps that leave {@code from}, in the order the node lists its exits. */
    List<Step> stepsFrom(String from, Predicate<Step> taken) {
        return steps.stream().filter(s -> s.from().id().equals(from) && taken.test(s)).toList();
    }

    private Graph<String, DefaultEdge> build(Predicate<Step> taken) {
        Graph<String, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
        for (NodeFacts n : nodes) g.addVertex(n.id());
        for (Step s : steps) if (taken.test(s)) g.addEdge(s.from().id(), s.to());
        return g;
    }
}
