package dev.ivrflow.app.runtime;

import dev.ivrflow.flow.port.JournalSink;
import dev.ivrflow.flow.runtime.JournalEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal sink used until the application has a real one (a {@link JournalSink} bean): each event is logged at
 * debug level and nothing is stored.
 */
public final class DebugLogJournalSink implements JournalSink {
    private static final Logger log = LoggerFactory.getLogger(DebugLogJournalSink.class);

    @Override
    public void write(JournalEvent event) {
        if (log.isDebugEnabled()) {
            log.debug("{} {} {}@{} {} {} {} {}", event.callId(), event.kind(), event.flowId(), event.flowVersion(),
                    event.nodeId(), event.nodeType(), event.exit() == null ? "" : event.exit(), event.detail());
        }
    }
}
