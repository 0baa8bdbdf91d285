package dev.ivrflow.app.journal;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The journal's side of MongoDB: the {@code journal} collection (one document per event) and the {@code calls}
 * collection (one summary per call, for search: who called which number, which flow, when, how it ended). Every
 * write here is idempotent, so a batch may be written again after a timeout or a crash: events by their ids, and
 * summaries by {@code $set} of fields that only ever take one value per call.
 *
 * <p>Blocking calls, for the writer's own thread.
 */
final class JournalStore {
    private static final Logger log = LoggerFactory.getLogger(JournalStore.class);
    private static final int DUPLICATE_KEY = 11000;
    private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);

    private final MongoCollection<Document> journal;
    private final MongoCollection<Document> calls;

    JournalStore(MongoDatabase db) {
        this.journal = db.getCollection(JournalDocuments.JOURNAL);
        this.calls = db.getCollection(JournalDocuments.CALLS);
    }

    /**
     * The indexes the journey, search and statistics queries use. Idempotent. (The embedded server accepts
     * non-unique indexes but ignores them: there every query scans; a real MongoDB uses them.)
     */
    void createIndexes(Duration timeout) {
        Flux.concat(
                journal.createIndex(Indexes.ascending("callId", "seq"), new IndexOptions().name("call_seq")),
                journal.createIndex(Indexes.ascending("flowId", "flowVersion", "at", "seq"),
                        new IndexOptions().name("flow_version_at")),
                journal.createIndex(Indexes.ascending("at"), new IndexOptions().name("at")),
                journal.createIndex(Indexes.ascending("kind", "at"), new IndexOptions().name("kind_at")),
                calls.createIndex(Indexes.compoundIndex(Indexes.ascending("caller"), Indexes.descending("startedAt")),
                        new IndexOptions().name("caller_started")),
                calls.createIndex(Indexes.compoundIndex(Indexes.ascending("called"), Indexes.descending("startedAt")),
                        new IndexOptions().name("called_started")),
                calls.createIndex(Indexes.compoundIndex(Indexes.ascending("flowId", "flowVersion"),
                        Indexes.descending("startedAt")), new IndexOptions().name("flow_started")),
                calls.createIndex(Indexes.descending("startedAt"), new IndexOptions().name("started")))
                .then().timeout(timeout).block();
    }

    /**
     * Writes events (unordered), then the summaries of the calls they start or end. An event already stored
     * counts as written. Throws when the database cannot be reached or does not answer in time: the caller keeps
     * the batch and writes it again later.
     *
     * @return how many were already stored, and the documents the database refused for themselves, with why
     */
    Outcome write(List<Document> events, Duration timeout) {
        Map<Document, String> refused = new IdentityHashMap<>();
        int duplicates = 0;
        try {
            Mono.from(journal.insertMany(events, UNORDERED)).timeout(timeout).block();
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null) throw e;
            for (BulkWriteError err : e.getWriteErrors()) {
                if (err.getCode() == DUPLICATE_KEY) {
                    duplicates++;
                } else if (err.getIndex() >= 0 && err.getIndex() < events.size()) {
                    refused.put(events.get(err.getIndex()), err.getCode() + ": " + err.getMessage());
                }
            }
        }
        List<WriteModel<Document>> summaries = summaries(events, refused.keySet());
        if (!summaries.isEmpty()) {
            try {
                Mono.from(calls.bulkWrite(summaries, new BulkWriteOptions().ordered(false))).timeout(timeout).block();
            } catch (MongoBulkWriteException e) {
                // The events are stored; a summary the database refuses must not hold them back (only search misses it).
                if (e.getWriteConcernError() != null) throw e;
                e.getWriteErrors().forEach(err -> log.error("journal: a call summary was refused: {}", err.getMessage()));
            }
        }
        return new Outcome(duplicates, refused);
    }

    /** What a write did besides storing: events found already stored, and events refused (with why). */
    record Outcome(int duplicates, Map<Document, String> refused) {
    }

    /**
     * Summary updates from the events that start and end calls, one per call (two upserts of one id in one
     * unordered bulk could race); each field is one that a single event decides.
     */
    static List<WriteModel<Document>> summaries(List<Document> events, Set<Document> skip) {
        Map<String, Document> byCall = new LinkedHashMap<>();
        for (Document e : events) {
            String kind = e.getString("kind");
            boolean started = "CALL_STARTED".equals(kind);
            if (skip.contains(e) || !(started || "CALL_ENDED".equals(kind))) continue;
            Document detail = e.get("detail", Document.class);
            if (detail == null) detail = new Document();
            Document set = byCall.computeIfAbsent(e.getString("callId"), id -> new Document("callId", id));
            if (started) {
                set.append("flowId", e.getString("flowId"))
                        .append("flowVersion", e.get("flowVersion"))
                        .append("caller", text(detail.get("callerNumber")))
                        .append("called", text(detail.get("calledNumber")))
                        .append("startedAt", e.get("at"));
            } else {
                set.append("endedAt", e.get("at"))
                        .append("endReason", text(detail.get("reason")))
                        .append("lastFlowId", e.getString("flowId"))
                        .append("lastNodeId", e.getString("nodeId"))
                        .append("steps", detail.get("steps"))
                        .append("pathLength", e.get("pathLength"));
            }
        }
        List<WriteModel<Document>> out = new ArrayList<>(byCall.size());
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        byCall.forEach((callId, set) ->
                out.add(new UpdateOneModel<>(Filters.eq("_id", callId), new Document("$set", set), upsert)));
        return out;
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }
}
