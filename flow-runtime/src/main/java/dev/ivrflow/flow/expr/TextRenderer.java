package dev.ivrflow.flow.expr;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Writes a result into template text the way a listener or a web API expects it: strings as they are, null as
 * nothing, numbers without exponent or a trailing ".0", and lists and maps as compact JSON (strings quoted
 * inside them), so {@code {{ nodes.crm.body.items }}} can go into an HTTP body.
 */
final class TextRenderer {
    private TextRenderer() {
    }

    /** Thrown when the text would pass the limit; checked while writing, so the text is never built in full. */
    static final class TooLong extends RuntimeException {
        TooLong() {
            super("rendered text too long", null, false, false);
        }
    }

    static void append(StringBuilder out, Object value, int maxLength) {
        switch (value) {
            case null -> {
            }
            case String s -> out.append(s);
            default -> write(out, value, maxLength);
        }
        if (out.length() > maxLength) throw new TooLong();
    }

    private static void write(StringBuilder out, Object value, int maxLength) {
        if (out.length() > maxLength) throw new TooLong();
        switch (value) {
            case null -> out.append("null");
            case String s -> quoted(out, s);
            case Double d -> out.append(number(d));
            case List<?> list -> {
                out.append('[');
                boolean first = true;
                for (Object element : list) {
                    if (!first) out.append(',');
                    first = false;
                    write(out, element, maxLength);
                }
                out.append(']');
            }
            case Map<?, ?> map -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (!first) out.append(',');
                    first = false;
                    quoted(out, String.valueOf(entry.getKey()));
                    out.append(':');
                    write(out, entry.getValue(), maxLength);
                }
                out.append('}');
            }
            default -> out.append(value);
        }
    }

    static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) return Double.toString(d);
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static void quoted(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
