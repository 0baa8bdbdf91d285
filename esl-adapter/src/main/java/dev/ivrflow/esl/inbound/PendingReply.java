package dev.ivrflow.esl.inbound;

import dev.ivrflow.esl.codec.EslCommand;
import dev.ivrflow.esl.codec.EslMessage;

import java.util.Objects;

/** What is written to the channel: a command, and who waits for its {@code command/reply} or {@code api/response}. */
record PendingReply(EslCommand command, Pending<EslMessage> reply) {
    PendingReply {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(reply, "reply");
    }
}
