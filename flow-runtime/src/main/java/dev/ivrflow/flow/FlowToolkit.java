package dev.ivrflow.flow;

import dev.ivrflow.flow.calendar.CalendarEvaluator;
import dev.ivrflow.flow.compile.Compilation;
import dev.ivrflow.flow.compile.FlowCompiler;
import dev.ivrflow.flow.expr.ExpressionEngine;
import dev.ivrflow.flow.intent.LocalIntentClassifier;
import dev.ivrflow.flow.json.FlowReader;
import dev.ivrflow.flow.json.FlowWriter;
import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.nodes.NodeValidators;
import dev.ivrflow.flow.nodes.StandardHandlers;
import dev.ivrflow.flow.port.FlowResolver;
import dev.ivrflow.flow.port.IntentClassifier;
import dev.ivrflow.flow.runtime.NodeHandlers;
import dev.ivrflow.flow.runtime.RuntimeLimits;
import dev.ivrflow.flow.sim.Simulator;
import dev.ivrflow.flow.validate.FlowValidator;
import dev.ivrflow.flow.validate.ValidationOptions;
import dev.ivrflow.flow.validate.ValidationReport;

/**
 * The flow core wired together once: reader, canonical writer, validator, compiler and handlers. The command line,
 * the flow tests and the application each hold one; all of it is thread-safe.
 */
public final class FlowToolkit {
    private final ExpressionEngine expressions = new ExpressionEngine();
    private final FlowReader reader = new FlowReader();
    private final FlowWriter writer = new FlowWriter();
    private final FlowValidator validator = new FlowValidator(NodeValidators.standard(), expressions);
    private final NodeHandlers handlers = StandardHandlers.create(new CalendarEvaluator());

    public FlowReader reader() {
        return reader;
    }

    public FlowWriter writer() {
        return writer;
    }

    public ExpressionEngine expressions() {
        return expressions;
    }

    public NodeHandlers handlers() {
        return handlers;
    }

    public ValidationReport validate(Flow flow, ValidationOptions options) {
        return validator.validate(flow, options);
    }

    /** Validates (with the options' subflow catalog and environment), then compiles when there are no errors. */
    public Compilation compile(Flow flow, int version, ValidationOptions options) {
        return new FlowCompiler(expressions, f -> validator.validate(f, options), options.environment()).compile(flow, version);
    }

    public Simulator simulator(FlowResolver flows) {
        return simulator(flows, new LocalIntentClassifier(), RuntimeLimits.DEFAULT);
    }

    public Simulator simulator(FlowResolver flows, IntentClassifier classifier, RuntimeLimits limits) {
        return new Simulator(handlers, flows, classifier, limits);
    }
}
