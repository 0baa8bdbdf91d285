package dev.ivrflow.flow.validate;

import dev.ivrflow.flow.expr.ExpressionScope;
import dev.ivrflow.flow.model.VariableDecl;
import dev.ivrflow.flow.model.VariableRef;
import dev.ivrflow.flow.model.VariableType;

import java.util.List;
import java.util.Map;

import static dev.ivrflow.flow.validate.Severity.ERROR;

/**
 * Declared variables are usable names with a type and a fitting initial value, and every variable a node writes
 * is declared: expressions are type-checked against the declarations, so an undeclared one could not be read.
 */
final class VariableRule implements FlowRule {

    @Override
    public void check(FlowContext context, Issues issues) {
        context.variables().forEach((name, decl) -> checkDeclaration(issues, name, decl));
        for (NodeFacts n : context.nodes) {
            for (VariableRef w : n.writes()) {
                if (w.name() == null || w.name().isBlank() || context.variables().containsKey(w.name())) continue;
                issues.node(ERROR, ValidationCodes.VARIABLE_UNDECLARED, n.node(), n.index(), null,
                        DocumentPointers.settings(n.index(), w.pointer()), "it stores into the variable \"" + w.name()
                                + "\", which the flow does not declare. Declare it in the flow's variables, or choose"
                                + " a declared one.");
            }
        }
    }

    private static void checkDeclaration(Issues issues, String name, VariableDecl decl) {
        String pointer = DocumentPointers.entry("variables", name);
        if (ExpressionScope.RESERVED.contains(name)) {
            issues.flow(ERROR, ValidationCodes.VARIABLE_RESERVED, pointer, "The variable name \"" + name + "\" is"
                    + " reserved: expressions use " + String.join(", ", ExpressionScope.RESERVED.stream().sorted().toList())
                    + " for call data and node results. Rename the variable.");
        } else {
            ExpressionScope.nameProblem(name).ifPresent(problem -> issues.flow(ERROR,
                    ValidationCodes.VARIABLE_NAME_INVALID, pointer, "The " + problem + ". Rename the variable."));
        }
        if (decl == null || decl.type() == null) {
            issues.flow(ERROR, ValidationCodes.VARIABLE_TYPE_MISSING, pointer + "/type", "The variable \"" + name
                    + "\" has no type. Choose one of string, int, double, bool, list or map.");
        } else if (decl.initial() != null && !fits(decl.initial(), decl.type())) {
            issues.flow(ERROR, ValidationCodes.VARIABLE_INITIAL_INVALID, pointer + "/initial", "The variable \"" + name
                    + "\" is a " + decl.type().json() + " but its initial value " + decl.initial() + " is not."
                    + " Change the value or the type.");
        }
    }

    private static boolean fits(Object value, VariableType type) {
        return switch (type) {
            case STRING -> value instanceof String;
            case INT -> value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
            case DOUBLE -> value instanceof Number;
            case BOOL -> value instanceof Boolean;
            case LIST -> value instanceof List<?>;
            case MAP -> value instanceof Map<?, ?>;
        };
    }
}
