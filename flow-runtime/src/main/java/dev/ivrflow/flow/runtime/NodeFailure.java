package dev.ivrflow.flow.runtime;

/**
 * Thrown by {@link NodeContext} helpers (a template that cannot be rendered, an unbound symbolic name) so that
 * handler code stays linear. The interpreter turns it into {@link Step.Fail}; it never escapes a session.
 */
public final class NodeFailure extends RuntimeException {
    public NodeFailure(String message) {
        super(message, null, false, false);
    }
}
