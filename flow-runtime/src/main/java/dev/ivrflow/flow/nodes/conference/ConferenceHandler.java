package dev.ivrflow.flow.nodes.conference;

import dev.ivrflow.flow.model.SymbolKind;
import dev.ivrflow.flow.runtime.NodeContext;
import dev.ivrflow.flow.runtime.NodeHandler;
import dev.ivrflow.flow.runtime.Step;

import java.util.Map;

/** Joins the room; the flow goes on when the caller leaves it. */
public final class ConferenceHandler implements NodeHandler<ConferenceSettings> {
    @Override
    public Step enter(NodeContext<ConferenceSettings> ctx) {
        ConferenceSettings s = ctx.settings();
        String room = ctx.render(s.room());
        String profile = ctx.resolve(SymbolKind.CONFERENCE_PROFILE, s.profile() == null ? "default" : s.profile());
        String pin = s.pin() == null ? null : ctx.render(s.pin());
        return Step.await(ctx.ports().channel().conference(room, profile, pin), left -> {
            ctx.putResult(Map.of("room", room));
            return Step.take("next");
        });
    }
}
