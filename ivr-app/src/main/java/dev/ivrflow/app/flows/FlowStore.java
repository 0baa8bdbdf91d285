package dev.ivrflow.app.flows;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

/**
 * Flows in MongoDB: one draft per flow, and immutable published versions numbered 1, 2, 3... Both keep the
 * flow's canonical JSON as a string, so what is exported is byte for byte what was saved. Every publish is
 * audited with who, when and why.
 */
public final class FlowStore {
    static final String DRAFTS = "flowDrafts";
    static final String VERSIONS = "flowVersions";
    static final String AUDIT = "audit";

    private final MongoCollection<Document> drafts;
    private final MongoCollection<Document> versions;
    private final MongoCollection<Document> audit;
    private final Clock clock;

    public FlowStore(MongoDatabase db, Clock clock) {
        this.drafts = db.getCollection(DRAFTS);
        this.versions = db.getCollection(VERSIONS);
        this.audit = db.getCollection(AUDIT);
        this.clock = clock;
    }

    /** Creates the indexes the queries below rely on; idempotent, run at start. */
    public Mono<Void> createIndexes() {
        return Flux.concat(
                versions.createIndex(Indexes.compoundIndex(Indexes.ascending("flowId"), Indexes.descending("version")),
                        new IndexOptions().unique(true).name("flow_version")),
                versions.createIndex(Indexes.descending("publishedAt"), new IndexOptions().name("published_at")),
                audit.createIndex(Indexes.compoundIndex(Indexes.ascending("flowId"), Indexes.descending("at")),
                        new IndexOptions().name("flow_at"))).then();
    }

    public Flux<Draft> drafts() {
        return Flux.from(drafts.find().sort(Sorts.ascending("_id"))).map(FlowStore::draft);
    }

    /**
     * The ids and revisions of the most recently saved drafts, newest first, at most {@code limit}, without their
     * content: what a reader that caches by revision needs to decide which drafts to load again.
     */
    public Flux<DraftStamp> recentDraftStamps(int limit) {
        return Flux.from(drafts.find().projection(new Document("_id", 1).append("revision", 1))
                        .sort(Sorts.orderBy(Sorts.descending("updatedAt"), Sorts.ascending("_id"))).limit(limit))
                .map(d -> new DraftStamp(d.getString("_id"), d.get("revision", Number.class).longValue()));
    }

    /** The drafts with these ids, in id order; ids without a draft are left out. */
    public Flux<Draft> drafts(java.util.Collection<String> ids) {
        if (ids.isEmpty()) return Flux.empty();
        return Flux.from(drafts.find(Filters.in("_id", ids)).sort(Sorts.ascending("_id"))).map(FlowStore::draft);
    }

    public Mono<Draft> draft(String id) {
        return Mono.from(drafts.find(Filters.eq("_id", id)).first()).map(FlowStore::draft)
                .switchIfEmpty(Mono.error(() -> notFound("flow '" + id + "'")));
    }

    public Mono<Draft> create(String id, String name, String json, String user) {
        Instant now = clock.instant();
        Document doc = new Document("_id", id).append("name", name).append("json", json).append("revision", 1L)
                .append("createdAt", Date.from(now)).append("updatedAt", Date.from(now)).append("updatedBy", user);
        return Mono.from(drafts.insertOne(doc)).map(r -> draft(doc))
                .onErrorMap(FlowStore::duplicateKey, e -> new FlowStoreException(
                        FlowStoreException.Reason.ALREADY_EXISTS, "a flow with id '" + id + "' already exists"));
    }

    /** Saves a new draft content if the caller saw the current revision; otherwise a revision conflict. */
    public Mono<Draft> save(String id, String name, String json, long expectedRevision, String user) {
        Instant now = clock.instant();
        return Mono.from(drafts.findOneAndUpdate(
                        Filters.and(Filters.eq("_id", id), Filters.eq("revision", expectedRevision)),
                        Updates.combine(Updates.set("name", name), Updates.set("json", json),
                                Updates.inc("revision", 1L), Updates.set("updatedAt", Date.from(now)),
                                Updates.set("updatedBy", user)),
                        new com.mongodb.client.model.FindOneAndUpdateOptions()
                                .returnDocument(com.mongodb.client.model.ReturnDocument.AFTER)))
                .map(FlowStore::draft)
                .switchIfEmpty(Mono.defer(() -> draft(id).flatMap(current -> Mono.error(
                        RevisionConflictException.stale(id, current.revision(), expectedRevision)))));
    }

