package dev.ivrflow.flow.nodes.set;

import dev.ivrflow.flow.model.ExpressionRef;
import dev.ivrflow.flow.model.VariableDecl;
import dev.ivrflow.flow.model.VariableType;
import dev.ivrflow.flow.validate.FieldChecks;
import dev.ivrflow.flow.validate.NodeCheck;
import dev.ivrflow.flow.validate.NodeValidator;
import dev.ivrflow.flow.validate.ValidationCodes;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Assignments need a variable and a value whose type fits it. A language switch to a language the flow has no
 * prompts in is legal (prompts fall back to the default language) but rarely meant, so it is a warning.
 */
public final class SetValidator implements NodeValidator<SetSettings> {
    private static final Pattern STRING_LITERAL = Pattern.compile("\\s*(?:\"([^\"\\\\]*)\"|'([^'\\\\]*)')\\s*");
    private static final Pattern VALUE_POINTER = Pattern.compile("/assign/(\\d+)/value");

    @Override
    public void validate(NodeCheck<SetSettings> check) {
        List<Assignment> assign = check.settings().assignOrEmpty();
        if (assign.isEmpty()) {
            check.error(ValidationCodes.SET_ASSIGNMENTS_EMPTY, "/assign", "nothing is assigned. Add an assignment,"
                    + " or remove the node.");
            return;
        }
        for (int i = 0; i < assign.size(); i++) {
            Assignment a = assign.get(i);
            String pointer = "/assign/" + i;
            if (a == null) {
                check.error(ValidationCodes.SETTING_MISSING, pointer, "assignment " + (i + 1) + " is empty. Fill it"
                        + " in, or remove it.");
                continue;
            }
            FieldChecks.required(check, pointer + "/variable", a.variable(), "Choose the variable assignment "
                    + (i + 1) + " sets.");
            FieldChecks.required(check, pointer + "/value", a.value(), "Write the value of assignment " + (i + 1)
                    + ", such as \"gold\" or nodes.crm.body.tier.");
            if (Assignment.CALL_LANGUAGE.equals(a.variable()) && a.value() != null) {
                checkLanguage(check, pointer + "/value", a.value());
            }
        }
    }

    private static void checkLanguage(NodeCheck<SetSettings> check, String pointer, String value) {
        Matcher m = STRING_LITERAL.matcher(value);
        if (!m.matches()) return;
        String language = m.group(1) != null ? m.group(1) : m.group(2);
        if (check.languages().isEmpty() || check.languages().contains(language)) return;
        check.warning(ValidationCodes.SET_LANGUAGE_UNDECLARED, pointer, "it switches the call to " + language
                + ", which is not one of the flow's languages (" + String.join(", ", check.languages()) + "), so"
                + " callers will hear the " + check.defaultLanguage() + " prompts. Add " + language
                + " to the flow's languages, or switch to one of them.");
    }

    @Override
    public VariableType expectedType(NodeCheck<SetSettings> check, ExpressionRef expression) {
        Matcher m = VALUE_POINTER.matcher(expression.pointer());
        if (!m.matches()) return null;
        List<Assignment> assign = check.settings().assignOrEmpty();
        int i = Integer.parseInt(m.group(1));
        Assignment a = i < assign.size() ? assign.get(i) : null;
        if (a == null || a.variable() == null) return null;
        if (Assignment.CALL_LANGUAGE.equals(a.variable())) return VariableType.STRING;
        VariableDecl decl = check.variables().get(a.variable());
        return decl == null ? null : decl.type();
    }
}
