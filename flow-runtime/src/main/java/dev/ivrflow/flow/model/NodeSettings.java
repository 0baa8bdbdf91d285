package dev.ivrflow.flow.model;

import java.util.ArrayList;
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

    /** The node's own expressions and templates, not counting those inside its prompts. */
    default List<ExpressionRef> expressions() {
        return List.of();
    }

    default List<PromptRef> prompts() {
        return List.of();
    }

    /** The node's own symbolic names, not counting the prompt names inside its prompts. */
    default List<SymbolRef> references() {
        return List.of();
    }

    /** Every expression and template of the node, its prompts' included: what is compiled and checked. */
    default List<ExpressionRef> allExpressions() {
        List<ExpressionRef> out = new ArrayList<>(expressions());
        for (PromptRef p : prompts()) out.addAll(p.templates());
        return out;
    }

    /** Every symbolic name of the node, its prompts' included: what the environment must bind. */
    default List<SymbolRef> allReferences() {
        List<SymbolRef> out = new ArrayList<>(references());
        for (PromptRef p : prompts()) out.addAll(p.symbols());
        return out;
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
