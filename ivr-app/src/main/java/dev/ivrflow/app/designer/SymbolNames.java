package dev.ivrflow.app.designer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ivrflow.app.flows.Draft;
import dev.ivrflow.app.flows.DraftStamp;
import dev.ivrflow.app.flows.FlowStore;
import dev.ivrflow.flow.json.FlowReader;
import dev.ivrflow.flow.model.Environment;
import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.model.Node;
import dev.ivrflow.flow.model.SymbolKind;
import dev.ivrflow.flow.model.SymbolRef;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The symbolic names the designer offers in its pickers (queues, gateways, prompts...), per kind: the names the
 * environment file declares, and the names the stored drafts already use, so that an installation without an
 * environment file still gets suggestions.
 *
 * <p>Cheap by construction: only the {@value #MAX_DRAFTS} most recently saved drafts are looked at, and a draft is
 * read (parsed and bound) once per revision; its names are remembered by id and revision, so an answer costs one
 * query for ids and revisions plus the drafts saved since the last answer. A draft that does not read as a flow
 * document (saved with schema errors) contributes no names.
 */
public final class SymbolNames {
    /** Drafts looked at per answer, the most recently saved first. */
    public static final int MAX_DRAFTS = 2_000;

    /** The names of one kind, and whether the environment declares the kind (then only its names resolve). */
    public record KindNames(boolean declared, List<String> names) {
        public KindNames {
            names = List.copyOf(names);
        }
    }

    /** The names one draft revision uses. */
    private record Used(long revision, Map<SymbolKind, Set<String>> names) {
    }

    private final FlowStore store;
    private final FlowReader reader;
    private final Environment environment;
    private final int maxDrafts;
    private final Cache<String, Used> used;

    public SymbolNames(FlowStore store, FlowReader reader, Environment environment, int maxDrafts) {
        this.store = store;
        this.reader = reader;
        this.environment = environment == null ? Environment.PASS_THROUGH : environment;
        this.maxDrafts = maxDrafts;
        // Twice the drafts looked at: room for every current draft, and deleted ones age out.
        this.used = Caffeine.newBuilder().maximumSize(2L * maxDrafts).build();
    }

    /** Every kind, in the order of {@link SymbolKind}, keyed by the flow schema's {@code x-widget} name. */
    public Mono<Map<String, KindNames>> names() {
        return store.recentDraftStamps(maxDrafts).collectList().flatMap(stamps -> {
            List<String> stale = new ArrayList<>();
            for (DraftStamp s : stamps) {
                Used u = used.getIfPresent(s.id());
                if (u == null || u.revision() != s.revision()) stale.add(s.id());
            }
            return store.drafts(stale)
                    .limitRate(16)
                    .concatMap(d -> Mono.fromRunnable(() -> used.put(d.id(), read(d))).subscribeOn(Schedulers.boundedElastic()), 1)
                    .then(Mono.fromCallable(() -> assemble(stamps)));
        });
    }

    /** The key of a kind in the answer: the flow schema's {@code x-widget} hint is {@code symbol:<key>}. */
    public static String widget(SymbolKind kind) {
        return switch (kind) {
            case QUEUE -> "queue";
            case GATEWAY -> "gateway";
            case PROMPT -> "prompt";
            case CALENDAR -> "calendar";
            case PROFILE -> "profile";
            case MAILBOX -> "mailbox";
            case CONFERENCE_PROFILE -> "conferenceProfile";
        };
    }

    private Map<String, KindNames> assemble(List<DraftStamp> stamps) {
        Map<SymbolKind, Set<String>> names = new EnumMap<>(SymbolKind.class);
        for (SymbolKind kind : SymbolKind.values()) names.put(kind, new TreeSet<>(environment.names(kind).keySet()));
        for (DraftStamp s : stamps) {
            Used u = used.getIfPresent(s.id());
            if (u != null) u.names().forEach((kind, inDraft) -> names.get(kind).addAll(inDraft));
        }
        Map<String, KindNames> out = new LinkedHashMap<>();
        for (SymbolKind kind : SymbolKind.values()) {
            out.put(widget(kind), new KindNames(environment.declares(kind), new ArrayList<>(names.get(kind))));
        }
        return out;
    }

    private Used read(Draft draft) {
        Map<SymbolKind, Set<String>> names = new EnumMap<>(SymbolKind.class);
        try {
            Flow flow = reader.read(draft.json()).asOptional().orElse(null);
            if (flow != null) {
                for (Node node : flow.nodes()) {
                    if (node.settings() == null) continue;
                    for (SymbolRef ref : node.settings().allReferences()) {
                        if (ref.name() != null && !ref.name().isBlank()) {
                            names.computeIfAbsent(ref.kind(), k -> new TreeSet<>()).add(ref.name());
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            // A draft that cannot be read offers no names; it never fails the answer.
        }
        return new Used(draft.revision(), names);
    }
}
