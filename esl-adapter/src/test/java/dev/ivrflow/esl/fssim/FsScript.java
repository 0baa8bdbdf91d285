package dev.ivrflow.esl.fssim;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a simulated switch does differently from the script-driven default, for one call: each rule applies to the
 * next execution of the named application (in order, once). Tests use it for what a SimCall cannot say: a reply
 * that never comes, a socket that closes, garbage on the wire, a hang-up in the middle of a prompt, a key pressed
 * during playback, an application that runs until it is broken, or one that takes (virtual or real) time.
 */
public final class FsScript {
    public enum Action {
        /** Swallow the sendmsg: no {@code +OK}, nothing runs. */
        NO_REPLY,
        /** Reply and start the application, but never complete it. */
        NO_COMPLETION,
        /** Close the socket when the sendmsg arrives, as a crashing switch would. */
        CLOSE_SOCKET,
        /** Write a malformed frame after CHANNEL_EXECUTE. */
        GARBAGE,
        /** The caller hangs up while the application runs (capture 19b). */
        HANG_UP_DURING,
        /**
         * The application runs until {@code uuid_break} or a hang-up; meanwhile the shared clock moves to the next
         * timer (the runtime's own limit on it, if any).
         */
        RUN_UNTIL_BROKEN,
        /** The caller presses {@code digit} during a playback or speak (capture 10). */
        BARGE_IN,
        /** The application takes {@code time} of the shared virtual clock. */
        TAKES,
        /** The application takes {@code time} of real time before it completes. */
        DELAY,
        /**
         * The speech server answers the next recognition with {@code text} as the body of its RECOGNITION-COMPLETE
         * (whatever the caller does) and, when {@code digit} is set, that Completion-Cause: for NLSML that is
         * malformed, hostile or odd.
         */
        RECOGNIZER_ANSWERS,
        /** Nothing special: keeps the place of an execution in the order of rules. */
        NORMAL
    }

    public record Rule(Action action, String digit, Duration time, String text) {
        public Rule(Action action, String digit, Duration time) {
            this(action, digit, time, null);
        }
    }

    private final Map<String, Deque<Rule>> rules = new HashMap<>();
    private final Set<String> downProfiles = new HashSet<>();

    public static FsScript none() {
        return new FsScript();
    }

    public FsScript on(String app, Action action) {
        return add(app, new Rule(action, null, null));
    }

    public FsScript bargeIn(String app, String digit) {
        return add(app, new Rule(Action.BARGE_IN, digit, null));
    }

    public FsScript takes(String app, Duration virtualTime) {
        return add(app, new Rule(Action.TAKES, null, virtualTime));
    }

    public FsScript delays(String app, Duration realTime) {
        return add(app, new Rule(Action.DELAY, null, realTime));
    }

    /**
     * The next recognition gets {@code body} from the speech server, with completion cause {@code cause} (a number,
     * as mod_unimrcp reports it in {@code ASR-Completion-Cause}; null for none).
     */
    public FsScript recognizerAnswers(String body, String cause) {
        return add("play_and_detect_speech", new Rule(Action.RECOGNIZER_ANSWERS, cause, null, body));
    }

    /** mod_unimrcp cannot open a channel to this profile's server: recognitions with it answer ASR INIT ERROR. */
    public synchronized FsScript profileDown(String profile) {
        downProfiles.add(profile);
        return this;
    }

    synchronized boolean down(String profile) {
        return downProfiles.contains(profile);
    }

    private synchronized FsScript add(String app, Rule rule) {
        rules.computeIfAbsent(app, k -> new ArrayDeque<>()).add(rule);
        return this;
    }

    synchronized Rule next(String app) {
        Deque<Rule> queue = rules.get(app);
        return queue == null ? null : queue.poll();
    }
}
