package dev.ivrflow.flow.model;

import java.util.List;

/**
 * The typed settings of one node type. Each node type has one record implementing this, in its own package
 * under {@code dev.ivrflow.flow.nodes}. The settings describe themselves, so the generic validator and the
 * compiler need no per-type switch: the exits the node can take (one per menu option, intent, condition case
 * or calendar range), the expressions and templates it holds, its prompts, the symbolic names it refers to,
 * and the variables it writes. Pointers are JSON Pointers relative to the node's {@code settings} object.
 */
public interface NodeSettings {
    List<ExitSpec> exits();

    default List<ExpressionRef> expressions() {
        return List.of();
    }

    default List<PromptRef> prompts() {
        return List.of();
    }

    default List<SymbolRef> references() {
        return List.of();
    }

    default List<VariableRef> writes() {
        return List.of();
    }

    /**
     * True when time passes at the node: it waits for the caller or the world (digits, speech, a recording, audio
     * playing, a queue, a ringing phone, a pause). A loop through such a node cannot spin; a loop through none
     * of them runs until the step limit.
     */
    default boolean takesTime() {
        return false;
    }
}
