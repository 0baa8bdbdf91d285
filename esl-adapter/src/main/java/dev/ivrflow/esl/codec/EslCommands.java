package dev.ivrflow.esl.codec;

import java.util.List;
import java.util.Objects;

/**
 * The Event Socket commands, spelled exactly as FreeSWITCH expects them. Each factory checks its arguments, so a
 * command that exists is one FreeSWITCH will read as a single command. For {@code sendmsg execute}, see
 * {@link EslExecute}.
 */
public final class EslCommands {
    private EslCommands() {
    }

    public static EslCommand auth(String password) {
        return EslCommand.of("auth " + requireText("password", password));
    }

    /** The outbound socket's first command: FreeSWITCH answers with the channel data. */
    public static EslCommand connect() {
        return EslCommand.of("connect");
    }

    public static EslCommand api(String command) {
        return EslCommand.of("api " + requireText("api command", command));
    }

    /** A background api call; the reply carries a Job-UUID chosen by FreeSWITCH. */
    public static EslCommand bgapi(String command) {
        return EslCommand.of("bgapi " + requireText("bgapi command", command));
    }

    /** A background api call with our own Job-UUID, so the BACKGROUND_JOB can be matched before the reply arrives. */
    public static EslCommand bgapi(String command, String jobUuid) {
        return EslCommand.of("bgapi " + requireText("bgapi command", command),
                EslHeaders.of("Job-UUID", requireToken("Job-UUID", jobUuid)));
    }

    /** {@code event json CHANNEL_EXECUTE_COMPLETE DTMF}, or {@code event plain CUSTOM conference::maintenance}. */
    public static EslCommand event(EventFormat format, String... events) {
        return event(format, List.of(events));
    }

    public static EslCommand event(EventFormat format, List<String> events) {
        Objects.requireNonNull(format, "format");
        if (events.isEmpty()) {
            throw new IllegalArgumentException("event needs at least one event name (or ALL)");
        }
        StringBuilder line = new StringBuilder("event ").append(format.wire());
        events.forEach(name -> line.append(' ').append(requireToken("event name", name)));
        return EslCommand.of(line.toString());
    }

    /** Events of the socket's own call, in plain format (outbound socket). */
    public static EslCommand myevents() {
        return EslCommand.of("myevents");
    }

    public static EslCommand myevents(EventFormat format) {
        return EslCommand.of("myevents " + Objects.requireNonNull(format, "format").wire());
    }

    /** Events of one channel, on an inbound connection. */
    public static EslCommand myevents(EventFormat format, String channelUuid) {
        return EslCommand.of("myevents " + Objects.requireNonNull(format, "format").wire() + " "
                + requireToken("channel uuid", channelUuid));
    }

    public static EslCommand noevents() {
        return EslCommand.of("noevents");
    }

    /** Keep the socket after hangup until we send {@code exit}, so no trailing event is lost. */
    public static EslCommand linger() {
        return EslCommand.of("linger");
    }

    public static EslCommand linger(int seconds) {
        if (seconds <= 0) {
            throw new IllegalArgumentException("linger seconds must be positive, was " + seconds);
        }
        return EslCommand.of("linger " + seconds);
    }

    public static EslCommand nolinger() {
        return EslCommand.of("nolinger");
    }

    public static EslCommand exit() {
        return EslCommand.of("exit");
    }

    /** {@code filter Unique-ID <uuid>}: only events whose header has this value. */
    public static EslCommand filter(String header, String value) {
        return EslCommand.of("filter " + requireToken("filter header", header) + " " + requireText("filter value", value));
    }

    public static EslCommand filterDelete(String header, String value) {
        return EslCommand.of("filter delete " + requireToken("filter header", header) + " "
                + requireText("filter value", value));
    }

    /** {@code sendmsg [uuid]} with any call-command; {@code channelUuid} is null on the outbound socket. */
    public static EslCommand sendmsg(String channelUuid, EslHeaders headers) {
        return EslCommand.of(sendmsgLine(channelUuid), headers);
    }

    /** Hangs up the call with a cause such as {@code NORMAL_CLEARING}. */
    public static EslCommand hangup(String channelUuid, String cause) {
        return sendmsg(channelUuid, EslHeaders.of("call-command", "hangup", "hangup-cause", requireToken("cause", cause)));
    }

    static String sendmsgLine(String channelUuid) {
        return channelUuid == null ? "sendmsg" : "sendmsg " + requireToken("channel uuid", channelUuid);
    }

    static String requireText(String what, String value) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        EslCommand.requireSingleLine(what, value);
        return value;
    }

    /** A single word: a uuid, an event or header name. Whitespace would shift the arguments FreeSWITCH sees. */
    static String requireToken(String what, String value) {
        requireText(what, value);
        if (value.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(what + " must be one word, was '" + value + "'");
        }
        return value;
    }
}
