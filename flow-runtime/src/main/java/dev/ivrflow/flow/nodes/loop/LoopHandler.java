package dev.ivrflow.flow.nodes.loop;

import dev.ivrflow.flow.runtime.NodeContext;
import dev.ivrflow.flow.runtime.NodeHandler;
import dev.ivrflow.flow.runtime.Step;

import java.util.Map;

/** Counts visits per call: {@code body} while under {@code times}, then {@code done} and a reset. */
public final class LoopHandler implements NodeHandler<LoopSettings> {
    private static final String COUNT = "count";

    @Override
    public Step enter(NodeContext<LoopSettings> ctx) {
        LoopSettings s = ctx.settings();
        Map<String, Object> state = ctx.nodeState();
        int done = (int) state.getOrDefault(COUNT, 0);
        if (done < s.times()) {
            state.put(COUNT, done + 1);
            if (s.counter() != null) ctx.setVariable(s.counter(), (long) (done + 1));
            ctx.putResult(Map.of("iteration", done + 1));
            return Step.take("body");
        }
        state.remove(COUNT);
        ctx.putResult(Map.of("iteration", done));
        return Step.take("done");
    }
}
