package dev.ivrflow.flow.validate;

import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.model.Node;
import dev.ivrflow.flow.model.NodeSettings;
import dev.ivrflow.flow.model.NodeType;
import dev.ivrflow.flow.model.Position;
import dev.ivrflow.flow.model.VariableDecl;
import dev.ivrflow.flow.model.VariableType;
import dev.ivrflow.flow.nodes.NodeKinds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds flows in code for validator tests: {@code flow().start("a").node("a", say("hi"), "next", "b")}. */
final class TestFlows {
    private TestFlows() {
    }

    static Builder flow() {
        return new Builder();
    }

    /** The node type whose settings record this is. */
    static NodeType typeOf(NodeSettings settings) {
        for (NodeType t : NodeType.values()) if (NodeKinds.settingsClass(t).isInstance(settings)) return t;
        throw new IllegalArgumentException("no node type for " + settings);
    }

    static Map<String, String> exits(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) out.put(pairs[i], pairs[i + 1]);
        return out;
    }

    static final class Builder {
        private String id = "main";
        private String defaultLanguage = "en-US";
        private List<String> languages;
        private String start;
        private String fallback;
        private final Map<String, VariableDecl> variables = new LinkedHashMap<>();
        private final List<Node> nodes = new ArrayList<>();
        private Map<String, Position> layout;

        Builder id(String newId) {
            id = newId;
            return this;
        }

        Builder defaultLanguage(String language) {
            defaultLanguage = language;
            return this;
        }

        Builder languages(String... all) {
            languages = List.of(all);
            return this;
        }

        Builder start(String nodeId) {
            start = nodeId;
            return this;
        }

        Builder fallback(String nodeId) {
            fallback = nodeId;
            return this;
        }

        Builder variable(String name, VariableType type) {
            return variable(name, new VariableDecl(type, null, null));
        }

        Builder variable(String name, VariableDecl decl) {
            variables.put(name, decl);
            return this;
        }

        /** A node of the settings' type; {@code exitPairs} alternate exit name and target. */
        Builder node(String nodeId, NodeSettings settings, String... exitPairs) {
            return node(new Node(nodeId, typeOf(settings), null, settings, exits(exitPairs)));
        }

        Builder labelled(String nodeId, String label, NodeSettings settings, String... exitPairs) {
            return node(new Node(nodeId, typeOf(settings), label, settings, exits(exitPairs)));
        }

        Builder node(Node node) {
            nodes.add(node);
            return this;
        }

        Builder layout(String nodeId, int x, int y) {
            if (layout == null) layout = new LinkedHashMap<>();
            layout.put(nodeId, new Position(x, y));
            return this;
        }

        Flow build() {
            String first = start != null ? start : nodes.isEmpty() ? null : nodes.getFirst().id();
            return new Flow(Flow.SCHEMA, id, "Test flow", null, defaultLanguage, languages, first, fallback,
                    variables.isEmpty() ? null : variables, nodes, layout);
        }
    }
}
