package dev.ivrflow.app.flows;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import dev.ivrflow.app.storage.EmbeddedMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlowStoreTest {
    @TempDir
    Path dataDir;
    private EmbeddedMongo server;
    private MongoClient client;

    private FlowStore open() {
        server = new EmbeddedMongo(dataDir);
        client = MongoClients.create(server.connectionString());
        FlowStore store = new FlowStore(client.getDatabase("test"), Clock.systemUTC());
        store.createIndexes().block();
        return store;
    }

    private void close() {
        client.close();
        server.close();
    }

    @AfterEach
    void tearDown() {
        if (client != null) close();
        client = null;
    }

    @Test
    void shouldKeepDraftsAndVersionsAcrossARestart() {
        FlowStore store = open();
        store.create("main", "Main", "{\"a\":1}\n", "ann").block();
        store.publish("main", "Main", "{\"a\":1}\n", "first", "ann").block();
        close();
        client = null;

        FlowStore reopened = open();

        assertThat(reopened.draft("main").block().json()).isEqualTo("{\"a\":1}\n");
        assertThat(reopened.version("main", 1).block().comment()).isEqualTo("first");
    }

    @Test
    void shouldRefuseASaveMadeFromAnOlderRevision() {
        FlowStore store = open();
        Draft created = store.create("main", "Main", "v1", "ann").block();
        Draft saved = store.save("main", "Main", "v2", created.revision(), "bob").block();

        assertThat(saved.revision()).isEqualTo(2);
        assertThatThrownBy(() -> store.save("main", "Main", "v3", created.revision(), "carl").block())
                .isInstanceOfSatisfying(FlowStoreException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FlowStoreException.Reason.REVISION_CONFLICT);
                    assertThat(e.getMessage()).contains("revision 2, not 1");
                });
        assertThat(store.draft("main").block().json()).isEqualTo("v2");
    }

    @Test
    void shouldRefuseASecondFlowWithTheSameId() {
        FlowStore store = open();
        store.create("main", "Main", "v1", "ann").block();

        assertThatThrownBy(() -> store.create("main", "Other", "x", "bob").block())
                .isInstanceOfSatisfying(FlowStoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(FlowStoreException.Reason.ALREADY_EXISTS));
    }

    @Test
    void shouldNumberConcurrentPublishesWithoutGapsOrDuplicates() {
        FlowStore store = open();
        store.create("main", "Main", "v", "ann").block();

        List<Integer> numbers = Flux.range(0, 8)
                .flatMap(i -> store.publish("main", "Main", "v" + i, "publish " + i, "ann"), 8)
                .map(Version::version).collectList().block();

        assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(store.versions("main").map(Version::version).collectList().block())
                .containsExactly(8, 7, 6, 5, 4, 3, 2, 1);
    }

    @Test
    void shouldSayWhatIsMissing() {
        FlowStore store = open();

        assertThatThrownBy(() -> store.draft("nope").block()).hasMessage("no flow 'nope'");
        assertThatThrownBy(() -> store.version("nope", 3).block()).hasMessage("no version 3 of flow 'nope'");
        assertThatThrownBy(() -> store.delete("nope", "ann").block()).hasMessage("no flow 'nope'");
    }
}
