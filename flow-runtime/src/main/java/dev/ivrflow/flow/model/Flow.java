package dev.ivrflow.flow.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One flow document ({@code "schema": "ivr-flow/1"}). Immutable. The logic (nodes and their exits) is kept
 * apart from the canvas {@code layout}, which comes last so a diff of the logic never shows moved boxes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schema", "id", "name", "description", "defaultLanguage", "languages", "start", "fallback",
        "variables", "nodes", "layout"})
public record Flow(
        String schema,
        String id,
        String name,
        String description,
        String defaultLanguage,
        List<String> languages,
        String start,
        String fallback,
        Map<String, VariableDecl> variables,
        List<Node> nodes,
        Map<String, Position> layout) {

    public static final String SCHEMA = "ivr-flow/1";

    public Flow {
        languages = languages == null ? null : List.copyOf(languages);
        variables = variables == null ? null : Maps.sortedCopy(variables);
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        layout = layout == null ? null : Maps.sortedCopy(layout);
    }

    /** The declared languages; the default language is always one of them. */
    public List<String> allLanguages() {
        if (languages == null || languages.isEmpty()) return List.of(defaultLanguage);
        if (languages.contains(defaultLanguage)) return languages;
        var all = new java.util.ArrayList<String>(languages.size() + 1);
        all.add(defaultLanguage);
        all.addAll(languages);
        return List.copyOf(all);
    }

    public Map<String, VariableDecl> variablesOrEmpty() {
        return variables == null ? Map.of() : variables;
    }

    public Map<String, Position> layoutOrEmpty() {
        return layout == null ? Map.of() : layout;
    }

    public Optional<Node> node(String nodeId) {
        for (Node n : nodes) if (n.id().equals(nodeId)) return Optional.of(n);
        return Optional.empty();
    }

    public Flow withNodes(List<Node> newNodes) {
        return new Flow(schema, id, name, description, defaultLanguage, languages, start, fallback, variables, newNodes, layout);
    }

    public Flow withLayout(Map<String, Position> newLayout) {
        return new Flow(schema, id, name, description, defaultLanguage, languages, start, fallback, variables, nodes, newLayout);
    }
}
