package dev.ivrflow.app.journal;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.ivrflow.app.config.IvrProperties;
import dev.ivrflow.flow.port.JournalSink;
import dev.ivrflow.flow.runtime.JournalEvent;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The call journal's writer, the runtime's {@link JournalSink}. {@link #write} never blocks on the database and
 * never throws: it numbers the event within its call, publishes it to the live feed ({@link #events}) and puts it
 * on a bounded in-memory queue; when the queue is full the event goes straight to the disk spool. One background
 * thread writes the queue to MongoDB in batches (up to {@code batch-size} events, at least every
 * {@code flush-interval}), unordered, each event keyed by {@code callId/seq}.
 *
 * <p>When a write fails or times out, its batch goes to the disk spool (forced to disk) and later batches follow
 * it there until the database answers again; retries back off from a quarter of a second to {@code retry-max}.
 * Once the database is back the spool is replayed in order, a chunk at a time between live batches, and removed.
 * A spool left by a previous run is replayed at start. Events that were written just before a failure was noticed
 * are written again, and recognised as duplicates: none is lost, none is stored twice.
 */
public final class JournalWriter implements JournalSink, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JournalWriter.class);
    private static final long FIRST_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final long ENDED_KEPT_NANOS = TimeUnit.MINUTES.toNanos(10);
    private static final long IDLE_KEPT_NANOS = TimeUnit.HOURS.toNanos(25);
    private static final long SWEEP_EVERY_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final int MAX_ATTEMPTS = 3;

    /** What the writer did so far (for tests, logs and the gauge). */
    public record Stats(long written, long duplicates, long spooled, long overflowed, long replayed, long rejected,
                        long failures, long queued, long spooledPending) {
    }

    private final JournalStore store;
    private final JournalSpool spool;
    private final IvrProperties.Journal settings;
    private final BlockingQueue<Document> queue;
    private final ConcurrentHashMap<String, CallCounter> calls = new ConcurrentHashMap<>();
    private final Sinks.Many<JournalEntry> live = Sinks.many().multicast().directBestEffort();
    private final Object liveLock = new Object();
    private final ReentrantReadWriteLock closing = new ReentrantReadWriteLock();
    private final AtomicLong inMemory = new AtomicLong();
    private final LongAdder written = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder spooled = new LongAdder();
    private final LongAdder overflowed = new LongAdder();
    private final LongAdder replayed = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final Thread thread;

    private volatile boolean running;
    private volatile boolean closed;

    // The writer's thread only.
    private long retryAtNanos;
    private long backoffNanos;
    private boolean down;
    private boolean indexesReady;
    private long lastSweepNanos = System.nanoTime();
    private long drainStartedNanos;
    private List<Document> replayChunk = List.of();
    private final Map<String, Integer> attempts = new HashMap<>();

    public JournalWriter(MongoDatabase db, Path spoolDir, IvrProperties.Journal settings) {
        this.store = new JournalStore(db);
        this.spool = new JournalSpool(spoolDir);
        this.settings = settings;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.thread = Thread.ofPlatform().name("journal-writer").daemon(true).unstarted(this::loop);
    }

    /** Starts the background writer: indexes first, then any spool a previous run left, then live batches. */
    public JournalWriter start() {
        running = true;
        thread.start();
        return this;
    }

    @Override
    public void write(JournalEvent event) {
        try {
            if (event == null || event.kind() == null) return;
            String callId = event.callId() == null || event.callId().isEmpty() ? "unknown" : event.callId();
            CallCounter counter = calls.computeIfAbsent(callId, id -> new CallCounter());
            long seq;
            Integer pathLength = null;
            synchronized (counter) {
                seq = counter.next++;
                if (event.kind() == JournalEvent.Kind.NODE_ENTERED) counter.nodes++;
                if (event.kind() == JournalEvent.Kind.CALL_ENDED) {
                    pathLength = counter.nodes;
                    counter.endedAt = System.nanoTime();
                }
                counter.touched = System.nanoTime();
            }
            Document doc = JournalDocuments.toDocument(event, callId, seq, pathLength);
            publish(JournalDocuments.toEntry(event, callId, seq));
            enqueue(doc);
        } catch (Throwable t) {
            // The call must go on whatever happens here.
            log.error("journal: could not take an event of call {}", event == null ? null : event.callId(), t);
        }
    }

    /** Every event as it is written, on the writing thread: for live views. Slow subscribers miss events. */
    public Flux<JournalEntry> events() {
        return live.asFlux();
    }

    /** Events not yet in the database: queued or being written, plus spooled on disk. */
    public long backlog() {
        return inMemory.get() + spool.pending();
    }

    public Stats stats() {
        return new Stats(written.sum(), duplicates.sum(), spooled.sum(), overflowed.sum(), replayed.sum(),
                rejected.sum(), failures.sum(), inMemory.get(), spool.pending());
    }

    /** Whether the last write failed and the writer is spooling until the database answers again. */
    public boolean databaseDown() {
        return down;
    }

    /**
     * Stops the writer: waits for the batch in progress, writes what is queued when the database answers, else
     * spools it (forced to disk). Events written after this go straight to the spool.
     */
    @Override
    public void close() {
        closing.writeLock().lock();
        try {
            if (closed) return;
            closed = true;
        } finally {
            closing.writeLock().unlock();
        }
        running = false;
        try {
            thread.join(settings.writeTimeout().multipliedBy(3).plus(settings.flushInterval()).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Document> rest = new ArrayList<>();
        queue.drainTo(rest);
        if (!rest.isEmpty()) {
            if (thread.isAlive() || down || !insert(rest)) spoolBatch(rest);
            inMemory.addAndGet(-rest.size());
        }
        try {
            spool.sync();
        } catch (IOException e) {
            log.error("journal: cannot force the spool to disk", e);
        }
        spool.close();
        if (backlog() > 0) log.info("journal: stopped with {} events spooled in {}", backlog(), spool.directory());
        synchronized (liveLock) {
            live.tryEmitComplete();
        }
    }

    // ---- taking events ----

    private void publish(JournalEntry entry) {
        synchronized (liveLock) {
            live.tryEmitNext(entry);
        }
    }

    private void enqueue(Document doc) throws IOException {
        closing.readLock().lock();
        try {
            if (!closed) {
                inMemory.incrementAndGet();
                if (queue.offer(doc)) return;
                inMemory.decrementAndGet();
                overflowed.increment();
            }
        } finally {
            closing.readLock().unlock();
        }
        // The queue is full (the database is slow or away) or the writer has stopped: straight to disk.
        spool.append(List.of(doc), closed);
        spooled.increment();
    }

    // ---- the writer's thread ----

    private void loop() {
        log.debug("journal writer started, spool in {}", spool.directory());
        while (running) {
            try {
                step();
            } catch (Throwable t) {
                log.error("journal writer: unexpected failure, going on", t);
                pause(Duration.ofMillis(100));
            }
        }
    }

    private void step() throws IOException, InterruptedException {
        boolean up = available();
        if (up && !indexesReady) ensureIndexes();
        up = available();
        if (up && spool.pending() > 0) replayOne();
        boolean more = available() && spool.pending() > 0;
        List<Document> batch = take(more ? 0 : settings.flushInterval().toNanos());
        if (!batch.isEmpty()) {
            try {
                if (!(available() && insert(batch))) spoolBatch(batch);
            } finally {
                inMemory.addAndGet(-batch.size());
            }
        }
        spool.sync();
        sweep();
    }

    private List<Document> take(long waitNanos) throws InterruptedException {
        List<Document> batch = new ArrayList<>();
        Document first = waitNanos <= 0 ? queue.poll() : queue.poll(waitNanos, TimeUnit.NANOSECONDS);
        if (first == null) return batch;
        batch.add(first);
        queue.drainTo(batch, settings.batchSize() - 1);
        return batch;
    }

    /** Writes a batch; false when the database is unreachable (the batch is then the caller's to keep). */
    private boolean insert(List<Document> batch) {
        try {
            JournalStore.Outcome outcome = store.write(batch, settings.writeTimeout());
            Map<Document, String> refused = outcome.refused();
            reachable();
            written.add(batch.size() - refused.size());
            duplicates.add(outcome.duplicates());
            forget(batch, refused);
            if (!refused.isEmpty()) retryOrReject(refused);
            return true;
        } catch (RuntimeException e) {
            unreachable(e);
            return false;
        }
    }

    private void replayOne() throws IOException {
        if (replayChunk.isEmpty()) {
            if (drainStartedNanos == 0) {
                drainStartedNanos = System.nanoTime();
                log.info("journal: replaying {} spooled events", spool.pending());
            }
            replayChunk = spool.next(settings.batchSize());
            if (replayChunk.isEmpty()) return;
        }
        List<Document> chunk = replayChunk;
        try {
            JournalStore.Outcome outcome = store.write(chunk, settings.writeTimeout());
            Map<Document, String> refused = outcome.refused();
            reachable();
            replayed.add(chunk.size() - refused.size());
            duplicates.add(outcome.duplicates());
            forget(chunk, refused);
            // Refused ones go back to the spool (a new line) until they have had their tries.
            if (!refused.isEmpty()) retryOrReject(refused);
            spool.replayed(chunk.size());
            // Past the last line, reading again closes and removes the replayed file.
            replayChunk = spool.pending() == 0 ? spool.next(settings.batchSize()) : List.of();
        } catch (RuntimeException e) {
            unreachable(e);
            return;
        }
        if (spool.pending() == 0 && queue.isEmpty()) {
            log.info("journal: spool replayed in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - drainStartedNanos));
            drainStartedNanos = 0;
        }
    }

    private void spoolBatch(List<Document> batch) {
        try {
            spool.append(batch, true);
            spooled.add(batch.size());
        } catch (IOException e) {
            // Nowhere to put them: keep them in memory (they are retried) rather than lose them.
            log.error("journal: cannot write the spool in {}; keeping {} events in memory", spool.directory(), batch.size(), e);
            for (Document d : batch) {
                if (!queue.offer(d)) {
                    log.error("journal: event lost, neither the database, the spool nor memory could take it: {}",
                            JournalDocuments.toSpoolLine(d));
                    continue;
                }
                inMemory.incrementAndGet();
            }
            pause(Duration.ofSeconds(1));
        }
    }

    private void retryOrReject(Map<Document, String> refused) {
        List<Document> again = new ArrayList<>();
        refused.forEach((doc, why) -> {
            String id = doc.getString("_id");
            int n = attempts.merge(id, 1, Integer::sum);
            if (n >= MAX_ATTEMPTS) {
                attempts.remove(id);
                rejected.increment();
                spool.reject(JournalDocuments.toSpoolLine(doc), new IllegalArgumentException("refused: " + why));
            } else {
                again.add(doc);
            }
        });
        spoolBatch(again);
    }

    private void forget(List<Document> batch, Map<Document, String> refused) {
        if (attempts.isEmpty()) return;
        for (Document d : batch) if (!refused.containsKey(d)) attempts.remove(d.getString("_id"));
    }

    private void ensureIndexes() {
        try {
            store.createIndexes(settings.writeTimeout());
            indexesReady = true;
            reachable();
        } catch (MongoCommandException e) {
            if (e instanceof MongoNotPrimaryException || e instanceof MongoNodeIsRecoveringException) {
                unreachable(e);
                return;
            }
            // The database answered, and said no (an index of that name with other keys?): write anyway, slower reads.
            log.error("journal: cannot create the journal's indexes; queries will scan: {}", e.getMessage());
            indexesReady = true;
            reachable();
        } catch (RuntimeException e) {
            unreachable(e);
        }
    }

    private boolean available() {
        return !down || System.nanoTime() - retryAtNanos >= 0;
    }

    private void reachable() {
        if (down) log.info("journal: the database answers again; {} events to replay", spool.pending());
        down = false;
        backoffNanos = 0;
    }

    private void unreachable(RuntimeException e) {
        failures.increment();
        Throwable cause = Exceptions.unwrap(e);
        if (!down) {
            log.warn("journal: the database is unreachable ({}); spooling to {}", cause.toString(), spool.directory());
        } else {
            log.debug("journal: still unreachable: {}", cause.toString());
        }
        down = true;
        backoffNanos = backoffNanos == 0 ? FIRST_BACKOFF_NANOS
                : Math.min(backoffNanos * 2, settings.retryMax().toNanos());
        retryAtNanos = System.nanoTime() + backoffNanos;
    }

    /** Forgets the counters of calls that ended a while ago (a late event still numbers on) or went silent. */
    private void sweep() {
        long now = System.nanoTime();
        if (now - lastSweepNanos < SWEEP_EVERY_NANOS) return;
        lastSweepNanos = now;
        calls.entrySet().removeIf(e -> {
            CallCounter c = e.getValue();
            synchronized (c) {
                return (c.endedAt != 0 && now - c.endedAt > ENDED_KEPT_NANOS) || now - c.touched > IDLE_KEPT_NANOS;
            }
        });
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A call's next sequence number and the nodes it entered; guarded by itself. */
    private static final class CallCounter {
        long next;
        int nodes;
        long touched;
        long endedAt;
    }
}
