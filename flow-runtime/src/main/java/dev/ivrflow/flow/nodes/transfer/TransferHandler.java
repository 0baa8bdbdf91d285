package dev.ivrflow.flow.nodes.transfer;

import dev.ivrflow.flow.model.SymbolKind;
import dev.ivrflow.flow.port.BridgeRequest;
import dev.ivrflow.flow.port.BridgeResult;
import dev.ivrflow.flow.runtime.JournalEvent.Kind;
import dev.ivrflow.flow.runtime.NodeContext;
import dev.ivrflow.flow.runtime.NodeHandler;
import dev.ivrflow.flow.runtime.Step;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** Bridges and maps how it ended onto the exits, or hands the call to the dialplan (blind). */
public final class TransferHandler implements NodeHandler<TransferSettings> {

    @Override
    public Step enter(NodeContext<TransferSettings> ctx) {
        TransferSettings s = ctx.settings();
        String to = ctx.render(s.to());
        if (s.blind()) {
            return Step.await(ctx.ports().channel().blindTransfer(to, s.contextOrDefault()).handle((ok, error) -> error),
                    error -> {
                        if (error == null) return Step.end("transferred to " + to + " in context " + s.contextOrDefault());
                        ctx.putResult(Map.of("outcome", "failed", "cause", String.valueOf(error.getMessage())));
                        return Step.take("failed");
                    });
        }
        BridgeRequest.Kind kind = BridgeRequest.Kind.valueOf(s.kindOrDefault().toUpperCase(Locale.ROOT));
        String gateway = s.gateway() == null ? null : ctx.resolve(SymbolKind.GATEWAY, s.gateway());
        BridgeRequest request = new BridgeRequest(kind, to, gateway, Duration.ofSeconds(s.timeoutOrDefault()),
                s.callerIdNumber() == null ? null : ctx.render(s.callerIdNumber()),
                s.callerIdName() == null ? null : ctx.render(s.callerIdName()));
        return Step.await(ctx.ports().channel().bridge(request), r -> outcome(ctx, r));
    }

    private Step outcome(NodeContext<TransferSettings> ctx, BridgeResult r) {
        String exit = switch (r.outcome()) {
            case ANSWERED -> "answered";
            case BUSY -> "busy";
            case NO_ANSWER -> "noAnswer";
            case FAILED -> "failed";
        };
        ctx.putResult(Map.of("outcome", exit, "cause", r.cause() == null ? "" : r.cause()));
        ctx.journal(Kind.INPUT, Map.of("bridge", exit, "cause", r.cause() == null ? "" : r.cause()));
        return Step.take(exit);
    }
}
