package dev.ivrflow.flow.compile;

import dev.ivrflow.flow.runtime.CompiledFlow;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class CompiledFlowCacheTest {

    @Test
    void shouldCompileAPublishedVersionOnceAndServeItFromTheCacheAfterwards() {
        AtomicInteger loads = new AtomicInteger();
        CompiledFlow compiled = new CompiledFlow(null, 3, Map.of(), null, null);
        CompiledFlowCache cache = new CompiledFlowCache(100, (id, v) -> {
            loads.incrementAndGet();
            return Optional.of(compiled);
        });

        assertThat(cache.resolve("main", 3)).containsSame(compiled);
        assertThat(cache.resolve("main", 3)).containsSame(compiled);

        assertThat(loads).hasValue(1);
    }

    @Test
    void shouldNotRememberAVersionThatWasNotFoundSoALaterPublishIsSeen() {
        Map<String, CompiledFlow> published = new HashMap<>();
        CompiledFlowCache cache = new CompiledFlowCache(100, (id, v) -> Optional.ofNullable(published.get(id + "@" + v)));

        assertThat(cache.resolve("main", 4)).isEmpty();
        CompiledFlow v4 = new CompiledFlow(null, 4, Map.of(), null, null);
        published.put("main@4", v4);

        assertThat(cache.resolve("main", 4)).containsSame(v4);
    }
}
