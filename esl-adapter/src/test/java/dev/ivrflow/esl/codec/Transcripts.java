package dev.ivrflow.esl.codec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real FreeSWITCH captures in {@code <repo>/../shared/esl-transcripts}. A missing folder fails the test that
 * asked for it, loudly: skipping would let the decoder go untested against real bytes without anyone noticing.
 */
final class Transcripts {
    private static final Pattern SUMMARY_LINE =
            Pattern.compile("^t=\\S+\\s+(\\S+) -> (\\S+)\\s+(\\d+)\\s+(\\S+) ?(.*)$");

    /** One message line of a {@code .summary}, with the indented lines under it ({@code +vars:}, {@code -vars:}). */
    record SummaryEntry(String from, String to, int size, String kind, String text, List<String> details) {
    }

    /** One direction of one capture, such as {@code 04_outbound_socket_async.FS_to_APP.raw}. */
    record TranscriptStream(Path raw, String capture, String from, String to) {
        byte[] bytes() {
            return read(raw);
        }

        List<SummaryEntry> summary() {
            return summaryOf(capture).stream().filter(e -> e.from().equals(from) && e.to().equals(to)).toList();
        }

        @Override
        public String toString() {
            return raw.getFileName().toString();
        }
    }

    private Transcripts() {
    }

    static Path dir() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getProperty("esl.transcripts.dir");
        if (configured != null) {
            candidates.add(Path.of(configured));
        }
        candidates.add(Path.of("..", "..", "shared", "esl-transcripts")); // run from esl-adapter/ (surefire)
        candidates.add(Path.of("..", "shared", "esl-transcripts"));       // run from the repository root
        for (Path candidate : candidates) {
            if (Files.isDirectory(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new AssertionError("ESL transcripts not found; looked in " + candidates.stream()
                .map(p -> p.toAbsolutePath().normalize().toString()).toList()
                + ". They live in shared/esl-transcripts beside the repository checkout.");
    }

    /** Every stream FreeSWITCH sent: {@code *.FS_to_CLIENT.raw}, {@code *.FS_to_APP.raw}, {@code *.FS_to_CTL.raw}. */
    static List<TranscriptStream> fromFreeSwitch() {
        return streams("FS_to_");
    }

    /** Every stream sent to FreeSWITCH: {@code *.APP_to_FS.raw}, {@code *.CTL_to_FS.raw}, {@code *.CLIENT_to_FS.raw}. */
    static List<TranscriptStream> toFreeSwitch() {
        return streams("_to_FS");
    }

    static TranscriptStream stream(String fileName) {
        return streams("").stream().filter(s -> s.raw().getFileName().toString().equals(fileName)).findFirst()
                .orElseThrow(() -> new AssertionError("no transcript " + fileName + " in " + dir()));
    }

    private static List<TranscriptStream> streams(String marker) {
        try (var files = Files.list(dir())) {
            List<TranscriptStream> streams = files
                    .filter(p -> p.getFileName().toString().endsWith(".raw"))
                    .filter(p -> p.getFileName().toString().contains(marker))
                    .sorted()
                    .map(Transcripts::toStream)
                    .toList();
            if (streams.isEmpty()) {
                throw new AssertionError("no *" + marker + "*.raw transcripts in " + dir());
            }
            return streams;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TranscriptStream toStream(Path raw) {
        String[] parts = raw.getFileName().toString().split("\\.");
        String[] direction = parts[1].split("_to_");
        return new TranscriptStream(raw, parts[0], direction[0], direction[1]);
    }

    static List<SummaryEntry> summaryOf(String capture) {
        List<SummaryEntry> entries = new ArrayList<>();
        for (String line : readLines(dir().resolve(capture + ".summary"))) {
            Matcher m = SUMMARY_LINE.matcher(line);
            if (m.matches()) {
                entries.add(new SummaryEntry(m.group(1), m.group(2), Integer.parseInt(m.group(3)), m.group(4),
                        m.group(5), new ArrayList<>()));
            } else if (line.startsWith(" ") && !entries.isEmpty()) {
                entries.getLast().details().add(line.strip());
            }
        }
        return entries;
    }

    static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> readLines(Path path) {
        try {
            return Files.readAllLines(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
