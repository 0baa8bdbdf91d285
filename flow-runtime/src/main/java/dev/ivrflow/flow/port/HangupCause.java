package dev.ivrflow.flow.port;

/** The causes a flow can hang up with, and their FreeSWITCH (Q.850) names. */
public enum HangupCause {
    NORMAL("NORMAL_CLEARING"), BUSY("USER_BUSY"), UNAVAILABLE("SUBSCRIBER_ABSENT"),
    TEMPORARY_FAILURE("NORMAL_TEMPORARY_FAILURE"), ALLOTTED_TIMEOUT("ALLOTTED_TIMEOUT");

    private final String q850;

    HangupCause(String q850) {
        this.q850 = q850;
    }

    public String q850() {
        return q850;
    }

    public static HangupCause fromFlow(String cause) {
        return switch (cause) {
            case "busy" -> BUSY;
            case "unavailable" -> UNAVAILABLE;
            default -> NORMAL;
        };
    }
}
