package dev.ivrflow.flow.port;

/**
 * How the caller left the queue, and the agent that answered (when one did). {@code ABANDONED} means the caller
 * pressed the exit key and is still on the line; a caller who hangs up is reported as a hang-up, not a result.
 */
public record QueueResult(Outcome outcome, String agent) {
    public enum Outcome { ANSWERED, TIMEOUT, NO_AGENTS, FULL, ABANDONED, CALLBACK }
}
