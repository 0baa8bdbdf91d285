package dev.ivrflow.esl.inbound;

import dev.ivrflow.esl.codec.EslEvent;

import java.util.Objects;

/**
 * What a bgapi command produced, taken from its {@code BACKGROUND_JOB} event.
 *
 * @param jobUuid the Job-UUID the client chose and FreeSWITCH echoed
 * @param command the api command as it was given to {@link InboundClient#bgapi(String)}
 * @param body    the command's output: {@code +OK <uuid>} for originate, {@code -ERR NO_ROUTE_DESTINATION}, or plain
 *                data (uuid_dump answers with a header block and no {@code +OK})
 * @param success false when the output starts with {@code -} ({@code -ERR ...}, {@code -USAGE: ...})
 * @param event   the whole event, for the Job-Command headers and anything else
 */
public record BackgroundJobResult(String jobUuid, String command, String body, boolean success, EslEvent event) {
    public BackgroundJobResult {
        Objects.requireNonNull(jobUuid, "jobUuid");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(event, "event");
    }

    static BackgroundJobResult of(String command, EslEvent event) {
        String body = event.body().orElse("");
        return new BackgroundJobResult(event.jobUuid().orElse(""), command, body, !body.startsWith("-"), event);
    }
}