    /** The draft, or nothing when there is none (where {@link #draft} fails with not found). */
    public Mono<Draft> findDraft(String id) {
        return Mono.from(drafts.find(Filters.eq("_id", id)).first()).map(FlowStore::draft);
    }

    /**
     * Sets the draft's content whatever its revision (creating it when missing), bumping the revision: for a
     * rollback, which makes the draft what is live, and for an import, which has already compared revisions.
     */
    public Mono<Draft> replace(String id, String name, String json, String user) {
        Date now = Date.from(clock.instant());
        return Mono.from(drafts.findOneAndUpdate(Filters.eq("_id", id),
                        Updates.combine(Updates.set("name", name), Updates.set("json", json),
                                Updates.inc("revision", 1L), Updates.set("updatedAt", now),
                                Updates.set("updatedBy", user), Updates.setOnInsert("createdAt", now)),
                        new com.mongodb.client.model.FindOneAndUpdateOptions().upsert(true)
                                .returnDocument(com.mongodb.client.model.ReturnDocument.AFTER)))
                .map(FlowStore::draft);
    }

    public Mono<Void> delete(String id, String user) {
        return delete(id, null, user);
    }

    /**
     * Deletes the draft, only if it is still at {@code expectedRevision} when that is given. Published versions
     * stay: they are immutable, calls may be running on them and other flows may call them as subflows.
     */
    public Mono<Void> delete(String id, Long expectedRevision, String user) {
        var filter = expectedRevision == null ? Filters.eq("_id", id)
                : Filters.and(Filters.eq("_id", id), Filters.eq("revision", expectedRevision));
        return Mono.from(drafts.deleteOne(filter))
                .flatMap(r -> r.getDeletedCount() == 0
                        ? draft(id).flatMap(current -> Mono.<Void>error(
                                RevisionConflictException.stale(id, current.revision(), expectedRevision)))
                        : audit(new Document("action", "delete").append("flowId", id).append("user", user)));
    }

    /**
     * Publishes the given canonical JSON as the flow's next version. Two publishes at once cannot take the same
     * number: the unique index refuses the second, which then retries with the next number.
     */
    public Mono<Version> publish(String id, String name, String json, String comment, String user) {
        return insertVersion(id, name, json, comment, user)
                .flatMap(v -> audit("publish", id, v.version(), comment, user).thenReturn(v));
    }

    /**
     * Publishes an old version's content again as the flow's next version (a rollback), audited as such with the
     * version it came from and, when the rollback replaces a draft holding unpublished work, that draft's content,
     * so the work can be recovered from the audit log.
     */
    public Mono<Version> republish(Version from, String comment, String user, Draft replaced) {
        return insertVersion(from.flowId(), from.name(), from.json(), comment, user).flatMap(v -> {
            Document doc = new Document("action", "rollback").append("flowId", v.flowId()).append("user", user)
                    .append("version", v.version()).append("fromVersion", from.version()).append("comment", comment);
            if (replaced != null) {
                doc.append("replacedDraftRevision", replaced.revision()).append("replacedDraft", replaced.json());
            }
            return audit(doc).thenReturn(v);
        });
    }

    private Mono<Version> insertVersion(String id, String name, String json, String comment, String user) {
        return Mono.defer(() -> latestNumber(id).flatMap(latest -> {
                    Version v = new Version(id, latest + 1, name, json, comment, clock.instant(), user);
                    return Mono.from(versions.insertOne(document(v))).thenReturn(v);
                }))
                .retryWhen(Retry.backoff(20, java.time.Duration.ofMillis(2)).maxBackoff(java.time.Duration.ofMillis(50))
                        .jitter(0.5).filter(FlowStore::duplicateKey));
    }

