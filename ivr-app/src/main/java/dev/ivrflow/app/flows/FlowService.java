package dev.ivrflow.app.flows;

import dev.ivrflow.app.api.error.ApiException;
import dev.ivrflow.app.api.error.FieldError;
import dev.ivrflow.flow.FlowToolkit;
import dev.ivrflow.flow.json.DocumentError;
import dev.ivrflow.flow.json.ReadResult;
import dev.ivrflow.flow.model.Environment;
import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.model.Node;
import dev.ivrflow.flow.model.NodeType;
import dev.ivrflow.flow.model.Pointers;
import dev.ivrflow.flow.nodes.subflow.SubflowSettings;
import dev.ivrflow.flow.validate.FlowCatalog;
import dev.ivrflow.flow.validate.ValidationOptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * What the flow API does, over the {@link FlowStore} and the flow core: drafts that may be invalid (work in
 * progress) but are always readable flow documents stored in canonical form; validation against the published
 * flows (so unknown subflows are reported); publishing only valid flows; rollbacks; imports and exports.
 *
 * <p>Bad input is refused with an {@link ApiException} naming the place (a JSON Pointer into the document, or
 * into the archive for a zip: {@code /main-line.flow.json/nodes/3/id}); a stale revision with a
 * {@link RevisionConflictException}; a publish of an invalid flow with a {@link PublishRefusedException}. Reading,
 * writing and validating documents run off the event loop, since a flow can be megabytes.
 */
public final class FlowService {
    public static final int MAX_COMMENT = 500;

    private final FlowStore store;
    private final FlowToolkit toolkit;

    public FlowService(FlowStore store, FlowToolkit toolkit) {
        this.store = store;
        this.toolkit = toolkit;
    }

    /** A flow document read and written back canonically. */
    record Document(Flow flow, String json) {
    }

    // ---- drafts

    public Flux<FlowSummary> list() {
        return store.drafts().concatMap(d -> latestSummary(d.id()).map(v -> FlowSummary.of(d, v.orElse(null))));
    }

    public Mono<Draft> draft(String id) {
        return store.draft(id);
    }

    public Mono<FlowSummary> summary(String id) {
        return store.draft(id).flatMap(d -> latestSummary(id).map(v -> FlowSummary.of(d, v.orElse(null))));
    }

    public Mono<SaveResult> create(byte[] body, String user) {
        return cpu(() -> document(body)).flatMap(doc ->
                store.create(doc.flow().id(), doc.flow().name(), doc.json(), user)
                        .flatMap(d -> validate(doc.flow()).map(v -> SaveResult.of(d, SaveResult.Status.CREATED, v))));
    }

    /**
     * Saves a new content for the draft if the client saw the current revision. Saving the content the draft
     * already has changes nothing and succeeds whatever the revision, so a retried save is harmless.
     */
    public Mono<SaveResult> update(String id, byte[] body, long expectedRevision, String user) {
        return cpu(() -> document(body)).flatMap(doc -> {
            if (!doc.flow().id().equals(id)) {
                return Mono.error(ApiException.badRequest("/id", "the document's id '" + doc.flow().id()
                        + "' is not the id of the flow it is saved to ('" + id + "')", "\"" + id + "\""));
            }
            return store.draft(id).flatMap(current -> current.json().equals(doc.json())
                            ? Mono.just(new Upserted(current, SaveResult.Status.UNCHANGED))
                            : store.save(id, doc.flow().name(), doc.json(), expectedRevision, user)
                                    .map(d -> new Upserted(d, SaveResult.Status.UPDATED)))
                    .flatMap(saved -> validate(doc.flow()).map(v -> SaveResult.of(saved.draft(), saved.status(), v)));
        });
    }

    public Mono<Void> delete(String id, Long expectedRevision, String user) {
        return store.delete(id, expectedRevision, user);
    }

    // ---- validation

    public Mono<ValidationResult> validateDraft(String id) {
        return store.draft(id).flatMap(d -> validateStored(d.json()));
    }

    /** Validates a document sent in a request; one that is not a flow document at all is a 400. */
    public Mono<ValidationResult> validateDocument(byte[] body) {
        return cpu(() -> document(body)).flatMap(doc -> validate(doc.flow()));
    }

    private Mono<ValidationResult> validateStored(String json) {
        return cpu(() -> toolkit.reader().read(json)).flatMap(r -> switch (r) {
            case ReadResult.Valid<Flow>(Flow flow) -> validate(flow);
            case ReadResult.Invalid<Flow>(List<DocumentError> errors) -> Mono.just(ValidationResult.ofDocumentErrors(errors));
        });
    }

