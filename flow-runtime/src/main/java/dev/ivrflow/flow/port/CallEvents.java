package dev.ivrflow.flow.port;

/** What a channel tells the session that runs on it, outside the completion of an action. */
public interface CallEvents {
    /** The caller (or the switch) ended the call. */
    void hungUp(String cause);
}
