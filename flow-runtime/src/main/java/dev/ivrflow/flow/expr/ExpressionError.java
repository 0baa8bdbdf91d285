package dev.ivrflow.flow.expr;

/**
 * A compile error, placed so the designer can underline it.
 *
 * <p>Positions count UTF-16 code units, like JavaScript string indices, so the browser editor can use them as
 * they are. In a template they are counted from the start of the whole template text, not the placeholder.
 *
 * @param line   1-based line
 * @param column 1-based column within that line
 * @param offset 0-based offset into the source text
 */
public record ExpressionError(String message, int line, int column, int offset) {

    @Override
    public String toString() {
        return "line " + line + ", column " + column + ": " + message;
    }
}
