package dev.ivrflow.esl.fssim;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

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
        /** Nothing special: keeps the place of an execution in the order of rules. */
        NORMAL
    }

    public record Rule(Action action, String digit, Duration time) {
    }

    private final Map<String, Deque<Rule>> rules = new HashMap<>();

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

    private synchronized FsScript add(String app, Rule rule) {
        rules.computeIfAbsent(app, k -> new ArrayDeque<>()).add(rule);
        return this;
    }

    synchronized Rule next(String app) {
        Deque<Rule> queue = rules.get(app);
        return queue == null ? null : queue.poll();
    }
}
