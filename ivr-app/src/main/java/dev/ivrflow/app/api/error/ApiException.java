package dev.ivrflow.app.api.error;

import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * A request the API refuses, with the status and every field error found. Thrown by controllers and services;
 * {@link ApiErrorHandler} turns it into an {@code application/problem+json} answer.
 */
public final class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final List<FieldError> errors;

    public ApiException(HttpStatus status, String message, List<FieldError> errors) {
        super(message, null, false, false);
        this.status = status;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ApiException badRequest(String message, List<FieldError> errors) {
        return new ApiException(HttpStatus.BAD_REQUEST, message, errors);
    }

    public static ApiException badRequest(String pointer, String message, String expected) {
        return new ApiException(HttpStatus.BAD_REQUEST, message, List.of(new FieldError(pointer, message, expected)));
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, message, List.of());
    }

    public static ApiException conflict(String message) {
        return new ApiException(HttpStatus.CONFLICT, message, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
