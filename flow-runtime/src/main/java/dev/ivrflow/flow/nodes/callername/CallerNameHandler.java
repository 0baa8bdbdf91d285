package dev.ivrflow.flow.nodes.callername;

import dev.ivrflow.flow.runtime.NodeContext;
import dev.ivrflow.flow.runtime.NodeHandler;
import dev.ivrflow.flow.runtime.Step;

import java.util.Map;

/** Sets the caller name agents see ({@code effective_caller_id_name} on FreeSWITCH). */
public final class CallerNameHandler implements NodeHandler<CallerNameSettings> {
    public static final String CHANNEL_VARIABLE = "effective_caller_id_name";

    @Override
    public Step enter(NodeContext<CallerNameSettings> ctx) {
        String name = ctx.render(ctx.settings().name());
        return Step.await(ctx.ports().channel().setVariable(CHANNEL_VARIABLE, name), done -> {
            ctx.putResult(Map.of("name", name));
            return Step.take("next");
        });
    }
}
