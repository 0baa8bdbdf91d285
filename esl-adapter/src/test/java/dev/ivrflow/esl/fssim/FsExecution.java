package dev.ivrflow.esl.fssim;

/** One application the simulated switch was asked to run: name, argument as received, and its Event-UUID. */
public record FsExecution(String app, String arg, String eventUuid, boolean eventLock) {
}
