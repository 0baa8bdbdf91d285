package dev.ivrflow.flow.flowtest;

import dev.ivrflow.flow.FlowToolkit;
import dev.ivrflow.flow.compile.Compilation;
import dev.ivrflow.flow.json.DocumentError;
import dev.ivrflow.flow.json.EnvironmentReader;
import dev.ivrflow.flow.json.ReadResult;
import dev.ivrflow.flow.model.Environment;
import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.sim.SimCall;
import dev.ivrflow.flow.sim.SimulationResult;
import dev.ivrflow.flow.sim.Simulator;
import dev.ivrflow.flow.validate.ValidationIssue;
import dev.ivrflow.flow.validate.ValidationOptions;
import dev.ivrflow.flow.workspace.FlowWorkspace;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a flow's test file: every scenario is a simulated call with the real interpreter on a manual clock. Subflows
 * resolve to the workspace's flow files. Problems with the files themselves are reported as errors, never thrown.
 */
public final class FlowTestRunner {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final FlowToolkit toolkit;

    public FlowTestRunner(FlowToolkit toolkit) {
        this.toolkit = toolkit;
    }

    public SuiteResult run(Path testFile, FlowWorkspace workspace) {
        List<String> errors = new ArrayList<>();
        FlowTestFile tests = readTests(testFile, errors);
        if (tests == null) return failed(testFile, null, errors);

        Path flowPath = testFile.resolveSibling(tests.flow() != null ? tests.flow()
                : testFile.getFileName().toString().replace(FlowWorkspace.TEST_SUFFIX, FlowWorkspace.FLOW_SUFFIX));
        ReadResult<Flow> read = toolkit.reader().read(flowPath);
        if (!read.isValid()) {
            read.errors().forEach(e -> errors.add(flowPath.getFileName() + describe(e)));
            return failed(testFile, null, errors);
        }
        Flow flow = read.asOptional().orElseThrow();

        Environment environment = Environment.PASS_THROUGH;
        if (tests.environment() != null) {
            Path envPath = testFile.resolveSibling(tests.environment());
            ReadResult<Environment> env = new EnvironmentReader().read(envPath);
            if (!env.isValid()) {
                env.errors().forEach(e -> errors.add(envPath.getFileName() + describe(e)));
                return failed(testFile, flow.id(), errors);
            }
            environment = env.asOptional().orElseThrow();
        }

        ValidationOptions options = new ValidationOptions(workspace.catalog(), environment);
        Compilation compilation = toolkit.compile(flow, 1, options);
        if (!compilation.succeeded()) {
            for (ValidationIssue i : compilation.report().errors()) {
                errors.add(flowPath.getFileName() + ": " + i.pointer() + ": " + i.code() + ": " + i.message());
            }
            return failed(testFile, flow.id(), errors);
        }
        Simulator simulator = toolkit.simulator(workspace.resolver(toolkit, options));

        List<ScenarioResult> results = new ArrayList<>();
        List<SimulationResult> runs = new ArrayList<>();
        List<Scenario> scenarios = tests.scenariosOrEmpty();
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario s = scenarios.get(i);
            String name = s.name() == null ? "scenario " + (i + 1) : s.name();
            SimCall call;
            try {
                call = s.toSimCall();
            } catch (DateTimeParseException e) {
                results.add(new ScenarioResult(name, List.of("/scenarios/" + i + "/at: expected a date-time with an"
                        + " offset such as 2026-03-02T10:00:00+01:00, found \"" + s.at() + "\""), null));
                continue;
            }
            SimulationResult r = simulator.run(compilation.orElseThrow(), call);
            runs.add(r);
            results.add(new ScenarioResult(name, Expectations.check(s.expect(), r), r));
        }
        return new SuiteResult(testFile, flow.id(), List.of(), results, ExitCoverage.of(flow, runs));
    }

    private static FlowTestFile readTests(Path file, List<String> errors) {
        try {
            return JSON.readValue(Files.readAllBytes(file), FlowTestFile.class);
        } catch (JacksonException e) {
            errors.add(file.getFileName() + ": " + pointer(e) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            errors.add(file.getFileName() + ": cannot read: " + e.getMessage());
        }
        return null;
    }

    private static String pointer(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            sb.append('/').append(r.getPropertyName() != null ? r.getPropertyName() : String.valueOf(r.getIndex()));
        }
        return sb.isEmpty() ? "/" : sb.toString();
    }

    private static String describe(DocumentError e) {
        return ": " + (e.pointer().isEmpty() ? "/" : e.pointer()) + ": " + e.message();
    }

    private static SuiteResult failed(Path file, String flowId, List<String> errors) {
        return new SuiteResult(file, flowId, List.copyOf(errors), List.of(), null);
    }
}
