package dev.ivrflow.flow.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Splits a template into literal text and "{{ expression }}" placeholders.
 *
 * <p>There is no escape syntax: a literal "{{" is written {{ "{{" }}. A placeholder ends at the first "}}"
 * outside a string literal and outside the expression's own braces, so {{ {"a": {"b": 1}}.a.b }} works. A "}}"
 * with no opening "{{" is plain text.
 */
final class TemplateParser {
    private TemplateParser() {
    }

    sealed interface Part {
    }

    record Literal(String text) implements Part {
    }

    /** A placeholder: {@code open} is the offset of its "{{", the expression is {@code [start, end)}. */
    record Hole(int open, int start, int end) implements Part {
    }

    /**
     * @param unclosed the offset of a "{{" that is never closed; the parts then stop before it
     */
    record Parsed(List<Part> parts, OptionalInt unclosed) {
    }

    static Parsed parse(String text) {
        List<Part> parts = new ArrayList<>();
        int literalStart = 0;
        int open;
        while ((open = text.indexOf("{{", literalStart)) >= 0) {
            int close = closing(text, open + 2);
            if (close < 0) {
                if (open > literalStart) parts.add(new Literal(text.substring(literalStart, open)));
                return new Parsed(parts, OptionalInt.of(open));
            }
            if (open > literalStart) parts.add(new Literal(text.substring(literalStart, open)));
            parts.add(new Hole(open, open + 2, close));
            literalStart = close + 2;
        }
        if (literalStart < text.length()) parts.add(new Literal(text.substring(literalStart)));
        return new Parsed(parts, OptionalInt.empty());
    }

    private static int closing(String text, int from) {
        int depth = 0;
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0 && i + 1 < text.length() && text.charAt(i + 1) == '}') return i;
                if (depth > 0) depth--;
            }
        }
        return -1;
    }
}
