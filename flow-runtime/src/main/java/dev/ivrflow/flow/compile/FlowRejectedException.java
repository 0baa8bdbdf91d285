package dev.ivrflow.flow.compile;

import dev.ivrflow.flow.validate.ValidationReport;

/** For callers that only compile flows they expect to be valid: carries every issue found. */
public final class FlowRejectedException extends RuntimeException {
    private final transient ValidationReport report;

    public FlowRejectedException(ValidationReport report) {
        super("the flow has errors: " + report.errors());
        this.report = report;
    }

    public ValidationReport report() {
        return report;
    }
}
