package dev.ivrflow.flow.nodes.ask;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * What the recogniser listens for: a builtin grammar ({@code transcribe}, {@code digits}, {@code yesno}), a
 * grammar by URI, or a list of phrases. Exactly one is set; none means free transcription.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"builtin", "uri", "phrases"})
public record Grammar(String builtin, String uri, List<String> phrases) {
    public static final Grammar TRANSCRIBE = new Grammar("transcribe", null, null);
}
