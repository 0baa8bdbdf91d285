package dev.ivrflow.app.flows;

/**
 * A save, publish or rollback made from a draft revision that is no longer the current one: someone else saved
 * the draft meanwhile. Carries the current revision so the client can reload and merge.
 */
public final class RevisionConflictException extends FlowStoreException {
    private final String flowId;
    private final long currentRevision;

    public RevisionConflictException(String flowId, long currentRevision, String message) {
        super(Reason.REVISION_CONFLICT, message);
        this.flowId = flowId;
        this.currentRevision = currentRevision;
    }

    static RevisionConflictException stale(String flowId, long current, long expected) {
        return new RevisionConflictException(flowId, current, "flow '" + flowId + "' is at revision " + current
                + ", not " + expected + ": someone else saved it meanwhile");
    }

    public String flowId() {
        return flowId;
    }

    public long currentRevision() {
        return currentRevision;
    }
}
