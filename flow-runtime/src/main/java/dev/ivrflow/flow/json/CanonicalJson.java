package dev.ivrflow.flow.json;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prints a JSON tree in our canonical text form, byte for byte the same for the same tree:
 * <ul>
 *   <li>members in the tree's order, two spaces of indentation, {@code "key": value}, a final newline;</li>
 *   <li>null members of objects are left out;</li>
 *   <li>an object or array whose members are all scalars or empty containers is written on one line when that
 *       line fits in {@value #WIDTH} columns ({@code { "x": 0, "y": 0 }}, {@code ["sales", "buy"]}); anything
 *       else has one member per line; empty containers are {@code {}} and {@code []};</li>
 *   <li>strings are UTF-8 as they are, escaping only what JSON requires (and lone surrogates, which UTF-8 cannot
 *       carry); integers as integers, decimals in Java's shortest round-trip form ({@code 5.0}, {@code 0.7}).</li>
 * </ul>
 * Jackson's pretty printer is not used because its output is not a contract: a library upgrade could change
 * the bytes of every flow in every repository.
 */
public final class CanonicalJson {
    static final int WIDTH = 100;
    private static final String INDENT = "  ";

    private CanonicalJson() {
    }

    public static String print(JsonNode tree) {
        StringBuilder out = new StringBuilder();
        value(out, tree, 0, 0, false);
        return out.append('\n').toString();
    }

    /** {@code used}: columns already taken on this line; {@code comma}: a comma follows the value. */
    private static void value(StringBuilder out, JsonNode node, int depth, int used, boolean comma) {
        if (!node.isContainer()) {
            scalar(out, node);
            return;
        }
        List<Map.Entry<String, JsonNode>> members = members(node);
        boolean object = node.isObject();
        if (members.isEmpty()) {
            out.append(object ? "{}" : "[]");
            return;
        }
        if (allFlat(members)) {
            String line = oneLine(members, object);
            if (used + width(line) + (comma ? 1 : 0) <= WIDTH) {
                out.append(line);
                return;
            }
        }
        out.append(object ? '{' : '[').append('\n');
        String indent = INDENT.repeat(depth + 1);
        for (int i = 0; i < members.size(); i++) {
            Map.Entry<String, JsonNode> m = members.get(i);
            int start = out.length();
            out.append(indent);
            if (object) {
                string(out, m.getKey());
                out.append(": ");
            }
            boolean more = i < members.size() - 1;
            value(out, m.getValue(), depth + 1, width(out.substring(start)), more);
            if (more) out.append(',');
            out.append('\n');
        }
        out.append(INDENT.repeat(depth)).append(object ? '}' : ']');
    }

    private static List<Map.Entry<String, JsonNode>> members(JsonNode node) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        if (node.isObject()) {
            for (var e : node.properties()) if (!e.getValue().isNull()) out.add(e);
        } else {
            for (JsonNode item : node) out.add(Map.entry("", item));
        }
        return out;
    }

    private static boolean allFlat(List<Map.Entry<String, JsonNode>> members) {
        for (var m : members) if (m.getValue().isContainer() && !members(m.getValue()).isEmpty()) return false;
        return true;
    }

    private static String oneLine(List<Map.Entry<String, JsonNode>> members, boolean object) {
        StringBuilder line = new StringBuilder(object ? "{ " : "[");
        for (int i = 0; i < members.size(); i++) {
            if (i > 0) line.append(", ");
            if (object) {
                string(line, members.get(i).getKey());
                line.append(": ");
            }
            JsonNode v = members.get(i).getValue();
            if (v.isContainer()) line.append(v.isObject() ? "{}" : "[]");
            else scalar(line, v);
        }
        return line.append(object ? " }" : "]").toString();
    }

    private static int width(String s) {
        return s.codePointCount(0, s.length());
    }

    private static void scalar(StringBuilder out, JsonNode node) {
        if (node.isString()) string(out, node.asString());
        else if (node.isFloatingPointNumber()) out.append(decimal(node));
        else out.append(node.toString());
    }

    private static String decimal(JsonNode node) {
        if (node.isBigDecimal()) return node.decimalValue().toString();
        double d = node.doubleValue();
        if (!Double.isFinite(d)) throw new IllegalArgumentException("JSON has no number " + d);
        return Double.toString(d);
    }

    static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || lone(s, i)) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }

    private static boolean lone(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        if (Character.isLowSurrogate(c)) return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        return false;
    }
}
