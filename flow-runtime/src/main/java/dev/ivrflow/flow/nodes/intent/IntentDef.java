package dev.ivrflow.flow.nodes.intent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/** One intent a caller may have: its name (also its exit), what it means, and example phrasings. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "description", "examples"})
public record IntentDef(String name, String description, List<String> examples) {
    public List<String> examplesOrEmpty() {
        return examples == null ? List.of() : examples;
    }
}
