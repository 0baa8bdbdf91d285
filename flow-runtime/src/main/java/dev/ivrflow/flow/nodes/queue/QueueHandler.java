package dev.ivrflow.flow.nodes.queue;

import dev.ivrflow.flow.model.SymbolKind;
import dev.ivrflow.flow.port.QueueRequest;
import dev.ivrflow.flow.port.QueueResult;
import dev.ivrflow.flow.runtime.JournalEvent.Kind;
import dev.ivrflow.flow.runtime.NodeContext;
import dev.ivrflow.flow.runtime.NodeHandler;
import dev.ivrflow.flow.runtime.Step;

import java.time.Duration;
import java.util.Map;

/** Waits in the queue and maps how the caller left it onto the exits. */
public final class QueueHandler implements NodeHandler<QueueSettings> {

    @Override
    public Step enter(NodeContext<QueueSettings> ctx) {
        QueueSettings s = ctx.settings();
        QueueRequest request = new QueueRequest(ctx.resolve(SymbolKind.QUEUE, s.queue()),
                Duration.ofSeconds(s.maxWaitOrDefault()), Boolean.TRUE.equals(s.announcePosition()),
                Boolean.TRUE.equals(s.announceEstimatedWait()), Duration.ofSeconds(s.announceEveryOrDefault()),
                s.callbackOffered() ? s.callbackDigitOrDefault() : null, s.exitDigit());
        return Step.await(ctx.ports().channel().enterQueue(request), r -> outcome(ctx, r));
    }

    private Step outcome(NodeContext<QueueSettings> ctx, QueueResult r) {
        String exit = switch (r.outcome()) {
            case ANSWERED -> "answered";
            case TIMEOUT -> "timeout";
            case NO_AGENTS -> "noAgents";
            case FULL -> "full";
            case ABANDONED -> "abandoned";
            case CALLBACK -> "callback";
        };
        ctx.putResult(Map.of("outcome", exit, "agent", r.agent() == null ? "" : r.agent()));
        ctx.journal(Kind.INPUT, Map.of("queue", exit));
        return Step.take(exit);
    }
}
