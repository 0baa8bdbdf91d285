package dev.ivrflow.app.calls;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.ivrflow.app.journal.JournalDocuments;
import dev.ivrflow.app.journal.JournalEntry;
import org.bson.Document;
import org.bson.conversions.Bson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** Reads the journal: a call's journey, call search over the summaries, and a flow version's events for statistics. */
final class CallQueries {
    /** The most events one journey answer holds (a call is stopped after 2,000 steps, each a few events). */
    static final int MAX_JOURNEY_EVENTS = 20_000;

    private final MongoCollection<Document> journal;
    private final MongoCollection<Document> calls;

    CallQueries(MongoDatabase db) {
        this.journal = db.getCollection(JournalDocuments.JOURNAL);
        this.calls = db.getCollection(JournalDocuments.CALLS);
    }

    /** The call's summary (when written) and its events in order; empty when the journal knows nothing of it. */
    Mono<Optional<Journey>> journey(String callId) {
        Mono<Optional<CallSummary>> summary = Mono.from(calls.find(Filters.eq("_id", callId)).first())
                .map(CallQueries::summary).map(Optional::of).defaultIfEmpty(Optional.empty());
        Mono<List<JournalEntry>> events = Flux.from(journal.find(Filters.eq("callId", callId))
                        .sort(Sorts.ascending("seq")).limit(MAX_JOURNEY_EVENTS + 1))
                .map(JournalDocuments::toEntry).collectList();
        return Mono.zip(summary, events).map(t -> t.getT1().isEmpty() && t.getT2().isEmpty() ? Optional.empty()
                : Optional.of(new Journey(t.getT1().orElse(null), t.getT2())));
    }

    record Journey(CallSummary summary, List<JournalEntry> events) {
    }

    /** Calls newest first, one more than asked for, so the caller knows whether there is a next page. */
    Mono<List<CallSummary>> search(CallSearch q) {
        List<Bson> where = new ArrayList<>();
        if (q.caller() != null) where.add(Filters.eq("caller", q.caller()));
        if (q.called() != null) where.add(Filters.eq("called", q.called()));
        if (q.flowId() != null) where.add(Filters.eq("flowId", q.flowId()));
        if (q.from() != null) where.add(Filters.gte("startedAt", Date.from(q.from())));
        if (q.to() != null) where.add(Filters.lt("startedAt", Date.from(q.to())));
        if (q.cursor() != null) {
            Date at = Date.from(q.cursor().startedAt());
            where.add(Filters.or(Filters.lt("startedAt", at),
                    Filters.and(Filters.eq("startedAt", at), Filters.lt("_id", q.cursor().callId()))));
        }
        Bson filter = where.isEmpty() ? Filters.exists("startedAt") : Filters.and(where);
        return Flux.from(calls.find(filter).sort(Sorts.descending("startedAt", "_id")).limit(q.limit() + 1))
                .map(CallQueries::summary).collectList();
    }

    /**
     * A flow version's events in a time range, oldest first (then by sequence within a call): the order the
     * index {@code flow_version_at} gives without sorting.
     */
    Flux<JournalEntry> flowEvents(String flowId, int version, Instant from, Instant to) {
        List<Bson> where = new ArrayList<>(List.of(Filters.eq("flowId", flowId), Filters.eq("flowVersion", version)));
        if (from != null) where.add(Filters.gte("at", Date.from(from)));
        if (to != null) where.add(Filters.lt("at", Date.from(to)));
        return Flux.from(journal.find(Filters.and(where)).sort(Sorts.ascending("at", "seq")).batchSize(2_000))
                .map(JournalDocuments::toEntry);
    }

    static CallSummary summary(Document d) {
        Instant started = instant(d.get("startedAt"));
        Instant ended = instant(d.get("endedAt"));
        return new CallSummary(d.getString("_id"), d.getString("flowId"), integer(d.get("flowVersion")),
                d.getString("caller"), d.getString("called"), started, ended,
                started == null || ended == null ? null : ended.toEpochMilli() - started.toEpochMilli(),
                d.getString("endReason"), d.getString("lastFlowId"), d.getString("lastNodeId"),
                integer(d.get("pathLength")), integer(d.get("steps")));
    }

    private static Instant instant(Object o) {
        return o instanceof Date date ? date.toInstant() : null;
    }

    private static Integer integer(Object o) {
        return o instanceof Number n ? n.intValue() : null;
    }
}
