package dev.ivrflow.flow.port;

import java.time.Instant;
import java.util.concurrent.CompletionStage;

/** Keeps a reference to every recording a call makes, so none is silently lost. */
public interface RecordingStore {
    CompletionStage<String> save(Recording recording);

    record Recording(String callId, String flowId, String nodeId, String path, long lengthMillis, Instant at,
                     String callerNumber) {
    }
}
