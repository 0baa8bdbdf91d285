package dev.ivrflow.esl.codec;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Builds {@code sendmsg} with {@code call-command: execute}. The application argument goes in an
 * {@code execute-app-arg} header when it is one short line, and otherwise in the body as {@code text/plain}
 * (SSML, an inline grammar): a header cannot hold a newline, and older mod_event_socket versions cut the whole
 * command header block at 2048 bytes.
 *
 * <pre>{@code
 * EslExecute.app("playback").arg("ivr/welcome.wav").eventUuid(stepId).eventLock(true).build()
 * }</pre>
 */
public final class EslExecute {
    /** Longest argument, in UTF-8 bytes, still sent inline. */
    public static final int INLINE_ARG_MAX_BYTES = 1024;

    private final String app;
    private String channelUuid;
    private String arg;
    private boolean argInBody;
    private Integer loops;
    private String eventUuid;
    private boolean eventLock;
    private boolean async;

    private EslExecute(String app) {
        this.app = EslCommands.requireToken("application name", app);
    }

    public static EslExecute app(String name) {
        return new EslExecute(name);
    }

    /** The target channel, for {@code sendmsg <uuid>} on an inbound connection; absent on the outbound socket. */
    public EslExecute uuid(String channelUuid) {
        this.channelUuid = EslCommands.requireToken("channel uuid", channelUuid);
        return this;
    }

    /** The argument, inline when it is one line of at most {@link #INLINE_ARG_MAX_BYTES} bytes, else in the body. */
    public EslExecute arg(String arg) {
        this.arg = Objects.requireNonNull(arg, "arg");
        this.argInBody = arg.indexOf('\n') >= 0 || arg.indexOf('\r') >= 0 || arg.indexOf('\0') >= 0
                || arg.getBytes(StandardCharsets.UTF_8).length > INLINE_ARG_MAX_BYTES;
        return this;
    }

    /** The argument in the body whatever its length. */
    public EslExecute argInBody(String arg) {
        this.arg = Objects.requireNonNull(arg, "arg");
        this.argInBody = true;
        return this;
    }

    /** How many times FreeSWITCH runs the application. */
    public EslExecute loops(int loops) {
        if (loops < 1) {
            throw new IllegalArgumentException("loops must be at least 1, was " + loops);
        }
        this.loops = loops;
        return this;
    }

    /** Comes back as Application-UUID on CHANNEL_EXECUTE and CHANNEL_EXECUTE_COMPLETE. */
    public EslExecute eventUuid(String eventUuid) {
        this.eventUuid = EslCommands.requireToken("Event-UUID", eventUuid);
        return this;
    }

    /** Queue behind the running application instead of being run at once, so steps keep their order. */
    public EslExecute eventLock(boolean eventLock) {
        this.eventLock = eventLock;
        return this;
    }

    /** Run without blocking the socket's reads (meaningful on a socket not in async mode). */
    public EslExecute async(boolean async) {
        this.async = async;
        return this;
    }

    public EslCommand build() {
        EslHeaders.Builder headers = EslHeaders.builder()
                .add("call-command", "execute")
                .add("execute-app-name", app);
        if (arg != null && !argInBody) {
            headers.add("execute-app-arg", arg);
        }
        if (loops != null) {
            headers.add("loops", loops.toString());
        }
        if (eventUuid != null) {
            headers.add("Event-UUID", eventUuid);
        }
        if (eventLock) {
            headers.add("event-lock", "true");
        }
        if (async) {
            headers.add("async", "true");
        }
        String line = EslCommands.sendmsgLine(channelUuid);
        if (arg != null && argInBody) {
            headers.add("content-type", "text/plain");
            return EslCommand.of(line, headers.build(), arg);
        }
        return EslCommand.of(line, headers.build());
    }
}
