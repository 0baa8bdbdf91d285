package dev.ivrflow.flow.nodes.say;

import dev.ivrflow.flow.runtime.NodeContext;
import dev.ivrflow.flow.runtime.NodeHandler;
import dev.ivrflow.flow.runtime.Step;

import java.util.Map;

/** Speaks the text of the call's language (the default language's when it has none) with the synthesizer. */
public final class SayHandler implements NodeHandler<SaySettings> {
    @Override
    public Step enter(NodeContext<SaySettings> ctx) {
        SaySettings s = ctx.settings();
        return Step.await(ctx.ports().channel().play(ctx.audio(s.asPrompt()), s.bargeInOrDefault()), r -> {
            ctx.putResult(Map.of("digits", r.interruptedBy() == null ? "" : r.interruptedBy()));
            return Step.take("next");
        });
    }
}
