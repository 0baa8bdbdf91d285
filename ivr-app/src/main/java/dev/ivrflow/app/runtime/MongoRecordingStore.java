package dev.ivrflow.app.runtime;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.ivrflow.flow.port.RecordingStore;
import org.bson.Document;
import org.bson.types.ObjectId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Date;
import java.util.concurrent.CompletionStage;

/**
 * Recordings metadata in MongoDB, collection {@code recordings}: one document per recording a call made (call id,
 * flow, node, the file's path on the switch, its length, the caller, when), so no message is silently lost. The
 * answer is the document's id, which the {@code record} node stores in its variable. A database that does not
 * answer within {@value #TIMEOUT_SECONDS} s fails the save: the node takes its {@code error} exit, and the path is
 * already in the call's journal.
 */
public final class MongoRecordingStore implements RecordingStore {
    static final String COLLECTION = "recordings";
    static final int TIMEOUT_SECONDS = 10;

    private final MongoCollection<Document> recordings;

    public MongoRecordingStore(MongoDatabase db) {
        this.recordings = db.getCollection(COLLECTION);
    }

    public Mono<Void> createIndexes() {
        return Flux.concat(
                recordings.createIndex(Indexes.ascending("callId"), new IndexOptions().name("call")),
                recordings.createIndex(Indexes.compoundIndex(Indexes.ascending("flowId"), Indexes.descending("at")),
                        new IndexOptions().name("flow_at"))).then();
    }

    @Override
    public CompletionStage<String> save(Recording r) {
        ObjectId id = new ObjectId();
        Document doc = new Document("_id", id).append("callId", r.callId()).append("flowId", r.flowId())
                .append("nodeId", r.nodeId()).append("path", r.path()).append("lengthMs", r.lengthMillis())
                .append("caller", r.callerNumber()).append("at", r.at() == null ? null : Date.from(r.at()));
        return Mono.from(recordings.insertOne(doc)).timeout(Duration.ofSeconds(TIMEOUT_SECONDS))
                .thenReturn(id.toHexString()).toFuture();
    }

    /** The recordings of one call, oldest first. */
    public Flux<Recording> ofCall(String callId) {
        return Flux.from(recordings.find(new Document("callId", callId)).sort(new Document("at", 1)))
                .map(d -> new Recording(d.getString("callId"), d.getString("flowId"), d.getString("nodeId"),
                        d.getString("path"), d.get("lengthMs", Number.class).longValue(),
                        d.getDate("at") == null ? null : d.getDate("at").toInstant(), d.getString("caller")));
    }
}
