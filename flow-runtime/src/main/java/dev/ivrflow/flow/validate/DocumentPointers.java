package dev.ivrflow.flow.validate;

import dev.ivrflow.flow.model.Pointers;

/** JSON Pointers into the flow document, which is what the designer uses to place an issue. */
final class DocumentPointers {
    private DocumentPointers() {
    }

    static String node(int index) {
        return "/nodes/" + index;
    }

    /** {@code relative} is a pointer relative to the node's settings, as the settings' descriptors give them. */
    static String settings(int index, String relative) {
        return node(index) + "/settings" + (relative == null ? "" : relative);
    }

    static String exit(int index, String exit) {
        return Pointers.join(node(index) + "/exits", exit);
    }

    static String flowField(String field) {
        return "/" + field;
    }

    static String entry(String map, String key) {
        return Pointers.join("/" + map, key);
    }
}
