package dev.ivrflow.flow.nodes.set;

import dev.ivrflow.flow.runtime.NodeContext;
import dev.ivrflow.flow.runtime.NodeFailure;
import dev.ivrflow.flow.runtime.NodeHandler;
import dev.ivrflow.flow.runtime.Step;

/** Assigns in order, so a later value can use an earlier one; {@code call.language} switches the language. */
public final class SetHandler implements NodeHandler<SetSettings> {
    @Override
    public Step enter(NodeContext<SetSettings> ctx) {
        for (Assignment a : ctx.settings().assignOrEmpty()) {
            if (Assignment.CALL_LANGUAGE.equals(a.variable())) {
                Object value = ctx.evaluate(a.value());
                if (!(value instanceof String lang) || lang.isBlank()) {
                    throw new NodeFailure("call.language must be set to a language tag, got " + value);
                }
                ctx.setLanguage(lang);
            } else {
                ctx.setVariable(a.variable(), ctx.evaluateFor(a.variable(), a.value()));
            }
        }
        return Step.take("next");
    }
}
