package dev.ivrflow.flow.json;

import java.util.List;

/** The canonical bytes of a document, or why it could not be formatted. */
public sealed interface FormatResult {

    record Formatted(byte[] bytes) implements FormatResult {
        public Formatted {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    record Invalid(List<DocumentError> errors) implements FormatResult {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }

    default boolean isFormatted() {
        return this instanceof Formatted;
    }
}
