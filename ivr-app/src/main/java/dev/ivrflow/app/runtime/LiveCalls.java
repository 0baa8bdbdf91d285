package dev.ivrflow.app.runtime;

import dev.ivrflow.esl.outbound.OutboundConnection;
import dev.ivrflow.esl.outbound.OutboundListener;
import dev.ivrflow.flow.runtime.CallSession;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calls this instance is running now, by call id (the FreeSWITCH channel uuid): for live views and operations.
 * A call is here from the moment its flow starts until its session ends. A session's own state is read on its
 * executor; from elsewhere, read only what {@link CallSession} says is safe to read.
 */
public final class LiveCalls implements OutboundListener {
    /** One call in progress: its session (pinned to the flow version it started on) and its socket. */
    public record LiveCall(String callId, String flowId, int flowVersion, Instant startedAt, CallSession session,
                           OutboundConnection connection) {
    }

    private final Map<String, LiveCall> calls = new ConcurrentHashMap<>();
    private final Clock clock;

    public LiveCalls(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void callStarted(CallSession session, OutboundConnection connection) {
        calls.put(session.callId(), new LiveCall(session.callId(), session.flow().id(), session.flow().version(),
                clock.instant(), session, connection));
    }

    @Override
    public void callEnded(CallSession session, OutboundConnection connection) {
        calls.remove(session.callId());
    }

    public Optional<LiveCall> find(String callId) {
        return Optional.ofNullable(calls.get(callId));
    }

    /** The calls in progress, oldest first. */
    public List<LiveCall> list() {
        return calls.values().stream().sorted(Comparator.comparing(LiveCall::startedAt)).toList();
    }

    public int count() {
        return calls.size();
    }
}
