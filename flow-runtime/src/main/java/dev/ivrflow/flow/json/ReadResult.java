package dev.ivrflow.flow.json;

import java.util.List;
import java.util.Optional;

/** A document read: either its value, or every error found in it. Bad input never throws. */
public sealed interface ReadResult<T> {

    record Valid<T>(T value) implements ReadResult<T> {
    }

    record Invalid<T>(List<DocumentError> errors) implements ReadResult<T> {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }

    default boolean isValid() {
        return this instanceof Valid<T>;
    }

    default Optional<T> asOptional() {
        return this instanceof Valid<T>(T v) ? Optional.of(v) : Optional.empty();
    }

    default List<DocumentError> errors() {
        return this instanceof Invalid<T>(List<DocumentError> e) ? e : List.of();
    }
}
