package dev.ivrflow.flow.model;

/** An expression or a {@code {{...}}} template held in a node's settings, at a pointer relative to them. */
public record ExpressionRef(String pointer, String source, Kind kind) {
    public enum Kind { EXPRESSION, TEMPLATE }

    public static ExpressionRef expression(String pointer, String source) {
        return new ExpressionRef(pointer, source, Kind.EXPRESSION);
    }

    public static ExpressionRef template(String pointer, String source) {
        return new ExpressionRef(pointer, source, Kind.TEMPLATE);
    }
}
