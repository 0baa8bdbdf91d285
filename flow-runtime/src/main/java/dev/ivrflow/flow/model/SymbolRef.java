package dev.ivrflow.flow.model;

/** A symbolic name that an environment binds to a real FreeSWITCH target (see {@code Environment}). */
public record SymbolRef(String pointer, SymbolKind kind, String name) {
}
