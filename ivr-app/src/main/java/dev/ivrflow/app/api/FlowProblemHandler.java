package dev.ivrflow.app.api;

import dev.ivrflow.app.api.error.FieldError;
import dev.ivrflow.app.flows.PublishRefusedException;
import dev.ivrflow.app.flows.RevisionConflictException;
import dev.ivrflow.flow.model.Pointers;
import dev.ivrflow.flow.validate.ValidationIssue;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two flow problems that need more than {@code ApiException} carries, in the same problem+json shape as
 * every other error ({@code detail}, {@code errors} with pointers):
 * <ul>
 *   <li>a stale revision: 409 with {@code currentRevision} (and the current ETag), so the client can reload;</li>
 *   <li>a publish refused: 422 with the validation errors, as {@code errors} (pointer and message) and as
 *       {@code issues} (code, severity, node, exit, message, pointer; and file and flow id for an archive), so
 *       the designer can put them on the canvas. For an archive, pointers start with the entry's name:
 *       {@code /main-line.flow.json/nodes/3/exits/failure}.</li>
 * </ul>
 * Ordered before {@code ApiErrorHandler}, whose catch-all would otherwise take these.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class FlowProblemHandler {

    @ExceptionHandler(RevisionConflictException.class)
    ResponseEntity<ProblemDetail> conflict(RevisionConflictException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setProperty("flowId", e.flowId());
        p.setProperty("currentRevision", e.currentRevision());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .eTag(Params.etag(e.currentRevision())).body(p);
    }

    @ExceptionHandler(PublishRefusedException.class)
    ResponseEntity<ProblemDetail> refused(PublishRefusedException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        List<FieldError> errors = new ArrayList<>();
        List<Map<String, Object>> issues = new ArrayList<>();
        for (PublishRefusedException.Refusal r : e.refusals()) {
            String prefix = r.file() == null ? "" : Pointers.join("", r.file());
            String messagePrefix = r.file() == null ? "" : r.file() + ": ";
            for (ValidationIssue i : r.errors()) {
                errors.add(new FieldError(prefix + i.pointer(), messagePrefix + i.message(), null));
                Map<String, Object> issue = new LinkedHashMap<>();
                if (r.file() != null) issue.put("file", r.file());
                issue.put("flowId", r.flowId());
                issue.put("code", i.code());
                issue.put("severity", i.severity());
                issue.put("nodeId", i.nodeId());
                issue.put("exit", i.exit());
                issue.put("message", i.message());
                issue.put("pointer", i.pointer());
                issues.add(issue);
            }
        }
        p.setProperty("errors", errors);
        p.setProperty("issues", issues);
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
