package dev.ivrflow.flow.json;

import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.model.Node;
import dev.ivrflow.flow.model.NodeSettings;
import dev.ivrflow.flow.model.NodeType;
import dev.ivrflow.flow.model.Pointers;
import dev.ivrflow.flow.model.Position;
import dev.ivrflow.flow.model.VariableDecl;
import dev.ivrflow.flow.model.VariableType;
import dev.ivrflow.flow.nodes.NodeKinds;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a schema-valid flow tree to the model. The top level is bound by hand because a node's settings class
 * depends on its type (which plain Jackson polymorphism would want as a type id inside the settings); the
 * settings themselves, with their nested records, go through Jackson.
 */
final class FlowBinder implements DocumentPipeline.Binder<Flow> {

    @Override
    public Flow bind(JsonNode root, List<DocumentError> errors) {
        List<String> languages = null;
        if (root.has("languages")) {
            languages = new ArrayList<>();
            for (JsonNode l : root.get("languages")) languages.add(l.asString());
        }
        return new Flow(Binding.text(root, "schema"), Binding.text(root, "id"), Binding.text(root, "name"),
                Binding.text(root, "description"), Binding.text(root, "defaultLanguage"), languages,
                Binding.text(root, "start"), Binding.text(root, "fallback"), variables(root.get("variables"), errors),
                nodes(root.get("nodes"), errors), layout(root.get("layout")));
    }

    private static Map<String, VariableDecl> variables(JsonNode variables, List<DocumentError> errors) {
        if (variables == null) return null;
        Map<String, VariableDecl> out = new LinkedHashMap<>();
        for (var e : variables.properties()) {
            JsonNode decl = e.getValue();
            String pointer = Pointers.join("/variables", e.getKey());
            JsonNode initial = decl.get("initial");
            out.put(e.getKey(), new VariableDecl(VariableType.fromJson(decl.get("type").asString()),
                    initial == null ? null : Binding.plain(initial, pointer + "/initial", errors),
                    Binding.text(decl, "description")));
        }
        return out;
    }

    private static List<Node> nodes(JsonNode nodes, List<DocumentError> errors) {
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            NodeType type = NodeType.fromJson(node.get("type").asString()).orElseThrow();
            String pointer = "/nodes/" + i + "/settings";
            NodeSettings settings = Binding.record(node.get("settings"), pointer, NodeKinds.settingsClass(type), errors);
            Map<String, String> exits = new LinkedHashMap<>();
            if (node.has("exits")) node.get("exits").properties().forEach(e -> exits.put(e.getKey(), e.getValue().asString()));
            out.add(new Node(Binding.text(node, "id"), type, Binding.text(node, "label"), settings, exits));
        }
        return out;
    }

    private static Map<String, Position> layout(JsonNode layout) {
        if (layout == null) return null;
        Map<String, Position> out = new LinkedHashMap<>();
        for (var e : layout.properties()) {
            out.put(e.getKey(), new Position(e.getValue().get("x").intValue(), e.getValue().get("y").intValue()));
        }
        return out;
    }
}
