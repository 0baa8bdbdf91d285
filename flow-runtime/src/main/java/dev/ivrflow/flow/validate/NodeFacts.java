package dev.ivrflow.flow.validate;

import dev.ivrflow.flow.model.ExitSpec;
import dev.ivrflow.flow.model.ExpressionRef;
import dev.ivrflow.flow.model.Node;
import dev.ivrflow.flow.model.NodeSettings;
import dev.ivrflow.flow.model.PromptRef;
import dev.ivrflow.flow.model.SymbolRef;
import dev.ivrflow.flow.model.VariableRef;

import java.util.List;
import java.util.Set;

/**
 * What the checks need to know about one node, read once and defensively: the settings' descriptors may throw
 * on settings built with nulls, and then the node is reported once instead of failing every rule.
 *
 * @param settings the settings, or null when they are missing, of the wrong type, or unreadable ({@code problem})
 * @param primary  true for the first node with its id: the one the runtime runs, so the one graph rules follow
 * @param waits    time passes at the node (see {@code NodeSettings.takesTime})
 * @param responseExits exits taken only when someone responds (see {@link NodeValidator#responseExits})
 * @param countedExits  exits a count bounds (see {@link NodeValidator#countedExits})
 */
record NodeFacts(Node node, int index, boolean primary, NodeSettings settings, NodeExits exits, List<String> jumps,
                 List<ExpressionRef> expressions, List<PromptRef> prompts, List<SymbolRef> references,
                 List<VariableRef> writes, boolean waits, Set<String> responseExits, Set<String> countedExits,
                 Problem problem) {

    /** Why the settings cannot be used; {@code field} is "type" or "settings", where the designer shows it. */
    record Problem(String code, String field, String message) {
    }

    static NodeFacts unusable(Node node, int index, boolean primary, Problem problem) {
        return new NodeFacts(node, index, primary, null, NodeExits.atLeast(List.of()), List.of(), List.of(), List.of(),
                List.of(), List.of(), false, Set.of(), Set.of(), problem);
    }

    boolean usable() {
        return settings != null;
    }

    String id() {
        return node.id();
    }

    /** The node an exit is wired to, or null when the exit is not wired. */
    String target(String exit) {
        String t = node.exits().get(exit);
        return t == null || t.isBlank() ? null : t;
    }

    List<ExitSpec> exitSpecs() {
        return exits.specs();
    }
}
