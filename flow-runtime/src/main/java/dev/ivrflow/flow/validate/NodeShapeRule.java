package dev.ivrflow.flow.validate;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import static dev.ivrflow.flow.validate.Severity.ERROR;

/** Every node has a usable id, one of its own, a type and settings of that type. */
final class NodeShapeRule implements FlowRule {

    /** Expressions read a node's result as {@code nodes.<id>}, so an id must be an identifier there. */
    static final Pattern NODE_ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    @Override
    public void check(FlowContext context, Issues issues) {
        Map<String, Integer> firstIndex = new HashMap<>();
        for (NodeFacts n : context.nodes) {
            String id = n.id();
            String idPointer = DocumentPointers.node(n.index()) + "/id";
            if (id == null || id.isBlank()) {
                issues.node(ERROR, ValidationCodes.NODE_ID_INVALID, n.node(), n.index(), null, idPointer,
                        "the node has no id. Give it one: letters, digits and '_', starting with a letter.");
            } else if (!NODE_ID.matcher(id).matches()) {
                issues.node(ERROR, ValidationCodes.NODE_ID_INVALID, n.node(), n.index(), null, idPointer, "the id \""
                        + id + "\" cannot be used in expressions (as nodes." + id + "). Use up to 64 letters, digits"
                        + " and '_', starting with a letter, such as mainMenu or menu_2.");
            }
            if (id != null) {
                Integer first = firstIndex.putIfAbsent(id, n.index());
                if (first != null) {
                    issues.node(ERROR, ValidationCodes.NODE_ID_DUPLICATE, n.node(), n.index(), null, idPointer,
                            "node " + (first + 1) + " already has the id \"" + id + "\", so connections to it are"
                                    + " ambiguous. Give this node another id.");
                }
            }
            if (n.problem() != null) {
                issues.node(ERROR, n.problem().code(), n.node(), n.index(), null,
                        DocumentPointers.node(n.index()) + "/" + n.problem().field(),
                        n.problem().message());
            }
        }
    }
}
