package dev.ivrflow.flow.json;

/**
 * One thing wrong with a document: where ({@code pointer}, an RFC 6901 JSON Pointer into the document, ""
 * for the whole document), what is wrong in words ({@code message}, which says what was found and what was
 * expected), and what would be right ({@code expected}, short, for a tooltip or a form hint).
 */
public record DocumentError(String pointer, String message, String expected) {

    public DocumentError {
        if (pointer == null) pointer = "";
        if (expected == null) expected = "";
    }

    /** "/nodes/1/settings/maxTries: expected an integer from 1 to 10, found "three"". */
    @Override
    public String toString() {
        return (pointer.isEmpty() ? "(document)" : pointer) + ": " + message;
    }
}