    private Mono<ValidationResult> validate(Flow flow) {
        return catalog(List.of(flow), Map.of()).flatMap(c -> validate(flow, c));
    }

    private Mono<ValidationResult> validate(Flow flow, FlowCatalog catalog) {
        return cpu(() -> ValidationResult.of(toolkit.validate(flow, new ValidationOptions(catalog, Environment.PASS_THROUGH))));
    }

    // ---- publish, versions, rollback

    /**
     * Publishes the draft as the flow's next version, if it has no validation errors (warnings are fine) and, when
     * {@code expectedRevision} is given, the draft is still at that revision (what the publisher reviewed).
     */
    public Mono<PublishResult> publish(String id, String comment, Long expectedRevision, String user) {
        return store.draft(id).flatMap(d -> {
            if (expectedRevision != null && d.revision() != expectedRevision) {
                return Mono.error(RevisionConflictException.stale(id, d.revision(), expectedRevision));
            }
            return validateStored(d.json()).flatMap(v -> {
                if (!v.valid()) return Mono.error(refused("flow '" + id + "' has " + count(v.errors().size(), "error")
                        + "; fix " + (v.errors().size() == 1 ? "it" : "them") + " before publishing", null, id, v));
                return store.publish(id, d.name(), d.json(), comment, user)
                        .map(version -> new PublishResult(VersionSummary.of(version), v));
            });
        });
    }

    /** The flow's versions, newest first; a flow with neither a draft nor a version is not found. */
    public Flux<VersionSummary> versions(String id) {
        return store.versions(id).map(VersionSummary::of)
                .switchIfEmpty(store.draft(id).thenMany(Flux.empty()));
    }

    public Mono<Version> version(String id, int version) {
        return store.version(id, version);
    }

    public Flux<AuditEntry> audit(String id) {
        return store.auditLog(id).switchIfEmpty(store.draft(id).thenMany(Flux.empty()));
    }

