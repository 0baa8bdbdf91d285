package dev.ivrflow.app.api.error;

import dev.ivrflow.app.flows.FlowStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;

import java.util.List;

/**
 * Every error the API answers is {@code application/problem+json} (RFC 9457) with, for bad input, an
 * {@code errors} list of JSON Pointers and what was expected. Bad input is never a 500; an unexpected failure is
 * a 500 that says nothing about the internals and is logged with an id to find it.
 */
@RestControllerAdvice
public class ApiErrorHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        return problem(e.status(), e.getMessage(), e.errors());
    }

    @ExceptionHandler(FlowStoreException.class)
    ResponseEntity<ProblemDetail> store(FlowStoreException e) {
        HttpStatus status = switch (e.reason()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case ALREADY_EXISTS, REVISION_CONFLICT -> HttpStatus.CONFLICT;
        };
        return problem(status, e.getMessage(), List.of());
    }

    /** A body that is not JSON, or not the JSON expected: say where, never how the server is built. */
    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> input(ServerWebInputException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof JacksonException j) {
            String pointer = JsonPointers.of(j);
            String message = j.getOriginalMessage() == null ? "malformed JSON" : firstLine(j.getOriginalMessage());
            return problem(HttpStatus.BAD_REQUEST, "the request body is not valid: " + message,
                    List.of(new FieldError(pointer, message, null)));
        }
        if (cause instanceof DecodingException d) {
            return problem(HttpStatus.BAD_REQUEST, "the request body could not be read: " + firstLine(d.getMessage()), List.of());
        }
        return problem(HttpStatus.BAD_REQUEST, e.getReason() == null ? "bad request" : e.getReason(), List.of());
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException e) {
        return problem(e.getStatusCode(), e.getReason() == null ? e.getStatusCode().toString() : e.getReason(), List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        String id = java.util.UUID.randomUUID().toString().substring(0, 8);
        log.error("unexpected error {}", id, e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal error " + id + " (logged)", List.of());
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String detail, List<FieldError> errors) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        if (!errors.isEmpty()) p.setProperty("errors", errors);
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
