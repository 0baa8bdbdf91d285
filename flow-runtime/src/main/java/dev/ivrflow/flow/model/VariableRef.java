package dev.ivrflow.flow.model;

/** A flow variable a node writes, at a pointer relative to its settings. */
public record VariableRef(String pointer, String name) {
}
