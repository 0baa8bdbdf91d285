package dev.ivrflow.flow.model;

/**
 * One exit a node can take. A required exit must be wired. An optional exit that is not wired falls back to
 * {@code otherwise} (another exit of the same node) or, when that is null, to the flow's fallback.
 */
public record ExitSpec(String name, boolean required, String otherwise, String description) {

    public static ExitSpec required(String name, String description) {
        return new ExitSpec(name, true, null, description);
    }

    public static ExitSpec optional(String name, String otherwise, String description) {
        return new ExitSpec(name, false, otherwise, description);
    }

    /** The {@code error} exit every fallible node has: optional, and unwired it leads to the flow's fallback. */
    public static ExitSpec error() {
        return new ExitSpec("error", false, null, "the node failed; unwired, the call goes to the flow's fallback");
    }
}
