package dev.ivrflow.app.journal;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The journal's disk spool, for while the database is unreachable: an append-only file of one JSON line per
 * event ({@code spool.jsonl}), forced to disk per batch. To replay, the writer moves it aside
 * ({@code replaying.jsonl}), reads it in order in chunks, and deletes it once every chunk is in the database;
 * meanwhile new events go to a fresh {@code spool.jsonl}. A restart replays {@code replaying.jsonl} from its start
 * (events already written are recognised by their ids), then {@code spool.jsonl}.
 *
 * <p>Appends may come from any thread (the writer's, or a call's when the in-memory queue is full); reading is
 * for the writer's thread only. A line that cannot be read back (torn by a crash in the middle of a write) is
 * moved to {@code rejected.jsonl}, never silently dropped.
 */
final class JournalSpool implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JournalSpool.class);

    private final Path dir;
    private final Path active;
    private final Path replaying;
    private final Path rejected;
    private final Object lock = new Object();
    private final AtomicLong pending = new AtomicLong();

    // Guarded by lock.
    private FileChannel out;
    private boolean dirty;

    // The writer's thread only.
    private BufferedReader reader;

    JournalSpool(Path dir) {
        this.dir = dir;
        this.active = dir.resolve("spool.jsonl");
        this.replaying = dir.resolve("replaying.jsonl");
        this.rejected = dir.resolve("rejected.jsonl");
        try {
            Files.createDirectories(dir);
            pending.set(lines(replaying) + lines(active));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the journal spool directory " + dir.toAbsolutePath(), e);
        }
        if (pending.get() > 0) log.info("journal spool {} holds {} events to replay", dir.toAbsolutePath(), pending.get());
    }

    Path directory() {
        return dir;
    }

    /** Events on disk not yet written to the database. */
    long pending() {
        return pending.get();
    }

    /** Appends events in order; with {@code sync}, they are on disk when this returns. */
    void append(List<Document> docs, boolean sync) throws IOException {
        if (docs.isEmpty()) return;
        StringBuilder sb = new StringBuilder(docs.size() * 256);
        for (Document d : docs) sb.append(JournalDocuments.toSpoolLine(d)).append('\n');
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(sb.toString());
        synchronized (lock) {
            FileChannel ch = open();
            while (bytes.hasRemaining()) ch.write(bytes);
            pending.addAndGet(docs.size());
            if (sync) {
                ch.force(false);
                dirty = false;
            } else {
                dirty = true;
            }
        }
    }

    /** Forces appends made without {@code sync} to disk. */
    void sync() throws IOException {
        synchronized (lock) {
            if (dirty && out != null) {
                out.force(false);
                dirty = false;
            }
        }
    }

    /**
     * The next events to replay, oldest first, at most {@code max}; empty when nothing is spooled. Call it again
     * only once the previous chunk is in the database (then {@link #replayed}): reaching the end of the file being
     * replayed deletes it.
     */
    List<Document> next(int max) throws IOException {
        List<Document> chunk = new ArrayList<>(Math.min(max, 1024));
        while (chunk.isEmpty()) {
            if (reader == null && !openReplay()) return chunk;
            String line;
            while (chunk.size() < max && (line = reader.readLine()) != null) {
                if (line.isBlank()) continue;
                try {
                    chunk.add(JournalDocuments.fromSpoolLine(line));
                } catch (RuntimeException e) {
                    reject(line, e);
                    pending.decrementAndGet();
                }
            }
            if (chunk.isEmpty()) finishReplay();
        }
        return chunk;
    }

    /** These many events from the last chunk are in the database. */
    void replayed(int count) {
        pending.addAndGet(-count);
    }

    /** Keeps a line or a document the database refuses for good, for a person to look at. */
    void reject(String line, Exception why) {
        log.error("journal: an event cannot be written and is kept in {}: {}", rejected.toAbsolutePath(), why.toString());
        synchronized (lock) {
            try {
                Files.writeString(rejected, line.endsWith("\n") ? line : line + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            } catch (IOException e) {
                log.error("journal: cannot write {}; the event was: {}", rejected.toAbsolutePath(), line, e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closeOut();
        }
        closeReader();
    }

    private boolean openReplay() throws IOException {
        if (!Files.exists(replaying)) {
            synchronized (lock) {
                if (!Files.exists(active) || Files.size(active) == 0) return false;
                closeOut();
                Files.move(active, replaying, StandardCopyOption.ATOMIC_MOVE);
            }
            fsyncDirectory();
        }
        reader = Files.newBufferedReader(replaying, StandardCharsets.UTF_8);
        return true;
    }

    private void finishReplay() throws IOException {
        closeReader();
        Files.deleteIfExists(replaying);
        fsyncDirectory();
    }

    /** Opens the active file for appending; a line torn by a crash is ended first so the next line stays whole. */
    private FileChannel open() throws IOException {
        if (out == null) {
            out = FileChannel.open(active, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            long size = out.size();
            if (size > 0) {
                ByteBuffer last = ByteBuffer.allocate(1);
                try (FileChannel r = FileChannel.open(active, StandardOpenOption.READ)) {
                    r.read(last, size - 1);
                }
                if (last.get(0) != '\n') out.write(ByteBuffer.wrap(new byte[]{'\n'}));
            }
        }
        return out;
    }

    private void closeOut() {
        if (out == null) return;
        try {
            out.force(false);
            out.close();
        } catch (IOException e) {
            log.warn("journal: closing the spool file: {}", e.toString());
        }
        out = null;
        dirty = false;
    }

    private void closeReader() {
        if (reader == null) return;
        try {
            reader.close();
        } catch (IOException ignored) {
            // read-only
        }
        reader = null;
    }

    /** Makes a rename or a delete durable (where the platform allows opening a directory). */
    private void fsyncDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Not every file system lets a directory be opened; the data itself is forced.
        }
    }

    private static long lines(Path file) throws IOException {
        if (!Files.exists(file)) return 0;
        try (var s = Files.lines(file, StandardCharsets.UTF_8)) {
            return s.filter(l -> !l.isBlank()).count();
        } catch (UncheckedIOException e) {
            // Not UTF-8 throughout (a torn write): count newlines instead.
            long n = 0;
            for (byte b : Files.readAllBytes(file)) if (b == '\n') n++;
            return n;
        }
    }
}
