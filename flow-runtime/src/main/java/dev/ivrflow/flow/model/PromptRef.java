package dev.ivrflow.flow.model;

/** A prompt held in a node's settings, at a pointer relative to them. */
public record PromptRef(String pointer, Prompt prompt) {
}