    /** The numbers of the flow's published versions, newest first, without their content. */
    public Mono<java.util.List<Integer>> versionNumbers(String id) {
        return Flux.from(versions.find(Filters.eq("flowId", id)).projection(new Document("version", 1))
                        .sort(Sorts.descending("version")))
                .map(d -> d.get("version", Number.class).intValue()).collectList();
    }

    /** The ids of every flow with at least one published version, sorted (a deleted draft keeps its versions). */
    public Flux<String> publishedFlowIds() {
        return Flux.from(versions.distinct("flowId", String.class)).sort();
    }

    /** The flow's audit log, newest first. */
    public Flux<AuditEntry> auditLog(String id) {
        return Flux.from(audit.find(Filters.eq("flowId", id)).sort(Sorts.orderBy(Sorts.descending("at"), Sorts.descending("_id"))))
                .map(FlowStore::auditEntry);
    }

    public Flux<Version> versions(String id) {
        return Flux.from(versions.find(Filters.eq("flowId", id)).sort(Sorts.descending("version"))).map(FlowStore::version);
    }

    public Mono<Version> version(String id, int version) {
        return Mono.from(versions.find(Filters.and(Filters.eq("flowId", id), Filters.eq("version", version))).first())
                .map(FlowStore::version)
                .switchIfEmpty(Mono.error(() -> notFound("version " + version + " of flow '" + id + "'")));
    }

    public Mono<Version> latest(String id) {
        return Mono.from(versions.find(Filters.eq("flowId", id)).sort(Sorts.descending("version")).first())
                .map(FlowStore::version);
    }

    /** Versions published after an instant, oldest first: how other instances learn of a publish. */
    public Flux<Version> publishedAfter(Instant after) {
        return Flux.from(versions.find(Filters.gt("publishedAt", Date.from(after))).sort(Sorts.ascending("publishedAt")))
                .map(FlowStore::version);
    }

    private Mono<Integer> latestNumber(String id) {
        return latest(id).map(Version::version).defaultIfEmpty(0);
    }

    private Mono<Void> audit(String action, String flowId, Integer version, String comment, String user) {
        Document doc = new Document("action", action).append("flowId", flowId).append("user", user);
        if (version != null) doc.append("version", version);
        if (comment != null) doc.append("comment", comment);
        return audit(doc);
    }

    private Mono<Void> audit(Document entry) {
        Document doc = new Document("at", Date.from(clock.instant()));
        doc.putAll(entry);
        return Mono.from(audit.insertOne(doc)).then();
    }

    private static AuditEntry auditEntry(Document d) {
        Number version = d.get("version", Number.class);
        Number from = d.get("fromVersion", Number.class);
        Number replaced = d.get("replacedDraftRevision", Number.class);
        return new AuditEntry(d.getDate("at").toInstant(), d.getString("action"), d.getString("flowId"),
                d.getString("user"), version == null ? null : version.intValue(), from == null ? null : from.intValue(),
                d.getString("comment"), replaced == null ? null : replaced.longValue(), d.getString("replacedDraft"));
    }

    private static Document document(Version v) {
        return new Document("_id", v.flowId() + "@" + v.version()).append("flowId", v.flowId())
                .append("version", v.version()).append("name", v.name()).append("json", v.json())
                .append("comment", v.comment()).append("publishedAt", Date.from(v.publishedAt()))
                .append("publishedBy", v.publishedBy());
    }

    private static Draft draft(Document d) {
        return new Draft(d.getString("_id"), d.getString("name"), d.getString("json"), d.get("revision", Number.class).longValue(),
                d.getDate("createdAt").toInstant(), d.getDate("updatedAt").toInstant(), d.getString("updatedBy"));
    }

    private static Version version(Document d) {
        return new Version(d.getString("flowId"), d.get("version", Number.class).intValue(), d.getString("name"),
                d.getString("json"), d.getString("comment"), d.getDate("publishedAt").toInstant(),
                d.getString("publishedBy"));
    }

    private static boolean duplicateKey(Throwable e) {
        return e instanceof MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }

    private static FlowStoreException notFound(String what) {
        return new FlowStoreException(FlowStoreException.Reason.NOT_FOUND, "no " + what);
    }
}
