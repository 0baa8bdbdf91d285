package dev.ivrflow.flow.compile;

import dev.ivrflow.flow.expr.CompiledExpression;
import dev.ivrflow.flow.expr.CompiledTemplate;
import dev.ivrflow.flow.expr.ExpressionEngine;
import dev.ivrflow.flow.expr.ExpressionScope;
import dev.ivrflow.flow.model.Environment;
import dev.ivrflow.flow.model.ExpressionRef;
import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.model.Node;
import dev.ivrflow.flow.model.VariableType;
import dev.ivrflow.flow.runtime.CompiledFlow;
import dev.ivrflow.flow.runtime.CompiledNode;
import dev.ivrflow.flow.validate.ValidationReport;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Validate, then compile: only a flow with no validation errors is compiled, and compiling does everything the
 * interpreter would otherwise do per call: expressions and templates compiled, nodes indexed, exits resolved.
 */
public final class FlowCompiler {
    private final ExpressionEngine engine;
    private final Function<Flow, ValidationReport> validator;
    private final Environment environment;

    public FlowCompiler(ExpressionEngine engine, Function<Flow, ValidationReport> validator, Environment environment) {
        this.engine = engine;
        this.validator = validator;
        this.environment = environment == null ? Environment.PASS_THROUGH : environment;
    }

    public Compilation compile(Flow flow, int version) {
        ValidationReport report = validator.apply(flow);
        if (report.hasErrors()) return new Compilation(null, report);
        ExpressionScope scope = scopeOf(flow);
        Map<String, CompiledExpression> expressions = new HashMap<>();
        Map<String, CompiledTemplate> templates = new HashMap<>();
        Map<String, CompiledNode> nodes = new LinkedHashMap<>();
        for (Node node : flow.nodes()) {
            for (ExpressionRef ref : node.settings().allExpressions()) {
                if (ref.source() == null) continue;
                switch (ref.kind()) {
                    case EXPRESSION -> expressions.computeIfAbsent(ref.source(),
                            src -> engine.compile(src, scope).orElseThrow());
                    case TEMPLATE -> templates.computeIfAbsent(ref.source(),
                            src -> engine.compileTemplate(src, scope).orElseThrow());
                }
            }
            nodes.put(node.id(), new CompiledNode(node));
        }
        CompiledFlow compiled = new CompiledFlow(flow, version, nodes, new CelFlowExpressions(expressions, templates),
                environment);
        return new Compilation(compiled, report);
    }

    public static ExpressionScope scopeOf(Flow flow) {
        Map<String, VariableType> types = new LinkedHashMap<>();
        flow.variablesOrEmpty().forEach((name, decl) -> types.put(name, decl.type()));
        return ExpressionScope.of(types);
    }
}
