package dev.ivrflow.esl.fssim.inbound;

import dev.ivrflow.esl.codec.EslEvent;
import dev.ivrflow.esl.codec.EslHeaders;
import dev.ivrflow.esl.codec.EventFormat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One client connection to the simulated port 8021, served the way mod_event_socket's {@code listener_run} does:
 * {@code auth/request} first, then one command at a time, each answered exactly once, in order. Events go out
 * between commands, from whichever thread emits them.
 */
public final class SimulatedConnection {
    private static final Pattern EVENT_NAME = Pattern.compile("[A-Za-z_]+");

    private final InboundFreeSwitch fs;
    private final Socket socket;
    private final int number;
    private final OutputStream out;
    private final List<ReceivedCommand> commands = new ArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean authenticated;

    // the listener's event settings, guarded by "this"
    private EventFormat format = EventFormat.PLAIN;
    private boolean listening;
    private final Set<String> events = new LinkedHashSet<>();
    private final Set<String> subclasses = new LinkedHashSet<>();
    private final List<String[]> filters = new ArrayList<>();

    SimulatedConnection(InboundFreeSwitch fs, Socket socket, int number) throws IOException {
        this.fs = fs;
        this.socket = socket;
        this.number = number;
        this.out = socket.getOutputStream();
    }

    /** 1 for the first connection the simulator accepted, 2 for the next... */
    public int number() {
        return number;
    }

    public boolean isAuthenticated() {
        return authenticated;
    }

    public boolean isClosed() {
        return closed.getCount() == 0;
    }

    public synchronized List<ReceivedCommand> commands() {
        return List.copyOf(commands);
    }

    /** The command lines received, in order, {@code auth} included (the simulator's own password is no secret). */
    public List<String> commandLines() {
        return commands().stream().map(ReceivedCommand::line).toList();
    }

    public synchronized EventFormat format() {
        return format;
    }

    /** Event names this connection listens to, upper case, ALL included. */
    public synchronized Set<String> subscribedEvents() {
        return Set.copyOf(events);
    }

    public synchronized Set<String> subscribedSubclasses() {
        return Set.copyOf(subclasses);
    }

    /** Waits for a command matching {@code test}, received on this connection at any time. */
    public ReceivedCommand awaitCommand(Predicate<ReceivedCommand> test, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                Optional<ReceivedCommand> found = commands.stream().filter(test).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("connection " + number + " received no matching command within " + timeout
                            + "; it received " + commandLines());
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
    }

    public ReceivedCommand awaitCommandLine(String line, Duration timeout) {
        return awaitCommand(c -> c.line().equals(line), timeout);
    }

