package dev.ivrflow.flow.calendar;

/**
 * Which exit the calendar takes at one instant, and why in words an admin reads in the call journal.
 * {@code exit} is "open", "closed", "holiday", a range name, or "error" when the calendar itself is invalid.
 */
public record CalendarDecision(String exit, String reason) {

    public static final String OPEN = "open";
    public static final String CLOSED = "closed";
    public static final String HOLIDAY = "holiday";
    public static final String ERROR = "error";

    public boolean isError() {
        return ERROR.equals(exit);
    }
}
