package dev.ivrflow.app.journal;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.ivrflow.app.config.IvrProperties;
import dev.ivrflow.flow.port.JournalSink;
import dev.ivrflow.flow.runtime.CompiledFlow;
import dev.ivrflow.flow.runtime.JournalEvent;
import dev.ivrflow.flow.sim.SimCall;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away in the middle of calls, for real: the embedded server on a fixed port is shut down while
 * calls are waiting in the menu, the calls go on (the sink never blocks), new calls come and go, then the server
 * starts again on the same port with the same file. Every event of every call is then stored exactly once, in
 * order.
 */
class JournalOutageTest {
    private static final Duration THINK = Duration.ofSeconds(3);

    @TempDir
    Path dir;

    private TestMongo mongo;
    private MongoClient client;
    private MongoDatabase db;
    private final SimulatedCalls sims = new SimulatedCalls();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void database() {
        mongo = new TestMongo(dir.resolve("ivrflow.mv.db")).start();
        client = mongo.client();
        db = client.getDatabase("ivrflow");
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : toClose.reversed()) c.close();
        client.close();
        mongo.close();
    }

    private JournalWriter writer(int queueCapacity) {
        var settings = new IvrProperties.Journal(queueCapacity, 200, Duration.ofMillis(50), Duration.ofSeconds(1),
                Duration.ofMillis(500), null, null);
        JournalWriter w = new JournalWriter(db, dir.resolve("journal-spool"), settings).start();
        toClose.add(w);
        return w;
    }

    /** Times every write: the sink must not block while the database is away. */
    private static final class TimedSink implements JournalSink {
        final JournalSink inner;
        final AtomicLong count = new AtomicLong();
        final List<Long> nanos = java.util.Collections.synchronizedList(new ArrayList<>());

        TimedSink(JournalSink inner) {
            this.inner = inner;
        }

        @Override
        public void write(JournalEvent event) {
            long t = System.nanoTime();
            inner.write(event);
            nanos.add(System.nanoTime() - t);
            count.incrementAndGet();
        }

        /** The latency of writes from the n-th on, in milliseconds, at a quantile. */
        double ms(int from, double quantile) {
            List<Long> sorted;
            synchronized (nanos) {
                sorted = new ArrayList<>(nanos.subList(from, nanos.size()));
            }
            java.util.Collections.sort(sorted);
            return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size()))) / 1e6;
        }
    }

    @Test
    void shouldKeepEveryEventOnceWhenTheDatabaseStopsMidCall() throws Exception {
        JournalWriter writer = writer(100_000);
        TimedSink sink = new TimedSink(writer);
        CompiledFlow flow = sims.flow("main-line", 1);
        Random random = new Random(42);
        List<SimulatedCalls.Call> calls = new ArrayList<>();

        // Given 300 calls in progress, waiting in the menu, their first events in the database
        for (int i = 0; i < 300; i++) {
            calls.add(sims.start(flow, UUID.randomUUID().toString(), SimulatedCalls.mainLineCaller(random, i), sink));
        }
        waitFor(() -> writer.backlog() == 0, Duration.ofSeconds(30));
        long beforeOutage = sink.count.get();
        assertThat(count(Filters.empty())).isEqualTo(beforeOutage);

        // When the database stops, and the calls go on, on 8 threads: those in progress finish, 300 more come and go
        mongo.stop();
        long outageStarted = System.nanoTime();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Future<SimulatedCalls.Call>> more = new ArrayList<>();
            for (int i = 0; i < calls.size(); i++) {
                SimulatedCalls.Call c = calls.get(i);
                Random r = new Random(i);
                more.add(threads.submit(() -> c.finish(r)));
            }
            for (int i = 300; i < 600; i++) {
                Random r = new Random(i);
                SimCall call = SimulatedCalls.mainLineCaller(r, i);
                more.add(threads.submit(() -> sims.start(flow, UUID.randomUUID().toString(), call, sink).finish(r)));
            }
            calls.clear();
            for (Future<SimulatedCalls.Call> f : more) calls.add(f.get());
        }
        long callsTookMs = (System.nanoTime() - outageStarted) / 1_000_000;
        waitFor(() -> writer.databaseDown() && writer.backlog() == writer.stats().spooledPending(), Duration.ofSeconds(30));
        long duringOutage = sink.count.get() - beforeOutage;
        long spooledBeforeRestart = writer.stats().spooledPending();

        // Then the calls all ended, and none waited on the journal
        assertThat(calls).allMatch(SimulatedCalls.Call::ended);
        assertThat(spooledBeforeRestart).as("what the calls wrote while the database was away is on disk")
                .isGreaterThanOrEqualTo(duringOutage);
        assertThat(Files.exists(dir.resolve("journal-spool/spool.jsonl"))).isTrue();

        // When the database is back on the same port with the same file
        mongo.start();
        long restarted = System.nanoTime();
        waitFor(() -> !writer.databaseDown(), Duration.ofSeconds(60));
        long reconnectMs = (System.nanoTime() - restarted) / 1_000_000;
        waitFor(() -> writer.backlog() == 0, Duration.ofSeconds(60));
        long drainMs = (System.nanoTime() - restarted) / 1_000_000;

        // Then every event is stored once, in order, and the spool is gone
        assertEveryEventStoredOnce(calls);
        assertThat(Files.list(dir.resolve("journal-spool")).filter(p -> p.toString().endsWith(".jsonl")).toList())
                .as("spool files left").isEmpty();
        JournalWriter.Stats s = writer.stats();
        System.out.printf("journal outage: %d calls, %d events (%d before the outage, %d during it); written directly %d,"
                        + " spooled %d, replayed %d, duplicates recognised %d, failures %d; calls ran %d ms during the"
                        + " outage; write() during the outage: median %.3f ms, 99th percentile %.3f ms, 99.9th %.3f ms,"
                        + " longest %.2f ms; the writer reached the restarted database after %d ms, and the spool was"
                        + " drained %d ms after the restart%n",
                calls.size(), sink.count.get(), beforeOutage, duringOutage, s.written(), s.spooled(), s.replayed(),
                s.duplicates(), s.failures(), callsTookMs, sink.ms((int) beforeOutage, 0.5),
                sink.ms((int) beforeOutage, 0.99), sink.ms((int) beforeOutage, 0.999), sink.ms((int) beforeOutage, 1.0),
                reconnectMs, drainMs);
        assertThat(s.replayed()).isGreaterThanOrEqualTo(duringOutage);
        assertThat(s.rejected()).isZero();
    }

    @Test
    void shouldSpoolStraightToDiskWhenTheQueueIsFull() throws Exception {
        // Given a tiny queue and no database
        mongo.stop();
        JournalWriter writer = writer(10);

        // When 200 calls run
        List<SimulatedCalls.Call> calls = callsThrough(writer, 200, 7);

        // Then events overflowed to the spool, and once the database is back all are stored once, in order
        assertThat(writer.stats().overflowed()).isPositive();
        mongo.start();
        waitFor(() -> writer.backlog() == 0, Duration.ofSeconds(60));
        assertEveryEventStoredOnce(calls);
    }

    @Test
    void shouldReplayTheSpoolOfAPreviousRunAtStart() throws Exception {
        // Given a writer that spooled calls while the database was away, then stopped (an application restart)
        mongo.stop();
        JournalWriter first = writer(100_000);
        List<SimulatedCalls.Call> calls = callsThrough(first, 100, 3);
        first.close();
        long events = calls.stream().mapToLong(c -> c.journal().size()).sum();
        assertThat(lines(dir.resolve("journal-spool/spool.jsonl"))).isEqualTo(events);

        // When the database is back and a new writer starts on the same spool
        mongo.start();
        JournalWriter second = writer(100_000);
        assertThat(second.backlog()).isEqualTo(events);
        waitFor(() -> second.backlog() == 0, Duration.ofSeconds(60));

        // Then the previous run's events are all stored once, in order, and the spool is gone
        assertEveryEventStoredOnce(calls);
        assertThat(second.stats().replayed()).isEqualTo(events);
        assertThat(dir.resolve("journal-spool/spool.jsonl")).doesNotExist();
        assertThat(dir.resolve("journal-spool/replaying.jsonl")).doesNotExist();
    }

    @Test
    void shouldRecogniseEventsReplayedTwiceAfterACrashMidReplay() throws Exception {
        // Given a spool being replayed when the application died: its first events are already in the database
        mongo.stop();
        JournalWriter first = writer(100_000);
        List<SimulatedCalls.Call> calls = callsThrough(first, 50, 5);
        first.close();
        Path spool = dir.resolve("journal-spool/spool.jsonl");
        List<String> lines = Files.readAllLines(spool);
        Files.move(spool, dir.resolve("journal-spool/replaying.jsonl"));
        mongo.start();
        List<Document> head = lines.subList(0, lines.size() / 2).stream().map(Document::parse).toList();
        Mono.from(db.getCollection("journal").insertMany(head)).block();

        // When the application starts again
        JournalWriter second = writer(100_000);
        waitFor(() -> second.backlog() == 0, Duration.ofSeconds(60));

        // Then the events already there are recognised, none is stored twice or lost
        assertEveryEventStoredOnce(calls);
        // (More when an insert timed out on a busy machine after the server had stored it: that batch comes again.)
        assertThat(second.stats().duplicates()).isGreaterThanOrEqualTo(head.size());
    }

    /** Whole main-line calls, one after the other, journaling to the sink. */
    private List<SimulatedCalls.Call> callsThrough(JournalSink sink, int count, long seed) {
        CompiledFlow flow = sims.flow("main-line", 1);
        Random random = new Random(seed);
        List<SimulatedCalls.Call> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(sims.start(flow, UUID.randomUUID().toString(), SimulatedCalls.mainLineCaller(random, i), sink)
                    .finish(random));
        }
        return calls;
    }

    // ---- checks ----

    private void assertEveryEventStoredOnce(List<SimulatedCalls.Call> calls) {
        long expected = calls.stream().mapToLong(c -> c.journal().size()).sum();
        assertThat(count(Filters.empty())).as("events stored").isEqualTo(expected);
        Map<String, List<Document>> byCall = new HashMap<>();
        Flux.from(db.getCollection("journal").find().sort(Sorts.ascending("callId", "seq"))).toIterable()
                .forEach(d -> byCall.computeIfAbsent(d.getString("callId"), k -> new ArrayList<>()).add(d));
        for (SimulatedCalls.Call c : calls) {
            List<JournalEvent> wrote = c.journal();
            List<Document> stored = byCall.getOrDefault(c.id(), List.of());
            assertThat(stored).as("events of call %s", c.id()).hasSameSizeAs(wrote);
            for (int i = 0; i < wrote.size(); i++) {
                Document d = stored.get(i);
                JournalEvent e = wrote.get(i);
                assertThat(d.get("seq", Number.class).longValue()).isEqualTo(i);
                assertThat(d.getString("kind")).isEqualTo(e.kind().name());
                assertThat(d.getString("nodeId")).isEqualTo(e.nodeId());
                assertThat(d.getString("exit")).isEqualTo(e.exit());
                assertThat(d.getDate("at").toInstant()).isEqualTo(e.at());
            }
            Document summary = Mono.from(db.getCollection("calls").find(Filters.eq("_id", c.id())).first()).block();
            assertThat(summary).as("summary of call %s", c.id()).isNotNull();
            assertThat(summary.getString("caller")).isEqualTo(wrote.getFirst().detail().get("callerNumber"));
            assertThat(summary.getDate("endedAt").toInstant()).isEqualTo(wrote.getLast().at());
            assertThat(summary.get("pathLength", Number.class).intValue()).isEqualTo(c.session().path().size());
        }
    }

    private long count(org.bson.conversions.Bson filter) {
        return Mono.from(db.getCollection("journal").countDocuments(filter)).block();
    }

    private static long lines(Path file) throws Exception {
        try (var s = Files.lines(file)) {
            return s.filter(l -> !l.isBlank()).count();
        }
    }

    static void waitFor(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("condition not met within " + timeout);
            Thread.sleep(20);
        }
    }
}
