package dev.ivrflow.app.sim;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ivrflow.app.api.error.ApiException;
import dev.ivrflow.app.api.error.FieldError;
import dev.ivrflow.app.flows.FlowStore;
import dev.ivrflow.app.flows.FlowStoreException;
import dev.ivrflow.flow.FlowToolkit;
import dev.ivrflow.flow.compile.Compilation;
import dev.ivrflow.flow.json.ReadResult;
import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.model.Node;
import dev.ivrflow.flow.nodes.subflow.SubflowSettings;
import dev.ivrflow.flow.port.FlowResolver;
import dev.ivrflow.flow.runtime.CompiledFlow;
import dev.ivrflow.flow.validate.FlowCatalog;
import dev.ivrflow.flow.validate.ValidationIssue;
import dev.ivrflow.flow.validate.ValidationOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads what a simulated call runs: the draft or a published version of a flow, compiled (so it must validate),
 * and every published subflow version it can reach, compiled too. Everything is fetched from the store up front,
 * without blocking, so the call itself never waits for the database. Published versions never change, so their
 * successful compilations are cached.
 */
final class SimFlowLoader {
    private static final Logger log = LoggerFactory.getLogger(SimFlowLoader.class);

    /** Distinct subflow versions one simulated call may reach. */
    static final int MAX_SUBFLOWS = 50;

    /** A flow version; {@link #DRAFT} (0) is the draft. */
    record Key(String flowId, int version) {
        static final int DRAFT = 0;

        @Override
        public String toString() {
            return version == DRAFT ? flowId + " (draft)" : flowId + " version " + version;
        }
    }

    /**
     * The compiled flow to run, and every flow version it may enter (itself included, under its document's id), for
     * subflows and labels. {@code key} is what was asked for.
     */
    record Loaded(Key key, CompiledFlow root, Map<Key, CompiledFlow> flows) {
        FlowResolver resolver() {
            return (flowId, version) -> Optional.ofNullable(flows.get(new Key(flowId, version)));
        }
    }

    private final FlowStore store;
    private final FlowToolkit toolkit;
    private final Cache<Key, Flow> published = Caffeine.newBuilder().maximumSize(500).build();
    private final Cache<Key, CompiledFlow> compiled = Caffeine.newBuilder().maximumSize(500).build();

    SimFlowLoader(FlowStore store, FlowToolkit toolkit) {
        this.store = store;
        this.toolkit = toolkit;
    }

    /** The flow's draft ({@code version} null) or a published version: 404 when absent, 422 when it has errors. */
    Mono<Loaded> load(String flowId, Integer version) {
        Key key = new Key(flowId, version == null ? Key.DRAFT : version);
        Mono<String> json = version == null
                ? store.draft(flowId).map(d -> d.json())
                : store.version(flowId, version).map(v -> v.json());
        return json
                .onErrorMap(FlowStoreException.class, e -> e.reason() == FlowStoreException.Reason.NOT_FOUND
                        ? ApiException.notFound(version == null ? "there is no flow '" + flowId + "'"
                        : "flow '" + flowId + "' has no published version " + version) : e)
                .publishOn(Schedulers.boundedElastic())
                .map(text -> read(key, text))
                .flatMap(flow -> closure(flow).publishOn(Schedulers.boundedElastic()).map(catalog -> compile(key, flow, catalog)));
    }

