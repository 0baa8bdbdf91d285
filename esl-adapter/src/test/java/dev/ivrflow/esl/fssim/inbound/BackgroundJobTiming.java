package dev.ivrflow.esl.fssim.inbound;

/** When the simulator sends a bgapi's BACKGROUND_JOB, relative to its {@code +OK Job-UUID} reply. */
public enum BackgroundJobTiming {
    /** As FreeSWITCH does: the job runs on its own thread and its event follows the reply. */
    AFTER_REPLY,
    /** The event is written before the reply, the race a client must survive. */
    BEFORE_REPLY,
    /** The reply only; the job never reports (to test timeouts). */
    NEVER
}
