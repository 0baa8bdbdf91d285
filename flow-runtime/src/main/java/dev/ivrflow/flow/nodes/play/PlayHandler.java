package dev.ivrflow.flow.nodes.play;

import dev.ivrflow.flow.runtime.NodeContext;
import dev.ivrflow.flow.runtime.NodeHandler;
import dev.ivrflow.flow.runtime.Step;

import java.util.HashMap;
import java.util.Map;

/** Plays the prompt; with barge-in, the key that stopped it is kept as {@code nodes.<id>.digits}. */
public final class PlayHandler implements NodeHandler<PlaySettings> {
    @Override
    public Step enter(NodeContext<PlaySettings> ctx) {
        PlaySettings s = ctx.settings();
        return Step.await(ctx.ports().channel().play(ctx.audio(s.prompt()), s.bargeInOrDefault()), r -> {
            Map<String, Object> result = new HashMap<>();
            result.put("digits", r.interruptedBy() == null ? "" : r.interruptedBy());
            ctx.putResult(result);
            return Step.take("next");
        });
    }
}
