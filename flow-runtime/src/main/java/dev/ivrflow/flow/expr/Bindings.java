package dev.ivrflow.flow.expr;

import dev.cel.runtime.CelVariableResolver;
import dev.ivrflow.flow.model.VariableType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Supplies CEL with the values of one evaluation (or one template render), converting each top-level name only
 * when an expression first reads it: a condition on one variable should not pay for copying every node result.
 * Not thread-safe; one instance per evaluation.
 */
final class Bindings implements CelVariableResolver {

    /** A variable whose value does not match its declared type, or cannot be converted at all. */
    static final class BadValue extends RuntimeException {
        BadValue(String message) {
            super(message, null, false, false);
        }
    }

    private final ExpressionScope scope;
    private final EvaluationContext context;
    private final Map<String, Object> converted = new HashMap<>();

    Bindings(ExpressionScope scope, EvaluationContext context) {
        this.scope = scope;
        this.context = context;
    }

    @Override
    public Optional<Object> find(String name) {
        Object value = converted.get(name);
        if (value == null && !converted.containsKey(name)) {
            value = convert(name);
            converted.put(name, value);
        }
        return Optional.ofNullable(value);
    }

    /** The CEL value for {@code name}, or null for a name that is not ours. */
    private Object convert(String name) {
        return switch (name) {
            case ExpressionScope.CALL -> reservedMap(name, context.call());
            case ExpressionScope.NODES -> reservedMap(name, context.nodes());
            case ExpressionScope.LAST -> reservedMap(name, context.last());
            default -> variable(name);
        };
    }

    /**
     * {@code call}, {@code nodes} and {@code last} are read a key at a time ({@code nodes.crm.status}), and a
     * long call holds many node results: convert only the entries an expression reads.
     */
    private Object reservedMap(String name, Map<String, Object> map) {
        return new LazyCelMap(name, map == null ? Map.of() : map);
    }

    private Object variable(String name) {
        VariableType type = scope.variables().get(name);
        if (type == null) return null;
        Map<String, Object> variables = context.variables();
        // Left unresolved, CEL would not fail but return an "unknown" result, so say so here.
        if (variables == null || !variables.containsKey(name)) throw new BadValue("'" + name + "' has no value");
        Object value = variables.get(name);
        if (value == null) return CelValues.toCel(null);
        Object widened = type == VariableType.DOUBLE && value instanceof Number n && !(value instanceof Double)
                ? (Object) n.doubleValue() : value;
        if (!matches(type, widened)) {
            String held = CelValues.typeName(value);
            throw new BadValue("variable '" + name + "' is declared " + type.json() + " but holds "
                    + CompiledExpression.article(held) + " " + held + " (" + abbreviated(value) + ")");
        }
        return convertChecked(name, widened);
    }

    private static boolean matches(VariableType type, Object value) {
        return switch (type) {
            case STRING -> value instanceof CharSequence;
            case INT -> value instanceof Long || value instanceof Integer || value instanceof Short
                    || value instanceof Byte;
            case DOUBLE -> value instanceof Number;
            case BOOL -> value instanceof Boolean;
            case LIST -> value instanceof List<?>;
            case MAP -> value instanceof Map<?, ?>;
        };
    }

    private static Object convertChecked(String name, Object value) {
        try {
            return CelValues.toCel(value);
        } catch (CelValues.Unsupported e) {
            throw new BadValue("'" + name + "' holds a value expressions cannot read: " + e.getMessage());
        }
    }

    private static String abbreviated(Object value) {
        String text = String.valueOf(value);
        String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return value instanceof CharSequence ? '"' + shown + '"' : shown;
    }
}
