package dev.ivrflow.app.runtime;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.ivrflow.app.flows.FlowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** How an instance learns of publishes made anywhere: polls with an overlap, and a full rebuild at start. */
class PublishWatcherTest {
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private MongoServer server;
    private MongoClient client;
    private FlowStore store;
    private PublishWatcher watcher;

    @BeforeEach
    void database() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        store = new FlowStore(db(), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        if (watcher != null) watcher.stop();
        client.close();
        server.shutdownNow();
    }

    private MongoDatabase db() {
        return client.getDatabase("watch");
    }

    private static void publish(FlowStore through, String id) {
        through.publish(id, id, "{}", "test", "test").block(TIMEOUT);
    }

    private PublishWatcher watcher(Duration overlap) {
        PublishWatcher w = new PublishWatcher(store, POLL, overlap, Duration.ofHours(1), Clock.systemUTC());
        w.start();
        return w;
    }

    private static Optional<Integer> await(PublishWatcher w, String id, int version, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Integer> v = w.known(id);
            if (v.isPresent() && v.get() >= version) return v;
            Thread.sleep(5);
        }
        return w.known(id);
    }

    @Test
    void shouldKnowWhatWasPublishedBeforeItStarted() {
        publish(store, "before");
        publish(store, "before");

        watcher = watcher(Duration.ofSeconds(5));

        assertThat(watcher.known("before")).contains(2);
        assertThat(watcher.lastSuccess()).isNotNull();
    }

    @Test
    void shouldSeeEachNewVersionAndTellItsListenersOnce() throws Exception {
        watcher = watcher(Duration.ofSeconds(5));
        List<String> heard = new CopyOnWriteArrayList<>();
        watcher.onNewVersion((id, v) -> heard.add(id + "@" + v));

        publish(store, "flow");
        assertThat(await(watcher, "flow", 1, TIMEOUT)).contains(1);
        publish(store, "flow");
        assertThat(await(watcher, "flow", 2, TIMEOUT)).contains(2);
        Thread.sleep(POLL.toMillis() * 4);

        assertThat(heard).containsExactly("flow@1", "flow@2");
    }

    @Test
    void shouldSeeAVersionStampedEarlierThanOneAlreadySeen() throws Exception {
        // Another instance whose clock is two seconds slow publishes after this one saw a newer stamp.
        FlowStore slowInstance = new FlowStore(db(), Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-2)));
        watcher = watcher(Duration.ofSeconds(5));
        publish(store, "stamped-now");
        assertThat(await(watcher, "stamped-now", 1, TIMEOUT)).contains(1);

        publish(slowInstance, "stamped-earlier");

        assertThat(await(watcher, "stamped-earlier", 1, Duration.ofSeconds(1))).contains(1);
    }

    @Test
    void shouldMissSuchAVersionWithoutTheOverlapUntilTheNextRebuild() throws Exception {
        FlowStore slowInstance = new FlowStore(db(), Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-2)));
        watcher = watcher(Duration.ZERO);
        publish(store, "stamped-now");
        assertThat(await(watcher, "stamped-now", 1, TIMEOUT)).contains(1);

        publish(slowInstance, "stamped-earlier");

        assertThat(await(watcher, "stamped-earlier", 1, Duration.ofSeconds(1))).as("why the overlap exists").isEmpty();
        assertThat(watcher.latest("stamped-earlier")).as("asked directly, the database knows").hasValue(1);
    }
}
