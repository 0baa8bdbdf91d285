package dev.ivrflow.esl.fssim.inbound;

import dev.ivrflow.esl.codec.EslContentType;
import dev.ivrflow.esl.codec.EslEvent;
import dev.ivrflow.esl.codec.EslFrame;
import dev.ivrflow.esl.codec.EslMessage;
import dev.ivrflow.esl.codec.EslParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator cannot drift from FreeSWITCH: each inbound capture's commands are replayed against it, scripted with
 * that capture's api outputs and Job-UUIDs, and every frame it answers with must be the captured one, byte for byte
 * (auth/request, command/reply texts, api/response framing, the bgapi reply's Job-UUID header, +OK bye, the
 * disconnect notice). The events it makes itself (BACKGROUND_JOB, and API for listeners of ALL) must have the
 * captured events' content type, header names in order, and nested body.
 */
class InboundFreeSwitchCaptureTest {
    private static final Set<String> SIMULATED_EVENTS = Set.of("BACKGROUND_JOB", "API");

    static List<String> captures() {
        return Captures.inbound();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void shouldAnswerTheCapturedCommandsWithTheCapturedFramesByteForByte(String capture) throws IOException {
        // given a simulator scripted with what FreeSWITCH answered in the capture
        List<Captures.Frame> captured = Captures.frames(capture);
        List<Captures.Frame> capturedReplies = captured.stream().filter(f -> !f.isEvent()).toList();
        List<Captures.Frame> capturedEvents = captured.stream().filter(Captures.Frame::isEvent)
                .filter(f -> SIMULATED_EVENTS.contains(f.event().name())).toList();
        List<byte[]> commands = Captures.commands(capture);
        assertThat(capturedReplies).as("auth/request, one answer per command, the disconnect notice")
                .hasSize(commands.size() + 2);

        try (InboundFreeSwitch fs = InboundFreeSwitch.start(InboundFreeSwitch.STOCK_PASSWORD);
             Socket socket = new Socket(fs.host(), fs.port())) {
            Script script = new Script(commands, capturedReplies, capturedEvents);
            script.applyTo(fs);
            socket.setSoTimeout(5000);
            Replay replay = new Replay(socket);

            // when the captured commands are sent one at a time, each after the answer to the one before
            replay.awaitReplies(1);
            for (int i = 0; i < commands.size(); i++) {
                socket.getOutputStream().write(commands.get(i));
                replay.awaitReplies(i + 2);
                script.jobEventAwaited(i).ifPresent(replay::awaitJobEvent);
            }
            replay.readToEnd();

            // then every non-event frame is the captured one
            List<Captures.Frame> frames = replay.frames();
            assertThat(frames.stream().filter(f -> !f.isEvent()).map(Captures.Frame::text).toList())
                    .containsExactlyElementsOf(capturedReplies.stream().map(Captures.Frame::text).toList());
            if (capturedEvents.isEmpty() && captured.stream().noneMatch(Captures.Frame::isEvent)) {
                assertThat(replay.bytes()).isEqualTo(Captures.fromFreeSwitch(capture));
            }

            // and the events it made look like FreeSWITCH's
            List<Captures.Frame> events = frames.stream().filter(Captures.Frame::isEvent).toList();
            assertThat(events).hasSameSizeAs(capturedEvents);
            for (int i = 0; i < events.size(); i++) {
                EslEvent ours = events.get(i).event();
                EslEvent theirs = capturedEvents.get(i).event();
                assertThat(events.get(i).message().contentType()).isEqualTo(capturedEvents.get(i).message().contentType());
                assertThat(ours.headers().names()).as(ours.name()).isEqualTo(theirs.headers().names());
                assertThat(ours.body()).isEqualTo(theirs.body());
                for (String key : List.of("Job-UUID", "Job-Command", "Job-Command-Arg", "API-Command",
                        "API-Command-Argument")) {
                    assertThat(ours.header(key)).as(key).isEqualTo(theirs.header(key));
                }
            }
        }
    }

    /** The api outputs and Job-UUIDs of a capture, handed to the simulator in the order the capture used them. */
    private static final class Script {
        private final Map<String, Queue<String>> apiOutputs = new HashMap<>();
        private final Map<String, Queue<String>> jobOutputs = new HashMap<>();
        private final Queue<String> jobUuids = new ArrayDeque<>();
        private final Map<Integer, String> jobEventAwaited = new HashMap<>();

        Script(List<byte[]> commands, List<Captures.Frame> replies, List<Captures.Frame> events) {
            for (int i = 0; i < commands.size(); i++) {
                int command = i;
                String line = new String(commands.get(i), StandardCharsets.UTF_8).split("\n", 2)[0];
                EslMessage reply = replies.get(i + 1).message();
                if (line.startsWith("api ")) {
                    apiOutputs.computeIfAbsent(line.substring(4), k -> new ArrayDeque<>()).add(reply.body().orElse(""));
                } else if (line.startsWith("bgapi ")) {
                    String jobUuid = reply.jobUuid().orElseThrow();
                    jobUuids.add(jobUuid);
                    String output = events.stream().map(Captures.Frame::event)
                            .filter(e -> e.name().equals("BACKGROUND_JOB") && e.jobUuid().orElse("").equals(jobUuid))
                            .findFirst()
                            .map(e -> {
                                jobEventAwaited.put(command, jobUuid);
                                return e.body().orElse("");
                            })
                            .orElse("+OK\n");
                    jobOutputs.computeIfAbsent(line.substring(6), k -> new ArrayDeque<>()).add(output);
                }
            }
        }

        void applyTo(InboundFreeSwitch fs) {
            fs.jobUuids(jobUuids::poll);
            List<String> names = new ArrayList<>();
            apiOutputs.keySet().forEach(c -> names.add(c.split(" ", 2)[0]));
            jobOutputs.keySet().forEach(c -> names.add(c.split(" ", 2)[0]));
            names.forEach(name -> fs.onApi(name, call -> {
                String command = call.argument().isEmpty() ? call.name() : call.name() + " " + call.argument();
                return (call.background() ? jobOutputs : apiOutputs).get(command).poll();
            }));
        }

        Optional<String> jobEventAwaited(int command) {
            return Optional.ofNullable(jobEventAwaited.get(command));
        }
    }

    /** A bare client: reads frames with the codec's parser and keeps every byte, to compare with the capture. */
    private static final class Replay {
        private final InputStream in;
        private final EslParser parser = new EslParser();
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private final List<EslMessage> messages = new ArrayList<>();

        Replay(Socket socket) throws IOException {
            this.in = socket.getInputStream();
        }

        void awaitReplies(int count) throws IOException {
            while (messages.stream().filter(m -> !m.contentType().isEvent()).count() < count) {
                readSome();
            }
        }

        void awaitJobEvent(String jobUuid) {
            try {
                while (messages.stream().filter(m -> m.is(EslContentType.EVENT_JSON) || m.is(EslContentType.EVENT_PLAIN))
                        .noneMatch(m -> new String(m.bodyBytes(), StandardCharsets.UTF_8).contains(jobUuid))) {
                    readSome();
                }
            } catch (IOException e) {
                throw new AssertionError("no BACKGROUND_JOB for " + jobUuid, e);
            }
        }

        void readToEnd() throws IOException {
            while (readSome()) {
                // until FreeSWITCH closes after the disconnect notice
            }
        }

        byte[] bytes() {
            return received.toByteArray();
        }

        List<Captures.Frame> frames() {
            byte[] all = bytes();
            List<Captures.Frame> frames = new ArrayList<>();
            int at = 0;
            for (EslFrame frame : new EslParser().feed(all)) {
                EslMessage message = (EslMessage) frame;
                frames.add(new Captures.Frame(message, Arrays.copyOfRange(all, at, at + (int) message.wireSize())));
                at += (int) message.wireSize();
            }
            return frames;
        }

        private boolean readSome() throws IOException {
            byte[] buffer = new byte[16384];
            int read = in.read(buffer);
            if (read < 0) {
                return false;
            }
            received.write(buffer, 0, read);
            for (EslFrame frame : parser.feed(buffer, 0, read)) {
                messages.add((EslMessage) frame);
            }
            return true;
        }
    }
}
