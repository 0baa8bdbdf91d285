package dev.ivrflow.flow.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Map;

/**
 * A node: an id, a type, an optional label, typed settings and named exits (exit name to target node id).
 * The settings' class is fixed by the type (see {@code NodeKinds}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "type", "label", "settings", "exits"})
public record Node(String id, NodeType type, String label, NodeSettings settings,
                   @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> exits) {

    public Node {
        exits = exits == null ? Map.of() : Maps.sortedCopy(exits);
    }

    /** The node a named exit is wired to, or null when it is not wired. */
    public String target(String exit) {
        return exits.get(exit);
    }

    @JsonIgnore
    public String displayName() {
        return label == null || label.isBlank() ? id : label;
    }

    @SuppressWarnings("unchecked")
    public <S extends NodeSettings> S settingsAs(Class<S> type) {
        return (S) settings;
    }

    public Node withExits(Map<String, String> newExits) {
        return new Node(id, type, label, settings, newExits);
    }
}
