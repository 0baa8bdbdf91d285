package dev.ivrflow.flow.validate;

import dev.ivrflow.flow.model.Node;

/**
 * How messages name a node, so an admin finds it on the canvas: the type as the palette shows it, the label
 * when the node has one, and the id, e.g. {@code Menu "Main menu" (main)} or {@code Say "welcome"}.
 */
public final class NodeNames {
    private NodeNames() {
    }

    public static String describe(Node node, int index) {
        String type = node.type() == null ? "Node" : capitalized(node.type().json());
        boolean hasId = node.id() != null && !node.id().isBlank();
        boolean hasLabel = node.label() != null && !node.label().isBlank() && !node.label().equals(node.id());
        if (hasLabel && hasId) return type + " \"" + node.label() + "\" (" + node.id() + ")";
        if (hasLabel) return type + " \"" + node.label() + "\" (node " + (index + 1) + ")";
        if (hasId) return type + " \"" + node.id() + "\"";
        return type + " node " + (index + 1);
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
