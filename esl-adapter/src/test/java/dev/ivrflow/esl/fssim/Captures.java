package dev.ivrflow.esl.fssim;

import dev.ivrflow.esl.codec.EslFrame;
import dev.ivrflow.esl.codec.EslMessage;
import dev.ivrflow.esl.codec.EslParser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real FreeSWITCH captures in {@code <repo>/../shared/esl-transcripts}, read as frames (what FreeSWITCH sent)
 * and commands (what the application sent). A missing folder fails the test loudly rather than skipping it.
 */
public final class Captures {
    private Captures() {
    }

    public static Path dir() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getProperty("esl.transcripts.dir");
        if (configured != null) {
            candidates.add(Path.of(configured));
        }
        candidates.add(Path.of("..", "..", "shared", "esl-transcripts"));
        candidates.add(Path.of("..", "shared", "esl-transcripts"));
        for (Path candidate : candidates) {
            if (Files.isDirectory(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new AssertionError("ESL transcripts not found; looked in " + candidates);
    }

    public static byte[] raw(String fileName) {
        try {
            return Files.readAllBytes(dir().resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every frame FreeSWITCH sent to the application in an outbound capture. */
    public static List<EslMessage> fromSwitch(String capture) {
        return messages(raw(capture + ".FS_to_APP.raw"));
    }

    /** Every command the application sent in an outbound capture. */
    public static List<FsCommand> toSwitch(String capture) {
        return commands(raw(capture + ".APP_to_FS.raw"));
    }

    public static List<EslMessage> messages(byte[] bytes) {
        List<EslMessage> out = new ArrayList<>();
        EslParser parser = new EslParser();
        for (EslFrame f : parser.feed(bytes)) {
            if (!(f instanceof EslMessage m)) {
                throw new AssertionError("malformed frame in a capture: " + f);
            }
            out.add(m);
        }
        return out;
    }

    public static List<FsCommand> commands(byte[] bytes) {
        List<FsCommand> out = new ArrayList<>();
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        try {
            FsCommand c;
            while ((c = FsCommand.read(in)) != null) {
                out.add(c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
