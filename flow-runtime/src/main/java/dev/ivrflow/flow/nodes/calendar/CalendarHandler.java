package dev.ivrflow.flow.nodes.calendar;

import dev.ivrflow.flow.calendar.CalendarDecision;
import dev.ivrflow.flow.calendar.CalendarEvaluator;
import dev.ivrflow.flow.calendar.CalendarSpec;
import dev.ivrflow.flow.runtime.JournalEvent.Kind;
import dev.ivrflow.flow.runtime.NodeContext;
import dev.ivrflow.flow.runtime.NodeFailure;
import dev.ivrflow.flow.runtime.NodeHandler;
import dev.ivrflow.flow.runtime.Step;

import java.util.Map;

/** Decides open, closed, holiday or a named range at the clock's current instant. */
public final class CalendarHandler implements NodeHandler<CalendarSettings> {
    private final CalendarEvaluator evaluator;

    public CalendarHandler(CalendarEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    @Override
    public Step enter(NodeContext<CalendarSettings> ctx) {
        CalendarSettings s = ctx.settings();
        CalendarSpec spec = s.calendar() != null ? s.calendar() : ctx.environment().calendar(s.ref()).orElseThrow(() ->
                new NodeFailure("the environment has no calendar named '" + s.ref() + "'"));
        CalendarDecision d = evaluator.evaluate(spec, ctx.now());
        if (d.isError()) throw new NodeFailure("calendar cannot decide: " + d.reason());
        ctx.putResult(Map.of("decision", d.exit(), "reason", d.reason()));
        ctx.journal(Kind.DECISION, Map.of("decision", d.exit(), "reason", d.reason(), "at", ctx.now().toString()));
        return Step.take(d.exit());
    }
}
