package dev.ivrflow.flow.json;

import tools.jackson.databind.JsonNode;

import java.util.List;

/** A parse: the tree (null when the text is not JSON at all) and the errors found while reading it. */
record ParsedDocument(JsonNode tree, List<DocumentError> errors) {
    ParsedDocument {
        errors = List.copyOf(errors);
    }
}
