package dev.ivrflow.flow.expr;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CEL names operators internally ({@code _+_}, {@code @in}); messages show them as written. */
final class Operators {
    private Operators() {
    }

    private static final Map<String, String> WRITTEN = Map.ofEntries(
            Map.entry("_+_", "+"), Map.entry("_-_", "-"), Map.entry("_*_", "*"), Map.entry("_/_", "/"),
            Map.entry("_%_", "%"), Map.entry("_==_", "=="), Map.entry("_!=_", "!="), Map.entry("_<_", "<"),
            Map.entry("_<=_", "<="), Map.entry("_>_", ">"), Map.entry("_>=_", ">="), Map.entry("_&&_", "&&"),
            Map.entry("_||_", "||"), Map.entry("!_", "!"), Map.entry("-_", "-"), Map.entry("_[_]", "[ ]"),
            Map.entry("@in", "in"), Map.entry("_?_:_", "? :"));
    private static final Pattern QUOTED = Pattern.compile("'(_[^' ]*_|!_|-_|@in)'");

    static String written(String message) {
        Matcher m = QUOTED.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String op = WRITTEN.getOrDefault(m.group(1), m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement("'" + op + "'"));
        }
        return m.appendTail(out).toString();
    }
}
