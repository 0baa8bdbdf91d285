package dev.ivrflow.flow.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rewords CEL's compiler messages for the business admins who read them in the designer. */
final class CompileMessages {
    private CompileMessages() {
    }

    static final String SYNTAX_ERROR = "syntax error";

    // What CelSetup enables: the standard library, the standard macros and the kept string functions.
    private static final List<String> FUNCTIONS = List.of(
            "size", "contains", "startsWith", "endsWith", "matches", "int", "uint", "double", "string", "bool",
            "bytes", "dyn", "type", "duration", "timestamp", "has", "all", "exists", "exists_one", "map", "filter",
            "getFullYear", "getMonth", "getDayOfYear", "getDayOfMonth", "getDate", "getDayOfWeek", "getHours",
            "getMinutes", "getSeconds", "getMilliseconds", "charAt", "indexOf", "lastIndexOf", "lowerAscii",
            "upperAscii", "quote", "reverse", "split", "substring", "trim");

    private static final Pattern UNDECLARED = Pattern.compile("undeclared reference to '([^']*)'.*");
    private static final Pattern TOO_LONG =
            Pattern.compile("expression code point size exceeds limit: size: (\\d+), limit (\\d+)");
    private static final Pattern TOO_DEEP = Pattern.compile("Expression recursion limit exceeded\\. limit: (\\d+)");
    private static final Pattern EARLY_END = Pattern.compile("mismatched input '<EOF>' expecting.*");
    private static final Pattern UNEXPECTED =
            Pattern.compile("(?:mismatched|extraneous) input '(.*?)' expecting.*", Pattern.DOTALL);
    private static final Pattern BAD_CHARACTER = Pattern.compile("token recognition error at: '(.*)'");
    private static final Pattern NO_VIABLE = Pattern.compile("no viable alternative at input '(.*)'", Pattern.DOTALL);
    private static final Pattern MISSING = Pattern.compile("missing '(.*)' at '(.*)'");
    private static final Pattern RECEIVER = Pattern.compile("(\\w+)\\.\\((.*)\\)");
    private static final Pattern NO_OVERLOAD =
            Pattern.compile("found no matching overload for '(.*)' applied to '(.*)'.*", Pattern.DOTALL);

    /**
     * @param atCall whether the error sits on a call's opening parenthesis, which is where CEL places an unknown
     *               function (it reports unknown functions and unknown names alike)
     */
    static String friendly(String message, ExpressionScope scope, boolean atCall) {
        Matcher m;
        if ((m = UNDECLARED.matcher(message)).matches()) {
            if (atCall) return "unknown function '" + m.group(1) + "'" + suggestion(m.group(1), FUNCTIONS);
            List<String> names = new ArrayList<>(scope.variables().keySet());
            names.addAll(ExpressionScope.RESERVED);
            return "unknown name '" + m.group(1) + "'" + suggestion(m.group(1), names);
        }
        if ((m = MISSING.matcher(message)).matches()) {
            return SYNTAX_ERROR + ": missing '" + m.group(1) + "'"
                    + (m.group(2).equals("<EOF>") ? " at the end" : " before '" + m.group(2) + "'");
        }
        if ((m = TOO_LONG.matcher(message)).matches()) {
            return "expression is too long: " + m.group(1) + " characters, the limit is " + m.group(2);
        }
        if ((m = TOO_DEEP.matcher(message)).matches()) {
            return "expression is nested too deeply (more than " + m.group(1)
                    + " levels of brackets, calls or chained operators); split it into simpler steps";
        }
        if (EARLY_END.matcher(message).matches()) {
            return SYNTAX_ERROR + ": the expression ends too early (is a value or a closing bracket missing?)";
        }
        if ((m = UNEXPECTED.matcher(message)).matches()) return SYNTAX_ERROR + ": unexpected '" + m.group(1) + "'";
        if ((m = BAD_CHARACTER.matcher(message)).matches()) {
            String bad = m.group(1);
            if (bad.startsWith("\"") || bad.startsWith("'")) return SYNTAX_ERROR + ": this string is never closed";
            return SYNTAX_ERROR + ": unexpected character '" + bad + "'";
        }
        if ((m = NO_VIABLE.matcher(message)).matches()) return SYNTAX_ERROR + " near '" + m.group(1) + "'";
        if ((m = NO_OVERLOAD.matcher(message)).matches()) {
            return Operators.written("'" + m.group(1) + "'") + " cannot be applied to " + argumentTypes(m.group(2));
        }
        return Operators.written(message);
    }

    /** CEL writes a method call's types as {@code receiver.(arguments)}; admins read them as one list. */
    private static String argumentTypes(String types) {
        Matcher receiver = RECEIVER.matcher(types);
        if (!receiver.matches()) return types;
        String arguments = receiver.group(2).isBlank() ? "" : ", " + receiver.group(2);
        return "(" + receiver.group(1) + arguments + ")";
    }

    private static String suggestion(String name, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(name.toLowerCase(), candidate.toLowerCase());
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        // Two edits catch typos and case slips without suggesting unrelated short names.
        boolean close = best != null && bestDistance <= Math.min(2, Math.max(1, name.length() / 3));
        return close ? " (did you mean '" + best + "'?)" : "";
    }

    /** Levenshtein distance. Names are short, so the quadratic table is fine. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
