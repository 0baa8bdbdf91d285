package dev.ivrflow.flow.expr;

import java.util.List;
import java.util.stream.Collectors;

/** Either the compiled expression or template, or every error found in it. Never both, never neither. */
public sealed interface CompileResult<T> {

    record Success<T>(T compiled) implements CompileResult<T> {
        @Override
        public List<ExpressionError> errors() {
            return List.of();
        }
    }

    record Failure<T>(List<ExpressionError> errors) implements CompileResult<T> {
        public Failure {
            if (errors.isEmpty()) throw new IllegalArgumentException("a failure needs at least one error");
            errors = List.copyOf(errors);
        }
    }

    /** The errors, sorted by position; empty on success. */
    List<ExpressionError> errors();

    default boolean isSuccess() {
        return this instanceof Success<T>;
    }

    /** For callers that compile only what the validator already accepted. */
    default T orElseThrow() {
        return switch (this) {
            case Success<T> s -> s.compiled();
            case Failure<T> f -> throw new IllegalStateException(f.errors().stream()
                    .map(ExpressionError::toString).collect(Collectors.joining("; ")));
        };
    }
}
