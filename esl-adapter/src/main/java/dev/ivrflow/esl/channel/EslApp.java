package dev.ivrflow.esl.channel;

import java.time.Duration;
import java.util.Objects;

/**
 * One dialplan application to run on the call with {@code sendmsg execute}: its name, its argument (null for none),
 * how long its completion may take, and whether the argument must travel in the message body. A null
 * {@code completionTimeout} means "as long as it runs": playback, play_and_get_digits, bridge, callcenter, record,
 * conference, voicemail and echo last as long as the caller or the world makes them, and FreeSWITCH always ends them
 * with CHANNEL_EXECUTE_COMPLETE or a hang-up. Applications that must finish at once ({@code set},
 * {@code sched_hangup}, {@code transfer}, {@code hangup}) get a bound, so a switch that stops answering fails the node
 * instead of holding the call. An argument goes in the body anyway when it has a line break or is long; SSML and
 * inline grammars are put there always ({@code argInBody}).
 */
public record EslApp(String name, String arg, Duration completionTimeout, boolean argInBody) {
    public EslApp {
        Objects.requireNonNull(name, "name");
    }

    /** An application that runs as long as it needs (no completion timeout). */
    public static EslApp of(String name, String arg) {
        return new EslApp(name, arg, null, false);
    }

    /** An application that runs as long as it needs, its argument in the message body. */
    public static EslApp withBody(String name, String arg) {
        return new EslApp(name, Objects.requireNonNull(arg, "arg"), null, true);
    }

    /** An application that must complete within {@code timeout}. */
    public static EslApp quick(String name, String arg, Duration timeout) {
        return new EslApp(name, arg, Objects.requireNonNull(timeout, "timeout"), false);
    }
}
