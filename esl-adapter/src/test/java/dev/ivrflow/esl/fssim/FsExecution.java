package dev.ivrflow.esl.fssim;

/**
 * One application the simulated switch was asked to run: name, argument as received, its Event-UUID, whether it came
 * with {@code event-lock}, and whether the argument came in the message body (SSML, inline grammars).
 */
public record FsExecution(String app, String arg, String eventUuid, boolean eventLock, boolean argInBody) {
    public FsExecution(String app, String arg, String eventUuid, boolean eventLock) {
        this(app, arg, eventUuid, eventLock, false);
    }
}
