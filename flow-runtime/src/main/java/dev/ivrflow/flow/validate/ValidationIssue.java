package dev.ivrflow.flow.validate;

/**
 * One problem found in a flow, as data the designer can place on the canvas.
 *
 * @param code     a stable code (see {@link ValidationCodes}, plus the calendar's {@code CALENDAR_*} codes)
 * @param nodeId   the node it is about, or null for the flow as a whole
 * @param exit     the exit it is about, or null
 * @param message  a sentence for a business admin: which node and exit, what is wrong, what to do
 * @param pointer  a JSON Pointer into the flow document ("/nodes/3/settings/options/1/digits")
 */
public record ValidationIssue(String code, Severity severity, String nodeId, String exit, String message,
                              String pointer) {

    @Override
    public String toString() {
        return severity + " " + code + " at " + pointer + ": " + message;
    }
}
