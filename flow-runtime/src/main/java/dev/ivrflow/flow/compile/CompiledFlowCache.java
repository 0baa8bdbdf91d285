package dev.ivrflow.flow.compile;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.ivrflow.flow.port.FlowResolver;
import dev.ivrflow.flow.runtime.CompiledFlow;

import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Compiled flows by (flow id, version), with Caffeine. Published versions never change, so an entry never goes
 * stale; the bound only limits memory. A miss loads and compiles through the given function; a flow that is not
 * found is not cached, so a version published a moment later is found next time.
 */
public final class CompiledFlowCache implements FlowResolver {
    public record Key(String flowId, int version) {
    }

    private final LoadingCache<Key, CompiledFlow> cache;

    public CompiledFlowCache(long maximumSize, BiFunction<String, Integer, Optional<CompiledFlow>> loader) {
        this.cache = Caffeine.newBuilder().maximumSize(maximumSize)
                .build(key -> loader.apply(key.flowId(), key.version()).orElse(null));
    }

    @Override
    public Optional<CompiledFlow> resolve(String flowId, int version) {
        return Optional.ofNullable(cache.get(new Key(flowId, version)));
    }

    public void invalidate(String flowId, int version) {
        cache.invalidate(new Key(flowId, version));
    }

    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
