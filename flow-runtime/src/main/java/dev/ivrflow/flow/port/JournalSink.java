package dev.ivrflow.flow.port;

import dev.ivrflow.flow.runtime.JournalEvent;

/** Receives the call journal: node entered, input received, exit taken, failures. Must not block. */
public interface JournalSink {
    void write(JournalEvent event);

    JournalSink NONE = event -> {
    };
}
