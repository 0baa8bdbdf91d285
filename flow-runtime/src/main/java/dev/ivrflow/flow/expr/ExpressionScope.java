package dev.ivrflow.flow.expr;

import dev.ivrflow.flow.model.VariableType;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The names an expression may use: the flow's declared variables, each a top-level identifier with its type (so
 * {@code accountNumber.size() == 8} type-checks and a misspelt name is a compile error), and the reserved
 * identifiers {@code call}, {@code nodes} and {@code last}.
 *
 * <p>A scope is an immutable value with value equality. {@link ExpressionEngine} builds one CEL compiler per
 * distinct scope and caches it, so every flow with the same declarations shares that work.
 */
public final class ExpressionScope {

    /** Call data: callerNumber, calledNumber, callerName, uuid, language, and vars (channel variables). */
    public static final String CALL = "call";
    /** Node results by node id, e.g. {@code nodes.menu1.digits} or {@code nodes.crm.body.customer.tier}. */
    public static final String NODES = "nodes";
    /** The result of the most recently completed node, e.g. {@code last.digits}. */
    public static final String LAST = "last";
    /** Names that are always declared, so a flow variable may not take them. */
    public static final Set<String> RESERVED = Set.of(CALL, NODES, LAST);

    // CEL's reserved words and type names: declaring a variable with one of these names would either not parse
    // or shadow a type denotation such as `int`.
    private static final Set<String> CEL_WORDS = Set.of(
            "as", "break", "const", "continue", "else", "false", "for", "function", "if", "import", "in", "let",
            "loop", "package", "namespace", "null", "return", "true", "var", "void", "while",
            "int", "uint", "double", "bool", "string", "bytes", "list", "map", "null_type", "type", "dyn");
    private static final Pattern IDENTIFIER = Pattern.compile("[_a-zA-Z][_a-zA-Z0-9]*");
    private static final ExpressionScope EMPTY = new ExpressionScope(Map.of());

    private final Map<String, VariableType> variables;
    private final int hash;

    private ExpressionScope(Map<String, VariableType> variables) {
        this.variables = variables;
        this.hash = variables.hashCode();
    }

    /**
     * @throws IllegalArgumentException if a name is not a valid identifier or is reserved (see
     *                                  {@link #nameProblem}); the flow validator reports those first.
     */
    public static ExpressionScope of(Map<String, VariableType> variables) {
        if (variables.isEmpty()) return EMPTY;
        Map<String, VariableType> copy = new TreeMap<>();
        variables.forEach((name, type) -> {
            nameProblem(name).ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
            if (type == null) throw new IllegalArgumentException("variable '" + name + "' has no type");
            copy.put(name, type);
        });
        return new ExpressionScope(Collections.unmodifiableMap(copy));
    }

    public static ExpressionScope empty() {
        return EMPTY;
    }

    /** Why {@code name} cannot be a flow variable, or empty if it can. */
    public static Optional<String> nameProblem(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            return Optional.of("variable name '" + name + "' must start with a letter or '_' and contain only"
                    + " letters, digits and '_'");
        }
        if (RESERVED.contains(name)) {
            return Optional.of("variable name '" + name + "' is reserved for " + switch (name) {
                case CALL -> "call data";
                case NODES -> "node results";
                default -> "the last node's result";
            });
        }
        if (CEL_WORDS.contains(name)) {
            return Optional.of("variable name '" + name + "' is a reserved word of the expression language");
        }
        return Optional.empty();
    }

    /** The declared variables, sorted by name. */
    public Map<String, VariableType> variables() {
        return variables;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExpressionScope other && hash == other.hash && variables.equals(other.variables);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "ExpressionScope" + variables;
    }
}
