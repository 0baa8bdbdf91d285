package dev.ivrflow.app.api.error;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One problem with a request body, at a JSON Pointer into it, with what was expected there. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String pointer, String message, String expected) {
}
