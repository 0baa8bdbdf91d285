package dev.ivrflow.app.flows;

import dev.ivrflow.flow.validate.ValidationIssue;

import java.util.List;

/** A publish (or rollback, or import with publish) refused because flows have validation errors. */
public final class PublishRefusedException extends RuntimeException {

    /** The errors of one flow; {@code file} is its archive entry for an import, else null. */
    public record Refusal(String file, String flowId, List<ValidationIssue> errors) {
        public Refusal {
            errors = List.copyOf(errors);
        }
    }

    private final List<Refusal> refusals;

    public PublishRefusedException(String message, List<Refusal> refusals) {
        super(message, null, false, false);
        this.refusals = List.copyOf(refusals);
    }

    public List<Refusal> refusals() {
        return refusals;
    }
}
