package dev.ivrflow.benchmarks.esl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * The real FreeSWITCH 1.10.12 captures in {@code <repo>/../shared/esl-transcripts}, as decoder input: what the switch
 * sent, concatenated (every capture ends between two frames, so the concatenation is one valid stream).
 *
 * <ul>
 *   <li>{@code outbound}: every {@code *.FS_to_APP.raw}, what the runtime's outbound server reads: the connect reply
 *       (the channel data as one long header block), command replies, api responses, {@code text/event-json} events
 *       (the runtime subscribes with {@code myevents json}) and disconnect notices;</li>
 *   <li>{@code plain}: capture 03 ({@code event plain ALL} on an inbound connection): {@code text/event-plain}
 *       events, whose body is a second, percent-encoded header block;</li>
 *   <li>{@code all}: every {@code *FS_to_*.raw} (outbound, inbound and control connections).</li>
 * </ul>
 */
public final class CapturedStreams {
    public static final List<String> CORPORA = List.of("outbound", "plain", "all");

    private CapturedStreams() {
    }

    /** The folder: {@code -Desl.transcripts.dir}, else {@code shared/esl-transcripts} beside the repository. */
    public static Path dir() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getProperty("esl.transcripts.dir");
        if (configured != null) {
            candidates.add(Path.of(configured));
        }
        candidates.add(Path.of("..", "shared", "esl-transcripts"));       // run from the repository root
        candidates.add(Path.of("..", "..", "shared", "esl-transcripts")); // run from benchmarks/ (surefire)
        for (Path candidate : candidates) {
            if (Files.isDirectory(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("ESL captures not found; looked in " + candidates.stream()
                .map(p -> p.toAbsolutePath().normalize().toString()).toList()
                + " (set -Desl.transcripts.dir=<folder>)");
    }

    /** The files of a corpus, sorted by name. */
    public static List<Path> files(String corpus) {
        Predicate<String> wanted = switch (corpus) {
            case "outbound" -> name -> name.endsWith(".FS_to_APP.raw");
            case "plain" -> name -> name.startsWith("03_") && name.contains(".FS_to_");
            case "all" -> name -> name.contains("FS_to_") && name.endsWith(".raw");
            default -> throw new IllegalArgumentException("unknown corpus " + corpus + "; one of " + CORPORA);
        };
        try (var list = Files.list(dir())) {
            List<Path> files = list.filter(p -> wanted.test(p.getFileName().toString())).sorted().toList();
            if (files.isEmpty()) {
                throw new IllegalStateException("no capture of corpus " + corpus + " in " + dir());
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The corpus as one stream. */
    public static byte[] bytes(String corpus) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Path file : files(corpus)) {
            try {
                out.write(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out.toByteArray();
    }

    /** The stream cut into reads of {@code size} bytes (the last one shorter), as a socket would hand them over. */
    public static byte[][] chunks(byte[] stream, int size) {
        int count = (stream.length + size - 1) / size;
        byte[][] chunks = new byte[count][];
        for (int i = 0; i < count; i++) {
            chunks[i] = Arrays.copyOfRange(stream, i * size, Math.min(stream.length, (i + 1) * size));
        }
        return chunks;
    }
}
