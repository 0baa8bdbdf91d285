package dev.ivrflow.flow.port;

/** How a bridge ended, and the switch's hangup cause (for example USER_BUSY). */
public record BridgeResult(Outcome outcome, String cause) {
    public enum Outcome { ANSWERED, BUSY, NO_ANSWER, FAILED }
}
