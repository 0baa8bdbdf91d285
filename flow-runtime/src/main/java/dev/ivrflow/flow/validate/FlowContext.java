package dev.ivrflow.flow.validate;

import dev.ivrflow.flow.expr.ExpressionScope;
import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.model.Node;
import dev.ivrflow.flow.model.VariableDecl;
import dev.ivrflow.flow.nodes.NodeValidators;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One validation run: the flow, the options, and what is known about each node, computed once. */
final class FlowContext {
    final Flow flow;
    final ValidationOptions options;
    final NodeValidators validators;
    final List<NodeFacts> nodes;
    private final Map<String, NodeFacts> byId;
    private FlowGraph graph;
    private ExpressionScope scope;

    private FlowContext(Flow flow, ValidationOptions options, NodeValidators validators, List<NodeFacts> nodes) {
        this.flow = flow;
        this.options = options;
        this.validators = validators;
        this.nodes = nodes;
        Map<String, NodeFacts> ids = new HashMap<>();
        for (NodeFacts n : nodes) if (n.primary()) ids.put(n.id(), n);
        this.byId = ids;
    }

    static FlowContext of(Flow flow, ValidationOptions options, NodeValidators validators) {
        NodeFactsReader reader = new NodeFactsReader(validators, options.environment());
        List<NodeFacts> facts = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        for (int i = 0; i < flow.nodes().size(); i++) {
            Node node = flow.nodes().get(i);
            boolean primary = node.id() != null && seen.putIfAbsent(node.id(), true) == null;
            facts.add(reader.read(node, i, primary));
        }
        return new FlowContext(flow, options, validators, List.copyOf(facts));
    }

    boolean hasNode(String id) {
        return id != null && byId.containsKey(id);
    }

    NodeFacts node(String id) {
        return id == null ? null : byId.get(id);
    }

    /** The nodes the runtime can run: the first one of each id. */
    List<NodeFacts> primaryNodes() {
        return nodes.stream().filter(NodeFacts::primary).toList();
    }

    String defaultLanguage() {
        return flow.defaultLanguage();
    }

    /** The flow's languages, default first; never null inside, even for a flow with no default language. */
    List<String> languages() {
        List<String> out = new ArrayList<>();
        if (flow.defaultLanguage() != null) out.add(flow.defaultLanguage());
        if (flow.languages() != null) {
            for (String l : flow.languages()) if (l != null && !out.contains(l)) out.add(l);
        }
        return out;
    }

    Map<String, VariableDecl> variables() {
        return flow.variablesOrEmpty();
    }

    FlowGraph graph() {
        if (graph == null) graph = FlowGraph.of(this);
        return graph;
    }

    /** The declared variables that can be variables at all; the others are reported by the variable rule. */
    ExpressionScope scope() {
        if (scope == null) {
            Map<String, dev.ivrflow.flow.model.VariableType> usable = new LinkedHashMap<>();
            variables().forEach((name, decl) -> {
                if (decl != null && decl.type() != null && ExpressionScope.nameProblem(name).isEmpty()) {
                    usable.put(name, decl.type());
                }
            });
            scope = ExpressionScope.of(usable);
        }
        return scope;
    }
}