    /**
     * Publishes an old version's content again as a new version, and makes the draft that same content: otherwise
     * the next publish of the draft would silently undo the rollback. A draft with unpublished changes is only
     * replaced when the caller confirms it with its revision ({@code expectedRevision}); its content is kept in
     * the audit log.
     */
    public Mono<RollbackResult> rollback(String id, int version, String comment, Long expectedRevision, String user) {
        return store.latest(id)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("flow '" + id + "' has no published version")))
                .flatMap(live -> {
                    if (live.version() == version) {
                        return Mono.error(ApiException.conflict("version " + version + " is already the live version of flow '"
                                + id + "': there is nothing to roll back"));
                    }
                    return store.version(id, version).flatMap(target -> validateStored(target.json()).flatMap(v -> {
                        if (!v.valid()) return Mono.error(refused("version " + version + " of flow '" + id + "' has "
                                + count(v.errors().size(), "error") + " under today's rules; it cannot be made live again",
                                null, id, v));
                        return store.findDraft(id).map(Optional::of).defaultIfEmpty(Optional.empty())
                                .flatMap(draft -> rollback(live, target, draft.orElse(null), comment, expectedRevision, user));
                    }));
                });
    }

    private Mono<RollbackResult> rollback(Version live, Version target, Draft draft, String comment, Long expectedRevision,
                                          String user) {
        String id = target.flowId();
        boolean unpublishedWork = draft != null && !draft.json().equals(live.json()) && !draft.json().equals(target.json());
        if (draft != null && expectedRevision != null && draft.revision() != expectedRevision) {
            return Mono.error(RevisionConflictException.stale(id, draft.revision(), expectedRevision));
        }
        if (unpublishedWork && expectedRevision == null) {
            return Mono.error(new RevisionConflictException(id, draft.revision(), "the draft of flow '" + id
                    + "' (revision " + draft.revision() + ") has changes that are not published, and a rollback replaces"
                    + " the draft with version " + target.version() + ": send If-Match: \"" + draft.revision()
                    + "\" to confirm"));
        }
        String fullComment = "Rollback to version " + target.version() + ": " + comment;
        return store.republish(target, fullComment, user, unpublishedWork ? draft : null).flatMap(created -> {
            Mono<Draft> newDraft = draft != null && draft.json().equals(target.json()) ? Mono.just(draft)
                    : store.replace(id, target.name(), target.json(), user);
            VersionSummary summary = VersionSummary.of(created);
            return newDraft.map(d -> new RollbackResult(summary, target.version(), FlowSummary.of(d, summary)));
        });
    }

    // ---- diff

    /** A version reference in a diff: {@code draft}, {@code latest}, or a version number. */
    public static boolean validRef(String ref) {
        return ref.equals("draft") || ref.equals("latest") || ref.matches("[1-9][0-9]{0,8}");
    }

    public Mono<FlowDiff.Result> diff(String id, String from, String to) {
        return content(id, from).zipWith(content(id, to))
                .flatMap(t -> cpu(() -> FlowDiff.between(t.getT1(), t.getT2())));
    }

    private Mono<String> content(String id, String ref) {
        return switch (ref) {
            case "draft" -> store.draft(id).map(Draft::json);
            case "latest" -> store.latest(id).map(Version::json).switchIfEmpty(Mono.error(() ->
                    ApiException.notFound("flow '" + id + "' has no published version")));
            default -> store.version(id, Integer.parseInt(ref)).map(Version::json);
        };
    }

    // ---- import and export

    /** Creates or updates the draft from a flow document (no revision check: the import is the new truth). */
    public Mono<SaveResult> importOne(byte[] body, String user) {
        return cpu(() -> document(body)).flatMap(doc -> upsert(doc, user)
                .flatMap(saved -> validate(doc.flow()).map(v -> SaveResult.of(saved.draft(), saved.status(), v))));
    }

    private record Upserted(Draft draft, SaveResult.Status status) {
    }

    private Mono<Upserted> upsert(Document doc, String user) {
        String id = doc.flow().id();
        return store.findDraft(id)
                .flatMap(current -> current.json().equals(doc.json())
                        ? Mono.just(new Upserted(current, SaveResult.Status.UNCHANGED))
                        : store.save(id, doc.flow().name(), doc.json(), current.revision(), user)
                                .map(d -> new Upserted(d, SaveResult.Status.UPDATED)))
                .switchIfEmpty(Mono.defer(() -> store.create(id, doc.flow().name(), doc.json(), user)
                        .map(d -> new Upserted(d, SaveResult.Status.CREATED))));
    }

    private record ArchivedFlow(String file, Document doc) {
    }

    private record Existing(ArchivedFlow file, Version latest) {
        boolean changedSinceLatest() {
            return latest == null || !latest.json().equals(file.doc().json());
        }
    }

    /**
     * Imports every flow file of a zip archive. All files are read first, and if any is not a valid flow document
     * (or its name is not {@code <id>.flow.json}) nothing is imported. With {@code publish}, every flow whose content
     * differs from its latest version is validated (against the published flows and the archive's own, so a flow
     * and the subflow it calls can arrive together), nothing is imported if any has errors, and the flows are then
     * published subflows first.
     */
    public Mono<ImportReport> importZip(byte[] zip, boolean publish, String comment, String user) {
        return cpu(() -> readArchive(zip)).flatMap(read -> Flux.fromIterable(read.flows())
                .concatMap(f -> store.latest(f.doc().flow().id()).map(Optional::of).defaultIfEmpty(Optional.empty())
                        .map(latest -> new Existing(f, latest.orElse(null))))
                .collectList()
                .flatMap(existing -> {
                    Map<String, Flow> pending = new LinkedHashMap<>();
                    if (publish) {
                        for (Existing e : existing) if (e.changedSinceLatest()) pending.put(e.file().doc().flow().id(), e.file().doc().flow());
                    }
                    List<Flow> flows = existing.stream().map(e -> e.file().doc().flow()).toList();
                    return catalog(flows, pending).flatMap(catalog -> Flux.fromIterable(existing)
                            .concatMap(e -> validate(e.file().doc().flow(), catalog)).collectList()
                            .flatMap(validations -> {
                                if (publish) refuseInvalid(existing, validations);
                                return importArchive(existing, validations, pending, comment, user)
                                        .map(flowsDone -> new ImportReport(flowsDone, read.skipped()));
                            }));
                }));
    }

    private record ArchiveRead(List<ArchivedFlow> flows, List<String> skipped) {
    }

    private ArchiveRead readArchive(byte[] zip) {
        FlowArchive.Contents contents = FlowArchive.read(zip, FlowArchive.Limits.DEFAULT);
        List<FieldError> errors = new ArrayList<>();
        for (FlowArchive.Problem p : contents.problems()) {
            errors.add(new FieldError(p.entry() == null ? "" : entryPointer(p.entry()),
                    p.entry() == null ? p.message() : p.entry() + ": " + p.message(), null));
        }
        List<ArchivedFlow> flows = new ArrayList<>();
        Map<String, String> fileOfId = new HashMap<>();
        for (FlowArchive.Entry e : contents.flows()) {
            String prefix = entryPointer(e.name());
            ReadResult<Flow> r = toolkit.reader().read(e.content());
            if (r instanceof ReadResult.Invalid<Flow>(List<DocumentError> documentErrors)) {
                errors.addAll(fieldErrors(prefix, e.name() + ": ", documentErrors));
                continue;
            }
            Flow flow = r.asOptional().orElseThrow();
            if (!flow.id().equals(e.idFromName())) {
                errors.add(new FieldError(prefix + "/id", e.name() + ": the flow's id '" + flow.id()
                        + "' does not match the file name, which should be " + flow.id() + FlowArchive.SUFFIX,
                        "\"" + e.idFromName() + "\""));
                continue;
            }
            String other = fileOfId.putIfAbsent(flow.id(), e.name());
            if (other != null) {
                errors.add(new FieldError(prefix + "/id", e.name() + ": flow '" + flow.id() + "' is also in " + other,
                        "each flow id in one file only"));
                continue;
            }
            flows.add(new ArchivedFlow(e.name(), new Document(flow, toolkit.writer().writeString(flow))));
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("the archive has " + count(errors.size(), "problem") + "; nothing was imported"
                    + (errors.size() == 1 ? ": " + errors.getFirst().message() : ""), errors);
        }
        return new ArchiveRead(flows, contents.skipped());
    }

    private static void refuseInvalid(List<Existing> existing, List<ValidationResult> validations) {
        List<PublishRefusedException.Refusal> refusals = new ArrayList<>();
        for (int i = 0; i < existing.size(); i++) {
            ValidationResult v = validations.get(i);
            if (!v.valid() && existing.get(i).changedSinceLatest()) {
                ArchivedFlow f = existing.get(i).file();
                refusals.add(new PublishRefusedException.Refusal(f.file(), f.doc().flow().id(), v.errors()));
            }
        }
        if (!refusals.isEmpty()) {
            int errors = refusals.stream().mapToInt(r -> r.errors().size()).sum();
            throw new PublishRefusedException(count(refusals.size(), "flow") + " of the archive " + (refusals.size() == 1 ? "has " : "have ")
                    + count(errors, "validation error") + "; nothing was imported or published", refusals);
        }
    }

    private Mono<List<ImportReport.ImportedFlow>> importArchive(List<Existing> existing, List<ValidationResult> validations,
                                                                 Map<String, Flow> pending, String comment, String user) {
        Map<String, ValidationResult> validationOf = new HashMap<>();
        for (int i = 0; i < existing.size(); i++) validationOf.put(existing.get(i).file().doc().flow().id(), validations.get(i));
        return Flux.fromIterable(existing)
                .concatMap(e -> upsert(e.file().doc(), user).map(u -> Map.entry(e, u)))
                .collectList()
                .flatMap(upserted -> Flux.fromIterable(dependenciesFirst(pending))
                        .concatMap(id -> {
                            Document doc = upserted.stream().filter(u -> u.getKey().file().doc().flow().id().equals(id))
                                    .findFirst().orElseThrow().getKey().file().doc();
                            return store.publish(id, doc.flow().name(), doc.json(), comment, user);
                        })
                        .collectMap(Version::flowId)
                        .map(published -> upserted.stream().map(u -> {
                            ArchivedFlow f = u.getKey().file();
                            String id = f.doc().flow().id();
                            Version v = published.get(id);
                            return new ImportReport.ImportedFlow(f.file(), id, u.getValue().status(),
                                    u.getValue().draft().revision(), validationOf.get(id), v == null ? null : VersionSummary.of(v));
                        }).toList()));
    }

    /** The flows in an order where every subflow comes before the flows that call it (cycles broken anywhere). */
    static List<String> dependenciesFirst(Map<String, Flow> flows) {
        List<String> order = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        for (String id : new TreeMap<>(flows).keySet()) visit(id, flows, visited, order);
        return order;
    }

    private static void visit(String id, Map<String, Flow> flows, Set<String> visited, List<String> order) {
        if (!flows.containsKey(id) || !visited.add(id)) return;
        for (SubflowSettings s : subflows(flows.get(id))) visit(s.flow(), flows, visited, order);
        order.add(id);
    }

    /** The drafts (or, with {@code published}, the latest version of every published flow) as a zip. */
    public Mono<byte[]> exportZip(boolean published) {
        Flux<Map.Entry<String, String>> files = published
                ? store.publishedFlowIds().concatMap(store::latest).map(v -> Map.entry(v.flowId(), v.json()))
                : store.drafts().map(d -> Map.entry(d.id(), d.json()));
        return files.collectList().flatMap(list -> cpu(() -> {
            TreeMap<String, byte[]> entries = new TreeMap<>();
            for (var e : list) entries.put(e.getKey() + FlowArchive.SUFFIX, e.getValue().getBytes(StandardCharsets.UTF_8));
            return FlowArchive.write(entries);
        }));
    }

    // ---- shared steps

    /** Reads a flow document; one that is not (bad JSON, wrong types, unknown fields, ...) is a 400. */
    Document document(byte[] body) {
        return switch (toolkit.reader().read(body)) {
            case ReadResult.Valid<Flow>(Flow flow) -> new Document(flow, toolkit.writer().writeString(flow));
            case ReadResult.Invalid<Flow>(List<DocumentError> errors) -> throw ApiException.badRequest(
                    "the body is not a valid flow document: " + (errors.size() == 1 ? errors.getFirst().toString()
                            : count(errors.size(), "problem")), fieldErrors("", "", errors));
        };
    }

    /**
     * The published flows the given flows call as subflows, plus {@code pending} flows counted as published in
     * their next version (an archive imported and published together).
     */
    private Mono<FlowCatalog> catalog(Collection<Flow> flows, Map<String, Flow> pending) {
        Set<String> ids = new LinkedHashSet<>(pending.keySet());
        List<SubflowSettings> refs = new ArrayList<>();
        for (Flow f : flows) refs.addAll(subflows(f));
        refs.forEach(s -> ids.add(s.flow()));
        return Flux.fromIterable(ids)
                .concatMap(id -> store.versionNumbers(id).map(numbers -> Map.entry(id, numbers)))
                .collectMap(Map.Entry::getKey, e -> (Set<Integer>) new HashSet<>(e.getValue()))
                .flatMap(numbers -> {
                    Map<String, Flow> byVersion = new HashMap<>();
                    pending.forEach((id, flow) -> {
                        Set<Integer> n = numbers.get(id);
                        int next = n.stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
                        n.add(next);
                        byVersion.put(id + "@" + next, flow);
                    });
                    Set<String> pinned = new LinkedHashSet<>();
                    for (SubflowSettings s : refs) {
                        if (s.version() != null && numbers.get(s.flow()).contains(s.version())
                                && !byVersion.containsKey(s.flow() + "@" + s.version())) pinned.add(s.flow() + "@" + s.version());
                    }
                    return Flux.fromIterable(pinned)
                            .concatMap(key -> {
                                int at = key.lastIndexOf('@');
                                return store.version(key.substring(0, at), Integer.parseInt(key.substring(at + 1)));
                            })
                            .concatMap(v -> cpu(() -> toolkit.reader().read(v.json())).flatMap(r -> Mono.justOrEmpty(r.asOptional()))
                                    .map(flow -> Map.entry(v.flowId() + "@" + v.version(), flow)))
                            .doOnNext(e -> byVersion.put(e.getKey(), e.getValue()))
                            .then(Mono.fromSupplier(() -> new StoreCatalog(numbers, byVersion)));
                });
    }

    /** Published versions as the validator asks about them. */
    private record StoreCatalog(Map<String, Set<Integer>> numbers, Map<String, Flow> flows) implements FlowCatalog {
        @Override
        public boolean exists(String flowId, Integer version) {
            Set<Integer> n = flowId == null ? null : numbers.get(flowId);
            return n != null && (version == null ? !n.isEmpty() : n.contains(version));
        }

        @Override
        public Optional<Flow> find(String flowId, Integer version) {
            return Optional.ofNullable(flows.get(flowId + "@" + version));
        }
    }

    private static List<SubflowSettings> subflows(Flow flow) {
        List<SubflowSettings> out = new ArrayList<>();
        for (Node n : flow.nodes()) {
            if (n.type() == NodeType.SUBFLOW && n.settings() instanceof SubflowSettings s && s.flow() != null) out.add(s);
        }
        return out;
    }

    private Mono<Optional<VersionSummary>> latestSummary(String id) {
        return store.latest(id).map(v -> Optional.of(VersionSummary.of(v))).defaultIfEmpty(Optional.empty());
    }

    private static PublishRefusedException refused(String message, String file, String id, ValidationResult v) {
        return new PublishRefusedException(message, List.of(new PublishRefusedException.Refusal(file, id, v.errors())));
    }

    static List<FieldError> fieldErrors(String pointerPrefix, String messagePrefix, List<DocumentError> errors) {
        return errors.stream().map(e -> new FieldError(pointerPrefix + e.pointer(), messagePrefix + e.message(),
                e.expected().isEmpty() ? null : e.expected())).toList();
    }

    /** An archive entry as the first token of a pointer: the archive reads as an object of files. */
    static String entryPointer(String entry) {
        return Pointers.join("", entry);
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static <T> Mono<T> cpu(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
