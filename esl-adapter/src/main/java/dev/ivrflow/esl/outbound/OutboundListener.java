package dev.ivrflow.esl.outbound;

import dev.ivrflow.flow.port.CallInfo;
import dev.ivrflow.flow.runtime.CallSession;

/**
 * Observes the outbound server's calls (metrics, live views, tests). Called from the call's serial executor or
 * the socket's thread: implementations must be quick and must not block.
 */
public interface OutboundListener {
    OutboundListener NONE = new OutboundListener() {
    };

    /** A routed call's session was created and is about to start. */
    default void callStarted(CallSession session, OutboundConnection connection) {
    }

    /** A session ended (hang-up, transfer, flow end); the socket may still be closing. */
    default void callEnded(CallSession session, OutboundConnection connection) {
    }

    /** No flow served the call; {@code reason} says why. */
    default void callNotRouted(CallInfo call, String reason) {
    }

    /** The socket closed; nothing more happens on this connection. */
    default void connectionClosed(OutboundConnection connection) {
    }
}
