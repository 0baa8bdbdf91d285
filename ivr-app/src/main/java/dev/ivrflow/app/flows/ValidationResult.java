package dev.ivrflow.app.flows;

import dev.ivrflow.flow.json.DocumentError;
import dev.ivrflow.flow.validate.Severity;
import dev.ivrflow.flow.validate.ValidationIssue;
import dev.ivrflow.flow.validate.ValidationReport;

import java.util.List;

/**
 * What the validator says about a flow: {@code valid} when no issue is an error (warnings and infos do not stop a
 * publish), and every issue with its code, severity, node, exit, message and JSON Pointer.
 */
public record ValidationResult(boolean valid, List<ValidationIssue> issues) {
    /** The code of an issue made from a document error: a stored flow the reader no longer accepts. */
    public static final String DOCUMENT_INVALID = "DOCUMENT_INVALID";

    public ValidationResult {
        issues = List.copyOf(issues);
    }

    public static ValidationResult of(ValidationReport report) {
        return new ValidationResult(!report.hasErrors(), report.issues());
    }

    static ValidationResult ofDocumentErrors(List<DocumentError> errors) {
        return new ValidationResult(false, errors.stream().map(e -> new ValidationIssue(DOCUMENT_INVALID,
                Severity.ERROR, null, null, e.message(), e.pointer())).toList());
    }

    public List<ValidationIssue> errors() {
        return issues.stream().filter(i -> i.severity() == Severity.ERROR).toList();
    }
}
