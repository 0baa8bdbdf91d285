package dev.ivrflow.esl.fssim;

import dev.ivrflow.esl.codec.EslContentType;
import dev.ivrflow.esl.codec.EslEventReader;
import dev.ivrflow.esl.codec.EslEventResult;
import dev.ivrflow.esl.codec.EslFrame;
import dev.ivrflow.esl.codec.EslMessage;
import dev.ivrflow.esl.codec.EslParser;
import dev.ivrflow.flow.sim.SimCall;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Plays the application side of a capture against the simulator: the captured commands, byte for byte, each sent
 * once the switch has answered the previous one (its reply; for an execute, its completion or the call's end),
 * as the capturing application did. Returns every frame the simulator sent, with the exact bytes of each.
 */
final class CaptureReplay {
    private static final Duration QUIET = Duration.ofMillis(60);

    /** One frame from the simulator: the parsed message and the bytes it took on the wire. */
    record Frame(EslMessage message, byte[] bytes) {
    }

    private final Deque<Frame> pending = new ArrayDeque<>();
    private final List<Frame> all = new ArrayList<>();
    private final EslParser parser = new EslParser();
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();
    private InputStream in;
    private boolean closed;

    /** {@code advanceAfter} moves the simulator's clock after the command at that index (a sched_hangup's wait). */
    static List<Frame> replay(String capture, SimCall call, FsScript script, Map<Integer, Duration> advanceAfter)
            throws IOException, InterruptedException {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             FreeSwitchSimulator fs = new FreeSwitchSimulator(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                     server.getLocalPort()))) {
            server.setSoTimeout(5_000);
            VirtualClock clock = new VirtualClock(call.at());
            fs.call(call, script, clock);
            try (Socket socket = server.accept()) {
                socket.setSoTimeout((int) QUIET.toMillis());
                CaptureReplay replay = new CaptureReplay();
                replay.in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                List<FsCommand> commands = Captures.toSwitch(capture);
                for (int i = 0; i < commands.size() && !replay.closed; i++) {
                    FsCommand command = commands.get(i);
                    out.write(command.raw());
                    out.flush();
                    replay.awaitAnswer(command);
                    Duration advance = advanceAfter.get(i);
                    if (advance != null) {
                        clock.advance(advance);
                    }
                    replay.drainUntilQuiet();
                }
                return replay.all;
            }
        }
    }

    private void awaitAnswer(FsCommand command) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        boolean replied = false;
        String eventUuid = command.header("Event-UUID");
        boolean execute = "sendmsg".equals(command.verb()) && "execute".equals(command.header("call-command"));
        while (System.nanoTime() < deadline && !closed) {
            Frame f = next();
            if (f == null) {
                continue;
            }
            EslMessage m = f.message();
            if (m.is(EslContentType.COMMAND_REPLY) || m.is(EslContentType.API_RESPONSE)) {
                replied = true;
                if (!execute || eventUuid == null) {
                    return;
                }
            } else if (m.is(EslContentType.DISCONNECT_NOTICE) && replied) {
                return;
            } else if (replied && execute && m.contentType().isEvent()
                    && EslEventReader.read(m) instanceof EslEventResult.Decoded d
                    && d.event().name().equals("CHANNEL_EXECUTE_COMPLETE")
                    && d.event().applicationUuid().filter(eventUuid::equals).isPresent()) {
                return;
            }
        }
    }

    private void drainUntilQuiet() throws IOException {
        while (!closed) {
            if (next() == null) {
                return;
            }
        }
    }

    /** The next frame, or null after a quiet period (or at the end of the stream). */
    private Frame next() throws IOException {
        if (!pending.isEmpty()) {
            return pending.poll();
        }
        byte[] buffer = new byte[8192];
        while (pending.isEmpty()) {
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                return null;
            }
            if (n < 0) {
                closed = true;
                return null;
            }
            for (int i = 0; i < n; i++) {
                current.write(buffer[i]);
                for (EslFrame frame : parser.feed(buffer, i, 1)) {
                    if (!(frame instanceof EslMessage message)) {
                        throw new AssertionError("the simulator sent a malformed frame: " + frame);
                    }
                    Frame f = new Frame(message, current.toByteArray());
                    current.reset();
                    pending.add(f);
                    all.add(f);
                }
            }
        }
        return pending.poll();
    }
}
