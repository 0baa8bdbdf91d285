package dev.ivrflow.app.flows;

/** Why a store operation was refused: the API maps each reason to its HTTP status. */
public class FlowStoreException extends RuntimeException {
    public enum Reason { NOT_FOUND, ALREADY_EXISTS, REVISION_CONFLICT }

    private final Reason reason;

    public FlowStoreException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
