package dev.ivrflow.flow.nodes.intent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * One intent a caller may have: its name (also its exit), what callers hear it called when asked to confirm it
 * ({@code label}, such as "a new claim"), what it means (for the classifier), and example phrasings.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "label", "description", "examples"})
public record IntentDef(String name, String label, String description, List<String> examples) {

    public IntentDef(String name, String description, List<String> examples) {
        this(name, null, description, examples);
    }

    public List<String> examplesOrEmpty() {
        return examples == null ? List.of() : examples;
    }

    /** How the intent is named to the caller: its label, else its name in words ("roadsideHelp": "roadside help"). */
    public String spoken() {
        if (label != null && !label.isBlank()) return label.strip();
        if (name == null) return "";
        return name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').replace('-', ' ')
                .toLowerCase(java.util.Locale.ROOT).strip();
    }
}
