package dev.ivrflow.flow.validate;

import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.traverse.BreadthFirstIterator;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The flow as a directed graph of node ids: an edge for each wired exit the node can take and for each goto
 * target. Only the first node of each id is a vertex, since that is the one the runtime runs.
 */
final class FlowGraph {
    private final Graph<String, DefaultEdge> graph = new DefaultDirectedGraph<>(DefaultEdge.class);

    private FlowGraph() {
    }

    static FlowGraph of(FlowContext context) {
        FlowGraph g = new FlowGraph();
        List<NodeFacts> nodes = context.primaryNodes();
        for (NodeFacts n : nodes) g.graph.addVertex(n.id());
        for (NodeFacts n : nodes) {
            for (Map.Entry<String, String> wired : n.node().exits().entrySet()) {
                // An exit the node cannot take is never followed, so it makes neither a path nor a loop.
                boolean takeable = !n.usable() || !n.exits().complete() || n.exits().declares(wired.getKey());
                if (takeable) g.link(n.id(), wired.getValue());
            }
            for (String target : n.jumps()) g.link(n.id(), target);
        }
        return g;
    }

    private void link(String from, String to) {
        if (to != null && graph.containsVertex(to)) graph.addEdge(from, to);
    }

    Set<String> reachableFrom(Collection<String> roots) {
        Set<String> out = new HashSet<>();
        List<String> present = roots.stream().filter(graph::containsVertex).toList();
        if (present.isEmpty()) return out;
        new BreadthFirstIterator<>(graph, present).forEachRemaining(out::add);
        return out;
    }

    /** The strongly connected components a call can go round: more than one node, or a node leading to itself. */
    List<Set<String>> loops() {
        return new KosarajuStrongConnectivityInspector<>(graph).stronglyConnectedSets().stream()
                .filter(c -> c.size() > 1 || graph.containsEdge(c.iterator().next(), c.iterator().next()))
                .toList();
    }

    List<String> successors(String id) {
        return Graphs.successorListOf(graph, id);
    }
}
