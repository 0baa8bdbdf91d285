package dev.ivrflow.flow.runtime;

import dev.ivrflow.flow.compile.FlowCompiler;
import dev.ivrflow.flow.expr.ExpressionEngine;
import dev.ivrflow.flow.model.*;
import dev.ivrflow.flow.nodes.StandardHandlers;
import dev.ivrflow.flow.port.FlowResolver;
import dev.ivrflow.flow.sim.SimCall;
import dev.ivrflow.flow.sim.SimulationResult;
import dev.ivrflow.flow.sim.Simulator;
import dev.ivrflow.flow.validate.ValidationReport;

import java.util.*;

/** Builds flows in code for interpreter tests, and runs them in the simulator. */
final class TestFlows {
    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, VariableDecl> variables = new LinkedHashMap<>();
    private String id = "test-flow";
    private String start;
    private String fallback;
    private List<String> languages;

    static TestFlows flow() {
        return new TestFlows();
    }

    TestFlows id(String newId) {
        id = newId;
        return this;
    }

    TestFlows fallback(String nodeId) {
        fallback = nodeId;
        return this;
    }

    TestFlows languages(String... langs) {
        languages = List.of(langs);
        return this;
    }

    TestFlows variable(String name, VariableType type) {
        variables.put(name, new VariableDecl(type, null, null));
        return this;
    }

    /** Adds a node; exits are given as name, target pairs. The first node added is the start. */
    TestFlows node(String nodeId, NodeType type, NodeSettings settings, String... exits) {
        Map<String, String> e = new LinkedHashMap<>();
        for (int i = 0; i + 1 < exits.length; i += 2) e.put(exits[i], exits[i + 1]);
        nodes.add(new Node(nodeId, type, null, settings, e));
        if (start == null) start = nodeId;
        return this;
    }

    Flow build() {
        return new Flow(Flow.SCHEMA, id, "Test flow", null, "en-US", languages, start, fallback, variables, nodes, null);
    }

    CompiledFlow compile() {
        return compile(build());
    }

    static CompiledFlow compile(Flow flow) {
        // Interpreter tests exercise the runtime's own safety nets, so they compile without the validator.
        return new FlowCompiler(new ExpressionEngine(), f -> new ValidationReport(List.of()), Environment.PASS_THROUGH)
                .compile(flow, 1).orElseThrow();
    }

    SimulationResult simulate(SimCall call) {
        return simulate(compile(), call, FlowResolver.NONE, RuntimeLimits.DEFAULT);
    }

    static SimulationResult simulate(CompiledFlow flow, SimCall call, FlowResolver resolver, RuntimeLimits limits) {
        Simulator sim = new Simulator(StandardHandlers.create(), resolver,
                new dev.ivrflow.flow.intent.LocalIntentClassifier(), limits);
        return sim.run(flow, call);
    }

    static Prompt tts(String text) {
        return new Prompt(Map.of("en-US", PromptVariant.tts(text)));
    }
}
