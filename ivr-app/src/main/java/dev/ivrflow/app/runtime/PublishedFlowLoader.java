package dev.ivrflow.app.runtime;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ivrflow.app.flows.FlowStore;
import dev.ivrflow.app.flows.FlowStoreException;
import dev.ivrflow.app.flows.Version;
import dev.ivrflow.flow.FlowToolkit;
import dev.ivrflow.flow.compile.Compilation;
import dev.ivrflow.flow.json.ReadResult;
import dev.ivrflow.flow.model.Environment;
import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.model.Node;
import dev.ivrflow.flow.nodes.subflow.SubflowSettings;
import dev.ivrflow.flow.runtime.CompiledFlow;
import dev.ivrflow.flow.validate.FlowCatalog;
import dev.ivrflow.flow.validate.ValidationIssue;
import dev.ivrflow.flow.validate.ValidationOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Loads and compiles one published flow version for the {@code CompiledFlowCache}: the version from the
 * {@link FlowStore}, validated against the published versions its subflow nodes pin (so their inputs and outputs are
 * checked too) and the configured environment, then compiled.
 *
 * <p>A published version that no longer compiles (a stricter validator, an environment that no longer binds one of
 * its names, a document the reader refuses) is logged with its errors and gives nothing: the call is not routed,
 * the dialplan's fallback takes it, and nothing crashes. Such a failure is remembered for a few seconds so that a
 * burst of calls does not compile (and log) the same broken version a hundred times. Blocking: it runs on a call's
 * virtual thread or the publish watcher's, never on an event loop.
 */
public final class PublishedFlowLoader implements BiFunction<String, Integer, Optional<CompiledFlow>> {
    private static final Logger log = LoggerFactory.getLogger(PublishedFlowLoader.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private record Key(String flowId, int version) {
    }

    private final FlowStore store;
    private final FlowToolkit toolkit;
    private final Environment environment;
    private final Cache<Key, String> recentFailures;

    public PublishedFlowLoader(FlowStore store, FlowToolkit toolkit, Environment environment, Duration rememberFailures) {
        this.store = store;
        this.toolkit = toolkit;
        this.environment = environment == null ? Environment.PASS_THROUGH : environment;
        this.recentFailures = Caffeine.newBuilder().expireAfterWrite(rememberFailures).maximumSize(1_000).build();
    }

    @Override
    public Optional<CompiledFlow> apply(String flowId, Integer version) {
        Key key = new Key(flowId, version);
        if (recentFailures.getIfPresent(key) != null) return Optional.empty();
        Version published = find(flowId, version).block(TIMEOUT);
        if (published == null) {
            log.debug("flow '{}' has no published version {}", flowId, version);
            return Optional.empty();
        }
        Optional<Flow> flow = read(key, published.json());
        if (flow.isEmpty()) return Optional.empty();
        ValidationOptions options = new ValidationOptions(catalog(flow.get()), environment);
        Compilation compilation = toolkit.compile(flow.get(), version, options);
        if (!compilation.succeeded()) {
            List<ValidationIssue> errors = compilation.report().errors();
            return failed(key, errors.size() + " validation error" + (errors.size() == 1 ? "" : "s") + ": "
                    + summary(errors));
        }
        if (!compilation.report().warnings().isEmpty()) {
            log.debug("flow '{}' version {} compiled with {} warnings", flowId, version, compilation.report().warnings().size());
        }
        return Optional.of(compilation.flow());
    }

    private Optional<Flow> read(Key key, String json) {
        ReadResult<Flow> read = toolkit.reader().read(json);
        if (!read.isValid()) {
            failed(key, "the stored document does not read: " + read.errors());
            return Optional.empty();
        }
        return read.asOptional();
    }

    /** The published versions the flow's subflow nodes pin, read (unknown ones are left out: the validator says so). */
    private FlowCatalog catalog(Flow flow) {
        Set<Key> pinned = new LinkedHashSet<>();
        for (Node n : flow.nodes()) {
            if (n.settings() instanceof SubflowSettings s && s.flow() != null && s.version() != null) {
                pinned.add(new Key(s.flow(), s.version()));
            }
        }
        List<FlowCatalog.Published> published = new ArrayList<>();
        for (Key k : pinned) {
            Version v = find(k.flowId(), k.version()).block(TIMEOUT);
            if (v == null) continue;
            ReadResult<Flow> r = toolkit.reader().read(v.json());
            r.asOptional().ifPresent(f -> published.add(new FlowCatalog.Published(f, k.version())));
        }
        return FlowCatalog.of(published);
    }

    private Mono<Version> find(String flowId, int version) {
        return store.version(flowId, version).onErrorResume(FlowStoreException.class,
                e -> e.reason() == FlowStoreException.Reason.NOT_FOUND ? Mono.empty() : Mono.error(e));
    }

    private Optional<CompiledFlow> failed(Key key, String why) {
        if (recentFailures.asMap().putIfAbsent(key, why) == null) {
            log.error("published flow '{}' version {} cannot run, so calls to it are not routed: {}", key.flowId(),
                    key.version(), why);
        }
        return Optional.empty();
    }

    private static String summary(List<ValidationIssue> issues) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(5, issues.size()); i++) {
            ValidationIssue issue = issues.get(i);
            if (i > 0) sb.append("; ");
            sb.append(issue.code()).append(" at ").append(issue.pointer()).append(": ").append(issue.message());
        }
        if (issues.size() > 5) sb.append("; ...");
        return sb.toString();
    }
}
