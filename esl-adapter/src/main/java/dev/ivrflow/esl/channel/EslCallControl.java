package dev.ivrflow.esl.channel;

import dev.ivrflow.esl.codec.EslEvent;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * What {@link EslCallChannel} needs from the socket of its call: run applications and api commands, and say when
 * the call has left our control. The outbound connection implements it; tests can script it without sockets.
 *
 * <p>Stages fail with {@link EslRequestFailed} (refused, timed out, call gone, connection closed); they never block.
 */
public interface EslCallControl {

    /** The channel's Unique-ID. */
    String uuid();

    /**
     * Sends {@code sendmsg} with {@code call-command: execute}, a fresh {@code Event-UUID} and
     * {@code event-lock: true}; completes with the CHANNEL_EXECUTE_COMPLETE whose Application-UUID matches.
     */
    CompletionStage<EslEvent> execute(EslApp app);

    /** Runs {@code api <command>} over the call's own socket; completes with the api/response body. */
    CompletionStage<String> api(String command);

    /** The call went on elsewhere (a blind transfer): release the socket without hanging up. */
    void handedOff();

    /** The call's serial executor: results are mapped there, never on the socket's I/O thread. */
    Executor executor();
}
