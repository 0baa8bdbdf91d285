package dev.ivrflow.flow.nodes.menu;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/** One menu choice: its exit name, the digits that pick it, and the phrases a caller may say instead. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"exit", "digits", "phrases", "label"})
public record MenuOption(String exit, String digits, List<String> phrases, String label) {
    public List<String> phrasesOrEmpty() {
        return phrases == null ? List.of() : phrases;
    }
}
