package dev.ivrflow.esl.fssim.inbound;

import dev.ivrflow.esl.codec.EslEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * FreeSWITCH's inbound event socket (port 8021), simulated on 127.0.0.1 and an ephemeral port, answering the way
 * FreeSWITCH 1.10.12 does in captures 01 to 03 and the {@code *_control} captures: {@code auth/request} on connect,
 * {@code +OK accepted} or {@code -ERR invalid} (then a disconnect notice and close), {@code api/response} with a
 * Content-Length body, {@code +OK Job-UUID} then a BACKGROUND_JOB for bgapi, {@code event}/{@code noevents}/
 * {@code filter} with FreeSWITCH's reply texts, API events for listeners of API or ALL, {@code +OK bye} and a
 * disconnect notice on exit, and {@code text/rude-rejection} in ACL mode. {@code InboundFreeSwitchCaptureTest} replays
 * the captures against it.
 *
 * <p>Test hooks: scripted api answers ({@link #onApi}), bgapi timing ({@link #backgroundJobTiming}), events in either
 * format from captured templates ({@link #emit}), and dropping connections at any moment ({@link #dropConnections},
 * {@link #dropNextConnections}). Every command received is recorded per connection.
 */
public final class InboundFreeSwitch implements AutoCloseable {
    public static final String STOCK_PASSWORD = "ClueCon";

    static final byte[] AUTH_REQUEST = bytes("Content-Type: auth/request\n\n");
    static final String DISCONNECT_TEXT = "Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n";
    static final byte[] DISCONNECT_NOTICE = bytes("Content-Type: text/disconnect-notice\nContent-Length: "
            + DISCONNECT_TEXT.length() + "\n\n" + DISCONNECT_TEXT);
    static final String RUDE_REJECTION_TEXT = "Access Denied, go away.\n";
    static final byte[] RUDE_REJECTION = bytes("Content-Type: text/rude-rejection\nContent-Length: "
            + RUDE_REJECTION_TEXT.length() + "\n\n" + RUDE_REJECTION_TEXT);

    /** {@code api status} as captured (01), trailing spaces and all. */
    public static final String CAPTURED_STATUS = "UP 0 years, 0 days, 0 hours, 0 minutes, 4 seconds, 28 milliseconds, "
            + "25 microseconds\nFreeSWITCH (Version 1.10.12-release  64bit) is ready\n0 session(s) since startup\n"
            + "0 session(s) - peak 0, last 5min 0 \n0 session(s) per Sec out of max 30, peak 0, last 5min 0 \n"
            + "1000 session(s) max\nmin idle cpu 0.00/99.97\nCurrent Stack Size/Max 240K/8192K\n";
    /** {@code api version} as captured (01). */
    public static final String CAPTURED_VERSION = "FreeSWITCH Version 1.10.12-release~64bit ( 64bit)\n";

    private final ServerSocket server;
    private final ExecutorService threads =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("fssim-inbound-", 0).factory());
    private final List<SimulatedConnection> connections = new CopyOnWriteArrayList<>();
    private final Map<String, ApiHandler> handlers = new ConcurrentHashMap<>();
    private final Map<String, String> exactAnswers = new ConcurrentHashMap<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger dropOnAccept = new AtomicInteger();
    private final AtomicLong eventSequence = new AtomicLong(1000);
    private volatile String password;
    private volatile boolean rudeRejection;
    private volatile BackgroundJobTiming backgroundJobTiming = BackgroundJobTiming.AFTER_REPLY;
    private volatile Supplier<String> jobUuids = () -> UUID.randomUUID().toString();
    private volatile boolean closed;

    private InboundFreeSwitch(String password) throws IOException {
        this.password = Objects.requireNonNull(password, "password");
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        onApi("status", CAPTURED_STATUS);
        onApi("version", CAPTURED_VERSION);
        onApi("echo", ApiHandler.ApiCall::argument);
        threads.execute(this::acceptLoop);
    }

    /** Listening on 127.0.0.1 and an ephemeral port, with this event socket password. */
    public static InboundFreeSwitch start(String password) {
        try {
            return new InboundFreeSwitch(password);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the simulated FreeSWITCH", e);
        }
    }

    public String host() {
        return server.getInetAddress().getHostAddress();
    }

    public int port() {
        return server.getLocalPort();
    }

    // ---- scripting ----

    /** The answer to {@code api <name> ...} and {@code bgapi <name> ...}, whatever the arguments. */
    public InboundFreeSwitch onApi(String name, String answer) {
        return onApi(name, call -> answer);
    }

    public InboundFreeSwitch onApi(String name, ApiHandler handler) {
        handlers.put(name, Objects.requireNonNull(handler, "handler"));
        return this;
    }

    /** The answer to exactly this command text (such as {@code show modules}), ahead of any handler by name. */
    public InboundFreeSwitch onApiCommand(String command, String answer) {
        exactAnswers.put(command, answer);
        return this;
    }

    /** {@code api <name>} is never answered: the connection is stuck on it until dropped, as FreeSWITCH would be. */
    public InboundFreeSwitch holdApi(String name) {
        return onApi(name, call -> {
            call.connection().awaitClosed();
            return null;
        });
    }

    /** {@code api <name>} is answered after {@code delay}, holding up the commands behind it, as FreeSWITCH does. */
    public InboundFreeSwitch delayApi(String name, Duration delay, String answer) {
        return onApi(name, call -> {
            Thread.sleep(delay);
            return answer;
        });
    }

    public InboundFreeSwitch backgroundJobTiming(BackgroundJobTiming timing) {
        this.backgroundJobTiming = Objects.requireNonNull(timing, "timing");
        return this;
    }

    /** Job-UUIDs for bgapi commands that do not bring their own (replaying a capture needs the captured ones). */
    public InboundFreeSwitch jobUuids(Supplier<String> jobUuids) {
        this.jobUuids = Objects.requireNonNull(jobUuids, "jobUuids");
        return this;
    }

    public InboundFreeSwitch password(String password) {
        this.password = Objects.requireNonNull(password, "password");
        return this;
    }

    /** ACL mode: every new connection gets {@code text/rude-rejection}, a disconnect notice, and is closed. */
    public InboundFreeSwitch rudeRejection(boolean on) {
        this.rudeRejection = on;
        return this;
    }

    // ---- events and connections ----

    /**
     * Sends the event to every authenticated connection listening for it, each in its own format, the way
     * FreeSWITCH's event_handler fans an event out to all listeners. Event-Sequence is stamped, one number per event.
     */
    public void emit(EslEvent event) {
        EslEvent stamped = event.header("Event-Sequence").isPresent()
                ? CapturedEvents.with(event, "Event-Sequence", Long.toString(eventSequence.incrementAndGet()))
                : event;
        connections.forEach(connection -> connection.deliver(stamped));
    }

    /** Cuts every open connection now, with no disconnect notice. */
    public void dropConnections() {
        connections.forEach(SimulatedConnection::drop);
    }

    /** The next {@code count} connections are closed as soon as they are accepted, before {@code auth/request}. */
    public InboundFreeSwitch dropNextConnections(int count) {
        dropOnAccept.set(count);
        return this;
    }

    public List<SimulatedConnection> connections() {
        return List.copyOf(connections);
    }

    /** Connection {@code number} (1 for the first accepted), waiting for it to be accepted. */
    public SimulatedConnection awaitConnection(int number, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (accepted.get() < number || connections.size() < number) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the simulator accepted " + accepted.get() + " connection(s) within " + timeout
                        + ", not " + number);
            }
            sleepBriefly();
        }
        return connections.get(number - 1);
    }

    /** Every command received on every connection, in connection order. */
    public List<ReceivedCommand> commands() {
        return connections.stream().flatMap(c -> c.commands().stream()).toList();
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        dropConnections();
        threads.shutdownNow();
        try {
            threads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- used by the connections ----

    String password() {
        return password;
    }

    boolean isRudeRejection() {
        return rudeRejection;
    }

    BackgroundJobTiming backgroundJobTiming() {
        return backgroundJobTiming;
    }

    String nextJobUuid() {
        return jobUuids.get();
    }

    /** The output of an api, as {@code api_exec} makes it; null when the handler never answers. */
    String answer(ApiHandler.ApiCall call, String commandText) throws InterruptedException {
        String exact = exactAnswers.get(commandText);
        if (exact != null) {
            return exact;
        }
        ApiHandler handler = handlers.get(call.name());
        if (handler == null) {
            return "-ERR " + call.name() + " Command not found!\n";
        }
        try {
            return handler.answer(call);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return "-ERR " + e.getMessage() + "\n";
        }
    }

    /** After an api ran: its API event, to listeners of API (or ALL), as {@code switch_api_execute} fires it. */
    void apiExecuted(String name, String argument) {
        if (handlers.containsKey(name) || exactAnswers.keySet().stream().anyMatch(c -> c.startsWith(name))) {
            emit(CapturedEvents.with(CapturedEvents.api(), "API-Command", name, "API-Command-Argument",
                    argument.isEmpty() ? null : argument));
        }
    }

    /** A bgapi's job: the api runs, its API event fires, then BACKGROUND_JOB carries the output to every listener. */
    void runBackgroundJob(ApiHandler.ApiCall call, String commandText, String jobUuid) {
        String output;
        try {
            output = answer(call, commandText);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (output == null) {
            return;
        }
        apiExecuted(call.name(), call.argument());
        EslEvent job = CapturedEvents.with(CapturedEvents.backgroundJob(), "Job-UUID", jobUuid, "Job-Command",
                call.name(), "Job-Command-Arg", call.argument().isEmpty() ? null : call.argument());
        emit(CapturedEvents.withBody(job, output));
    }

    void runInBackground(Runnable job) {
        try {
            threads.execute(job);
        } catch (RejectedExecutionException closing) {
            // the simulator is shutting down
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
                socket.setTcpNoDelay(true);
            } catch (IOException e) {
                return;
            }
            try {
                SimulatedConnection connection = new SimulatedConnection(this, socket, connections.size() + 1);
                connections.add(connection);
                accepted.incrementAndGet();
                if (dropOnAccept.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                    connection.drop();
                } else {
                    threads.execute(connection::serve);
                }
            } catch (IOException | RejectedExecutionException e) {
                closeQuietly(socket);
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