    private Flow read(Key key, String json) {
        ReadResult<Flow> r = toolkit.reader().read(json);
        if (r.isValid()) return r.asOptional().orElseThrow();
        List<FieldError> errors = r.errors().stream()
                .map(e -> new FieldError(e.pointer(), e.message(), e.expected().isEmpty() ? null : e.expected()))
                .toList();
        throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "the " + describe(key) + " is not a valid flow document ("
                + count(errors.size(), "error") + "); fix it before calling it", errors);
    }

    private Loaded compile(Key key, Flow flow, Catalog catalog) {
        ValidationOptions options = ValidationOptions.DEFAULTS.withCatalog(catalog);
        Compilation c = toolkit.compile(flow, key.version(), options);
        if (!c.succeeded()) {
            List<ValidationIssue> issues = c.report().errors();
            List<FieldError> errors = issues.stream()
                    .map(i -> new FieldError(i.pointer(), i.code() + ": " + i.message(), null))
                    .toList();
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "the " + describe(key) + " has "
                    + count(issues.size(), "error") + "; fix them before calling it", errors);
        }
        Map<Key, CompiledFlow> flows = new LinkedHashMap<>();
        CompiledFlow root = c.orElseThrow();
        // Keyed by the document's own id, which is what the journal names.
        Key rootKey = new Key(root.id(), key.version());
        flows.put(rootKey, root);
        catalog.flows.forEach((k, f) -> {
            if (k.equals(rootKey)) return;
            CompiledFlow done = compiled.getIfPresent(k);
            if (done == null) {
                Compilation sub = toolkit.compile(f, k.version(), options);
                if (sub.succeeded()) {
                    done = sub.orElseThrow();
                    compiled.put(k, done);
                } else {
                    // The call still runs: the subflow node fails and takes its error exit, as in production.
                    log.warn("published {} does not compile: {}", k, sub.report().errors());
                }
            }
            if (done != null) flows.put(k, done);
        });
        return new Loaded(key, root, Map.copyOf(flows));
    }

    /** Every published subflow version reachable from the flow, level by level. */
    private Mono<Catalog> closure(Flow root) {
        Catalog catalog = new Catalog();
        return expand(subflowsOf(root), catalog).thenReturn(catalog);
    }

    private Mono<Void> expand(Set<Key> keys, Catalog catalog) {
        List<Key> fresh = keys.stream().filter(catalog.seen::add).toList();
        if (fresh.isEmpty()) return Mono.empty();
        if (catalog.seen.size() > MAX_SUBFLOWS) {
            return Mono.error(new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "the flow reaches more than "
                    + MAX_SUBFLOWS + " subflow versions; the simulator does not load that many", List.of()));
        }
        return Flux.fromIterable(fresh)
                .concatMap(k -> publishedFlow(k).doOnNext(f -> catalog.flows.put(k, f))
                        .switchIfEmpty(anyVersion(k.flowId()).doOnNext(any -> {
                            if (any) catalog.anyPublished.add(k.flowId());
                        }).then(Mono.empty())))
                .then(Mono.defer(() -> {
                    Set<Key> next = new LinkedHashSet<>();
                    for (Key k : fresh) {
                        Flow f = catalog.flows.get(k);
                        if (f != null) next.addAll(subflowsOf(f));
                    }
                    return expand(next, catalog);
                }));
    }

    private Mono<Flow> publishedFlow(Key key) {
        Flow cached = published.getIfPresent(key);
        if (cached != null) return Mono.just(cached);
        return store.version(key.flowId(), key.version())
                .onErrorResume(FlowStoreException.class, e -> e.reason() == FlowStoreException.Reason.NOT_FOUND
                        ? Mono.empty() : Mono.error(e))
                .flatMap(v -> {
                    ReadResult<Flow> r = toolkit.reader().read(v.json());
                    if (!r.isValid()) {
                        log.warn("published {} cannot be read: {}", key, r.errors());
                        return Mono.empty();
                    }
                    Flow f = r.asOptional().orElseThrow();
                    published.put(key, f);
                    return Mono.just(f);
                });
    }

    private Mono<Boolean> anyVersion(String flowId) {
        return store.latest(flowId).hasElement();
    }

    private static Set<Key> subflowsOf(Flow flow) {
        Set<Key> out = new LinkedHashSet<>();
        for (Node n : flow.nodes()) {
            if (n.settings() instanceof SubflowSettings s && s.flow() != null && s.version() != null && s.version() >= 1) {
                out.add(new Key(s.flow(), s.version()));
            }
        }
        return out;
    }

    private static String describe(Key key) {
        return key.version() == Key.DRAFT ? "draft of flow '" + key.flowId() + "'"
                : "version " + key.version() + " of flow '" + key.flowId() + "'";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The published versions found: what the validator checks subflow nodes against. */
    private static final class Catalog implements FlowCatalog {
        final Set<Key> seen = ConcurrentHashMap.newKeySet();
        final Map<Key, Flow> flows = new ConcurrentHashMap<>();
        final Set<String> anyPublished = ConcurrentHashMap.newKeySet();

        @Override
        public boolean exists(String flowId, Integer version) {
            if (flowId == null) return false;
            if (version == null) {
                return anyPublished.contains(flowId) || flows.keySet().stream().anyMatch(k -> k.flowId().equals(flowId));
            }
            return flows.containsKey(new Key(flowId, version));
        }

        @Override
        public Optional<Flow> find(String flowId, Integer version) {
            return flowId == null || version == null ? Optional.empty()
                    : Optional.ofNullable(flows.get(new Key(flowId, version)));
        }
    }
}
