package dev.ivrflow.flow.sim;

import dev.ivrflow.flow.port.RecordingStore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Keeps recording references in memory, for simulations. */
public final class InMemoryRecordings implements RecordingStore {
    private final List<Recording> saved = new ArrayList<>();

    @Override
    public synchronized CompletionStage<String> save(Recording recording) {
        saved.add(recording);
        return CompletableFuture.completedFuture("rec-" + saved.size());
    }

    public synchronized List<Recording> saved() {
        return Collections.unmodifiableList(new ArrayList<>(saved));
    }
}
