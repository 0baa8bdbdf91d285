package dev.ivrflow.flow.validate;

import dev.ivrflow.flow.model.Environment;
import dev.ivrflow.flow.model.ExpressionRef;
import dev.ivrflow.flow.model.NodeSettings;
import dev.ivrflow.flow.model.VariableType;

import java.util.List;
import java.util.Set;

/**
 * The checks of one node type, beyond what every node gets from the settings' descriptors (exits, expressions,
 * prompts, symbolic names, variables written). One implementation per node type, registered in
 * {@code dev.ivrflow.flow.nodes.NodeValidators}. The settings may come from code rather than the schema-checked
 * reader, so any field may be null and any list may hold nulls.
 */
public interface NodeValidator<S extends NodeSettings> {

    void validate(NodeCheck<S> check);

    /**
     * The bounds of the settings' numeric fields, checked on every node of the type after {@link #validate}. They
     * are the schema's bounds for the same fields (a test compares them), so declare every bounded field here
     * rather than checking it in {@code validate}.
     */
    default List<FieldRange<S>> ranges() {
        return List.of();
    }

    /**
     * The exits the node can take. By default the ones its settings declare; a node whose exits also depend on
     * the environment (a shared calendar's ranges) says so here.
     */
    default NodeExits exits(S settings, Environment environment) {
        return NodeExits.of(settings.exits());
    }

    /** Nodes this one continues at without an exit (a goto's target): edges of the flow graph too. */
    default List<String> jumps(S settings) {
        return List.of();
    }

    /**
     * The exits taken only when someone responds: the caller presses a key, speaks or leaves a message (a menu's
     * options and invalid, an input's next), or the other side answers (a queue's answered). A caller who stays
     * silent never takes them, so the loop rule leaves them out when it looks for loops silence goes round; but
     * when an unwired exit silence takes falls back to one of them (a record's noInput to next), it follows that one.
     */
    default Set<String> responseExits(S settings) {
        return Set.of();
    }

    /**
     * The exits a count bounds: the node takes them a fixed number of times in a row and then another exit (a loop
     * node's body). A loop through one of them ends, so the loop rule leaves them out.
     */
    default Set<String> countedExits(S settings) {
        return Set.of();
    }

    /**
     * The type an expression of these settings must give, or null for any. A condition needs a bool, an
     * assignment the type of its variable; that catches {@code when: "tier"} before a call does.
     */
    default VariableType expectedType(NodeCheck<S> check, ExpressionRef expression) {
        return null;
    }
}
