package dev.ivrflow.flow.json;

import dev.ivrflow.flow.model.Pointers;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Sorts errors as they appear in the document, so a reader goes through them top to bottom. */
final class DocumentOrder {
    private DocumentOrder() {
    }

    static List<DocumentError> sort(List<DocumentError> errors, JsonNode tree) {
        if (tree == null || errors.size() < 2) return List.copyOf(errors);
        Map<String, Integer> order = new HashMap<>();
        number(tree, "", order);
        List<DocumentError> out = new ArrayList<>(errors);
        out.sort(Comparator.comparingInt(e -> position(e.pointer(), order)));
        return List.copyOf(out);
    }

    // A pointer that is not in the tree (a duplicate key, which the tree does not keep) sorts after its parent.
    private static int position(String pointer, Map<String, Integer> order) {
        String p = pointer;
        while (true) {
            Integer at = order.get(p);
            if (at != null) return p.equals(pointer) ? at * 2 : at * 2 + 1;
            if (p.isEmpty()) return Integer.MAX_VALUE;
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    private static void number(JsonNode node, String pointer, Map<String, Integer> order) {
        order.put(pointer, order.size());
        if (node.isObject()) {
            for (var e : node.properties()) number(e.getValue(), Pointers.join(pointer, e.getKey()), order);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) number(node.get(i), pointer + "/" + i, order);
        }
    }
}