    /** Closes the socket at once, without a disconnect notice, the way a crash or a network cut looks. */
    public void drop() {
        try {
            socket.setSoLinger(true, 0); // RST, not a polite FIN after queued data
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
        closed.countDown();
    }

    public boolean awaitClosed(Duration timeout) throws InterruptedException {
        return closed.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /** Sends the event if this connection listens for it (name, CUSTOM subclass, filters), in its format. */
    void deliver(EslEvent event) {
        EventFormat chosen;
        synchronized (this) {
            if (!authenticated || !wants(event)) {
                return;
            }
            chosen = format;
        }
        write(EventWire.frame(event, chosen));
    }

    void serve() {
        try (socket) {
            if (fs.isRudeRejection()) {
                write(InboundFreeSwitch.RUDE_REJECTION);
                write(InboundFreeSwitch.DISCONNECT_NOTICE);
                return;
            }
            write(InboundFreeSwitch.AUTH_REQUEST);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (ReceivedCommand command; (command = read(in)) != null; ) {
                synchronized (this) {
                    commands.add(command);
                    notifyAll();
                }
                if (!handle(command)) {
                    write(InboundFreeSwitch.DISCONNECT_NOTICE);
                    return;
                }
            }
        } catch (IOException | InterruptedException gone) {
            // dropped by the test or by the client
        } finally {
            closed.countDown();
        }
    }

    /** False when the connection ends after this command. */
    private boolean handle(ReceivedCommand command) throws InterruptedException {
        String verb = command.verb().toLowerCase(Locale.ROOT);
        if (verb.equals("exit") || command.line().startsWith("...")) {
            reply("+OK bye");
            return false;
        }
        if (!authenticated) {
            if (!verb.equals("auth")) {
                reply("-ERR command not found");
                return true;
            }
            if (command.argument().equals(fs.password())) {
                authenticated = true;
                reply("+OK accepted");
                return true;
            }
            reply("-ERR invalid");
            return false;
        }
        switch (verb) {
            case "api" -> api(command.argument());
            case "bgapi" -> bgapi(command);
            case "event" -> event(command.argument());
            case "noevents" -> noEvents();
            case "filter" -> filter(command.argument());
            case "sendmsg" -> reply("+OK");
            default -> reply("-ERR command not found");
        }
        return true;
    }

    private void api(String commandText) throws InterruptedException {
        String[] parts = split(commandText);
        String answer = fs.answer(new ApiHandler.ApiCall(parts[0], parts[1], this, false), commandText);
        if (answer == null) {
            return;
        }
        if (answer.isEmpty()) {
            answer = "-ERR no reply\n";
        }
        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
        write(("Content-Type: api/response\nContent-Length: " + body.length + "\n\n").getBytes(StandardCharsets.UTF_8),
                body);
        fs.apiExecuted(parts[0], parts[1]);
    }

    private void bgapi(ReceivedCommand command) {
        String jobUuid = command.header("Job-UUID").orElseGet(fs::nextJobUuid);
        String[] parts = split(command.argument());
        Runnable job = () -> fs.runBackgroundJob(new ApiHandler.ApiCall(parts[0], parts[1], this, true),
                command.argument(), jobUuid);
        String reply = "Content-Type: command/reply\nReply-Text: +OK Job-UUID: " + jobUuid + "\nJob-UUID: " + jobUuid
                + "\n\n";
        switch (fs.backgroundJobTiming()) {
            case BEFORE_REPLY -> {
                job.run();
                write(reply.getBytes(StandardCharsets.UTF_8));
            }
            case AFTER_REPLY -> {
                write(reply.getBytes(StandardCharsets.UTF_8));
                fs.runInBackground(job);
            }
            case NEVER -> write(reply.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** {@code event <plain|json|xml> <names...> [CUSTOM <subclasses...>]}, additive, as mod_event_socket reads it. */
    private void event(String argument) {
        String[] words = argument.isEmpty() ? new String[0] : argument.split(" ");
        int keys = 0;
        String reply;
        synchronized (this) {
            boolean custom = false;
            for (int i = 0; i < words.length; i++) {
                String word = words[i];
                if (i == 0 && formatNamed(word).isPresent()) {
                    format = formatNamed(word).get();
                } else if (custom) {
                    subclasses.add(word);
                } else if (EVENT_NAME.matcher(word).matches()) {
                    keys++;
                    events.add(word.toUpperCase(Locale.ROOT));
                    custom = word.equalsIgnoreCase("CUSTOM");
                }
            }
            if (keys > 0) {
                listening = true;
            }
            reply = keys == 0 ? "-ERR no keywords supplied" : "+OK event listener enabled " + format.wire();
        }
        reply(reply);
    }

    private void noEvents() {
        boolean was;
        synchronized (this) {
            was = listening;
            listening = false;
            events.clear();
            subclasses.clear();
        }
        reply(was ? "+OK no longer listening for events" : "-ERR not listening for events");
    }

    private void filter(String argument) {
        String[] parts = split(argument);
        String reply;
        synchronized (this) {
            if (parts[0].equalsIgnoreCase("delete") && !parts[1].isEmpty()) {
                String[] target = split(parts[1]);
                if (target[0].equalsIgnoreCase("all")) {
                    filters.clear();
                } else {
                    filters.removeIf(f -> f[0].equalsIgnoreCase(target[0])
                            && (target[1].isEmpty() || f[1].equals(target[1])));
                }
                reply = "+OK filter deleted. [" + target[0] + "][" + target[1] + "]";
            } else if (!parts[1].isEmpty()) {
                filters.add(parts);
                reply = "+OK filter added. [" + parts[0] + "]=[" + parts[1] + "]";
            } else {
                reply = "-ERR invalid syntax";
            }
        }
        reply(reply);
    }

    private boolean wants(EslEvent event) {
        if (!listening || format == EventFormat.XML) {
            return false;
        }
        boolean send = events.contains("ALL") || events.contains(event.name().toUpperCase(Locale.ROOT))
                && (!event.name().equals("CUSTOM") || event.subclass().map(subclasses::contains).orElse(true));
        if (send && !filters.isEmpty()) {
            send = filters.stream().anyMatch(f -> event.header(f[0]).map(v -> v.equalsIgnoreCase(f[1])).orElse(false));
        }
        return send;
    }

    private void reply(String text) {
        write(("Content-Type: command/reply\nReply-Text: " + text + "\n\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Each frame goes out whole, so frames from the command thread and from emitters never interleave. */
    synchronized void write(byte[]... parts) {
        try {
            for (byte[] part : parts) {
                out.write(part);
            }
            out.flush();
        } catch (IOException gone) {
            closed.countDown();
        }
    }

    private static Optional<EventFormat> formatNamed(String word) {
        for (EventFormat f : EventFormat.values()) {
            if (f.wire().equalsIgnoreCase(word)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The first word, and the rest ("" when none). */
    private static String[] split(String text) {
        int space = text.indexOf(' ');
        return space < 0 ? new String[] {text, ""} : new String[] {text.substring(0, space), text.substring(space + 1)};
    }

    /**
     * Reads one command as {@code read_packet} does: stray newlines before it are skipped, CRs dropped, the block
     * ends at a blank line, and a {@code content-length} header brings exactly that many body bytes.
     */
    private ReceivedCommand read(InputStream in) throws IOException {
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            if (b == '\r' || (b == '\n' && block.size() == 0)) {
                continue;
            }
            if (b == '\n' && previous == '\n') {
                break;
            }
            block.write(b);
            previous = b;
        }
        String[] lines = block.toString(StandardCharsets.UTF_8).split("\n");
        EslHeaders.Builder headers = EslHeaders.builder();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(lines[i].substring(0, colon), lines[i].substring(colon + 1).stripLeading());
            }
        }
        String body = null;
        Optional<String> length = headers.get("content-length");
        if (length.isPresent()) {
            byte[] bytes = in.readNBytes(Integer.parseInt(length.get().strip()));
            body = new String(bytes, StandardCharsets.UTF_8);
        }
        return new ReceivedCommand(number, lines[0], headers.build(), body);
    }
}
