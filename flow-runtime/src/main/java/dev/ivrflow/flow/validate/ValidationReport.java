package dev.ivrflow.flow.validate;

import java.util.List;

/** Everything the validator found in one flow, in a stable order. Empty means the flow is clean. */
public record ValidationReport(List<ValidationIssue> issues) {

    public ValidationReport {
        issues = issues == null ? List.of() : List.copyOf(issues);
    }

    public boolean hasErrors() {
        return issues.stream().anyMatch(i -> i.severity() == Severity.ERROR);
    }

    public List<ValidationIssue> errors() {
        return of(Severity.ERROR);
    }

    public List<ValidationIssue> warnings() {
        return of(Severity.WARNING);
    }

    public List<ValidationIssue> infos() {
        return of(Severity.INFO);
    }

    public List<ValidationIssue> withCode(String code) {
        return issues.stream().filter(i -> i.code().equals(code)).toList();
    }

    public List<ValidationIssue> forNode(String nodeId) {
        return issues.stream().filter(i -> nodeId.equals(i.nodeId())).toList();
    }

    private List<ValidationIssue> of(Severity severity) {
        return issues.stream().filter(i -> i.severity() == severity).toList();
    }
}
