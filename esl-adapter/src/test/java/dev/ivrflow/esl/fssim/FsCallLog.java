package dev.ivrflow.esl.fssim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What happened on one simulated call, as the switch saw it: the commands received, the applications executed (to
 * compare with the in-memory simulator's actions), what the caller heard, the frames sent (for conformance tests)
 * and how the call ended.
 */
public final class FsCallLog {
    private final List<String> commands = Collections.synchronizedList(new ArrayList<>());
    private final List<FsExecution> executions = Collections.synchronizedList(new ArrayList<>());
    private final List<String> heard = Collections.synchronizedList(new ArrayList<>());
    private final List<byte[]> frames = Collections.synchronizedList(new ArrayList<>());
    private final List<String> speechProblems = Collections.synchronizedList(new ArrayList<>());
    final CompletableFuture<FsCallLog> closed = new CompletableFuture<>();
    volatile String uuid;
    volatile String hangupCause;
    volatile String hungUpBy;
    volatile String transferredTo;
    volatile boolean resumed;
    volatile boolean exitReceived;
    volatile String failure;

    public List<String> commands() {
        return snapshot(commands);
    }

    public List<FsExecution> executions() {
        return snapshot(executions);
    }

    public List<String> apps() {
        return executions().stream().map(FsExecution::app).toList();
    }

    public List<String> heard() {
        return snapshot(heard);
    }

    public List<byte[]> frames() {
        return snapshot(frames);
    }

    public String uuid() {
        return uuid;
    }

    /** Why the switch refused a recognition (usage, recogniser, grammar), in order: what it would log. */
    public List<String> speechProblems() {
        return snapshot(speechProblems);
    }

    /** The Q.850 cause the channel hung up with; null while up (or after a transfer). */
    public String hangupCause() {
        return hangupCause;
    }

    /** {@code caller}, {@code runtime} (a hangup application) or {@code switch} (sched_hangup, failed bridge). */
    public String hungUpBy() {
        return hungUpBy;
    }

    public String transferredTo() {
        return transferredTo;
    }

    public boolean resumed() {
        return resumed;
    }

    public boolean exitReceived() {
        return exitReceived;
    }

    /** An I/O or protocol problem the simulator met, or null. */
    public String failure() {
        return failure;
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    void command(String line) {
        commands.add(line);
    }

    void executed(FsExecution e) {
        executions.add(e);
    }

    void heard(String h) {
        heard.add(h);
    }

    void speechProblem(String why) {
        speechProblems.add(why);
    }

    void frame(byte[] f) {
        frames.add(f);
    }

    private static <T> List<T> snapshot(List<T> list) {
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    @Override
    public String toString() {
        return "FsCallLog[" + uuid + ", apps=" + apps() + ", hangup=" + hangupCause + " by " + hungUpBy
                + (transferredTo == null ? "" : ", transferred to " + transferredTo) + (resumed ? ", resumed" : "") + "]";
    }
}
