package dev.ivrflow.esl.fssim.inbound;

import dev.ivrflow.esl.codec.EslEvent;
import dev.ivrflow.esl.codec.EslEventReader;
import dev.ivrflow.esl.codec.EslFrame;
import dev.ivrflow.esl.codec.EslMessage;
import dev.ivrflow.esl.codec.EslParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The inbound captures in {@code shared/esl-transcripts}: 01 to 03 (a client on port 8021) and every
 * {@code *_control} capture (the control connection of the outbound scenarios). A missing folder fails loudly.
 */
final class Captures {
    /** One frame FreeSWITCH sent, decoded and as its exact bytes. */
    record Frame(EslMessage message, byte[] bytes) {
        boolean isEvent() {
            return message.contentType().isEvent();
        }

        EslEvent event() {
            return EslEventReader.read(message).asOptional()
                    .orElseThrow(() -> new AssertionError("a captured event does not decode: " + message));
        }

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private Captures() {
    }

    static Path dir() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getProperty("esl.transcripts.dir");
        if (configured != null) {
            candidates.add(Path.of(configured));
        }
        candidates.add(Path.of("..", "..", "shared", "esl-transcripts"));
        candidates.add(Path.of("..", "shared", "esl-transcripts"));
        return candidates.stream().filter(Files::isDirectory).findFirst().map(p -> p.toAbsolutePath().normalize())
                .orElseThrow(() -> new AssertionError("ESL transcripts not found; looked in " + candidates));
    }

    /** The names of every inbound capture, such as {@code 01_inbound_auth_status_modules}. */
    static List<String> inbound() {
        try (Stream<Path> files = Files.list(dir())) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".CLIENT_to_FS.raw") || n.endsWith("_control.CTL_to_FS.raw"))
                    .map(n -> n.substring(0, n.indexOf('.')))
                    .sorted()
                    .toList();
            if (names.size() < 4) {
                throw new AssertionError("expected captures 01-03 and the control captures in " + dir() + ", found " + names);
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] fromFreeSwitch(String capture) {
        return read(capture + (capture.endsWith("_control") ? ".FS_to_CTL.raw" : ".FS_to_CLIENT.raw"));
    }

    static byte[] toFreeSwitch(String capture) {
        return read(capture + (capture.endsWith("_control") ? ".CTL_to_FS.raw" : ".CLIENT_to_FS.raw"));
    }

    /** What FreeSWITCH sent, frame by frame, each with its exact bytes. */
    static List<Frame> frames(String capture) {
        byte[] stream = fromFreeSwitch(capture);
        List<EslFrame> parsed = new EslParser().feed(stream);
        List<Frame> frames = new ArrayList<>();
        int at = 0;
        for (EslFrame frame : parsed) {
            EslMessage message = (EslMessage) frame;
            int size = (int) message.wireSize();
            frames.add(new Frame(message, Arrays.copyOfRange(stream, at, at + size)));
            at += size;
        }
        if (at != stream.length) {
            throw new AssertionError(capture + ": " + (stream.length - at) + " bytes left after the last frame");
        }
        return frames;
    }

    /** What the client sent, split into commands: the header block, then the body when it had content-length. */
    static List<byte[]> commands(String capture) {
        byte[] stream = toFreeSwitch(capture);
        List<byte[]> commands = new ArrayList<>();
        int at = 0;
        while (at < stream.length) {
            int end = indexOf(stream, at);
            String block = new String(stream, at, end - at, StandardCharsets.UTF_8);
            int length = 0;
            for (String line : block.split("\n")) {
                if (line.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).strip());
                }
            }
            int next = end + 2 + length;
            commands.add(Arrays.copyOfRange(stream, at, next));
            at = next;
        }
        return commands;
    }

    private static int indexOf(byte[] stream, int from) {
        for (int i = from; i + 1 < stream.length; i++) {
            if (stream[i] == '\n' && stream[i + 1] == '\n') {
                return i;
            }
        }
        throw new AssertionError("a command without its blank line at byte " + from);
    }

    private static byte[] read(String fileName) {
        try {
            return Files.readAllBytes(dir().resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
