package dev.ivrflow.esl.outbound;

import dev.ivrflow.esl.channel.EslRequestFailed;
import dev.ivrflow.esl.channel.EslRequestFailed.Kind;
import dev.ivrflow.esl.codec.EslCommand;
import dev.ivrflow.esl.codec.EslContentType;
import dev.ivrflow.esl.codec.EslEvent;
import dev.ivrflow.esl.codec.EslMessage;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One command on its way to FreeSWITCH and what it waits for: its reply (FIFO) and, for {@code sendmsg execute},
 * the CHANNEL_EXECUTE_COMPLETE carrying its Event-UUID. Written into the pipeline, where {@link EslCorrelator}
 * registers it before the bytes leave. Counts once in the connection's in-flight total until it is settled, and
 * leaves the count only after whoever waited on it has been told (so "nothing in flight" really means the call
 * waits for nothing from FreeSWITCH).
 */
final class EslRequest {
    final EslCommand command;
    final EslContentType expects;
    final String eventUuid;
    final Duration completionTimeout;
    final CompletableFuture<EslMessage> reply = new CompletableFuture<>();
    final CompletableFuture<EslEvent> completion;
    private final String description;
    private final AtomicInteger inFlight;
    private final AtomicBoolean settled = new AtomicBoolean();

    private EslRequest(EslCommand command, EslContentType expects, String eventUuid, Duration completionTimeout,
                       String description, AtomicInteger inFlight) {
        this.command = command;
        this.expects = expects;
        this.eventUuid = eventUuid;
        this.completionTimeout = completionTimeout;
        this.completion = eventUuid == null ? null : new CompletableFuture<>();
        this.description = description;
        this.inFlight = inFlight;
        inFlight.incrementAndGet();
    }

    static EslRequest command(EslCommand command, AtomicInteger inFlight) {
        boolean api = command.line().startsWith("api ");
        return new EslRequest(command, api ? EslContentType.API_RESPONSE : EslContentType.COMMAND_REPLY, null, null,
                command.line(), inFlight);
    }

    static EslRequest execute(EslCommand command, String eventUuid, Duration completionTimeout, String description,
                              AtomicInteger inFlight) {
        return new EslRequest(command, EslContentType.COMMAND_REPLY, eventUuid, completionTimeout, description,
                inFlight);
    }

    boolean isExecute() {
        return completion != null;
    }

    String description() {
        return description;
    }

    /** The reply in FIFO order arrived. */
    void replied(EslMessage message) {
        if (!message.is(expects)) {
            fail(Kind.REFUSED, description + ": expected " + expects + " but FreeSWITCH sent " + message.contentType());
            return;
        }
        boolean refused = message.isErr();
        if (!isExecute()) {
            if (refused) {
                fail(Kind.REFUSED, description + ": " + message.replyText().or(message::body).orElse("-ERR").strip());
            } else {
                reply.complete(message);
                settle();
            }
            return;
        }
        if (refused) {
            fail(Kind.REFUSED, description + ": " + message.replyText().orElse("-ERR").strip());
        } else {
            reply.complete(message);
        }
    }

    /** The application's CHANNEL_EXECUTE_COMPLETE arrived. */
    void completed(EslEvent event) {
        reply.complete(null);
        if (completion.complete(event)) {
            settle();
        }
    }

    void fail(Kind kind, String message) {
        EslRequestFailed failure = new EslRequestFailed(kind, message);
        boolean changed = reply.completeExceptionally(failure);
        if (completion != null) {
            changed |= completion.completeExceptionally(failure);
        }
        if (changed || completion == null) {
            settle();
        }
    }

    /** Settles when the request is fully answered: its completion for an execute, else its reply. */
    CompletableFuture<?> completion() {
        return isExecute() ? completion : reply;
    }

    boolean done() {
        return isExecute() ? completion.isDone() : reply.isDone();
    }

    private void settle() {
        if (settled.compareAndSet(false, true)) {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public String toString() {
        return "EslRequest[" + description + (eventUuid == null ? "" : ", " + eventUuid) + "]";
    }
}
