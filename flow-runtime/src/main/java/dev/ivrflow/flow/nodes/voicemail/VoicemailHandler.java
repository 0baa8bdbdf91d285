package dev.ivrflow.flow.nodes.voicemail;

import dev.ivrflow.flow.model.SymbolKind;
import dev.ivrflow.flow.runtime.NodeContext;
import dev.ivrflow.flow.runtime.NodeHandler;
import dev.ivrflow.flow.runtime.Step;

import java.util.Map;

/** Hands the caller to the mailbox the environment binds. */
public final class VoicemailHandler implements NodeHandler<VoicemailSettings> {
    @Override
    public Step enter(NodeContext<VoicemailSettings> ctx) {
        VoicemailSettings s = ctx.settings();
        String mailbox = ctx.resolve(SymbolKind.MAILBOX, s.mailbox());
        return Step.await(ctx.ports().channel().voicemail(mailbox, Boolean.TRUE.equals(s.skipGreeting())), done -> {
            ctx.putResult(Map.of("mailbox", mailbox));
            return Step.take("next");
        });
    }
}
