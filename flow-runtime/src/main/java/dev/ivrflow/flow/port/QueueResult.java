package dev.ivrflow.flow.port;

/** How the caller left the queue, and the agent that answered (when one did). */
public record QueueResult(Outcome outcome, String agent) {
    public enum Outcome { ANSWERED, TIMEOUT, NO_AGENTS, FULL, ABANDONED, CALLBACK }
}
