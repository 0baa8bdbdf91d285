package dev.ivrflow.examples;

import dev.ivrflow.flow.FlowToolkit;
import dev.ivrflow.flow.flowtest.FlowTestRunner;
import dev.ivrflow.flow.flowtest.ScenarioResult;
import dev.ivrflow.flow.flowtest.SuiteResult;
import dev.ivrflow.flow.json.FlowFormatter;
import dev.ivrflow.flow.validate.ValidationIssue;
import dev.ivrflow.flow.validate.ValidationOptions;
import dev.ivrflow.flow.validate.ValidationReport;
import dev.ivrflow.flow.workspace.FlowFile;
import dev.ivrflow.flow.workspace.FlowWorkspace;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build validates every example flow, checks it is canonical, runs every scenario of its test file as a JUnit
 * dynamic test, and requires the scenarios to take every wired exit.
 */
class ExampleFlowsTest {
    private static final Path FLOWS = Path.of("flows");
    private static final FlowToolkit TOOLKIT = new FlowToolkit();
    private static final FlowWorkspace WORKSPACE = FlowWorkspace.load(TOOLKIT.reader(), List.of(FLOWS));

    @TestFactory
    List<DynamicNode> everyExampleFlowIsValidAndCanonical() {
        assertThat(WORKSPACE.files()).as("example flows in %s", FLOWS.toAbsolutePath()).hasSizeGreaterThanOrEqualTo(5);
        List<DynamicNode> tests = new ArrayList<>();
        for (FlowFile f : WORKSPACE.files()) {
            tests.add(DynamicTest.dynamicTest(f.path().getFileName() + " has no errors", () -> {
                assertThat(f.errors()).as("document errors").isEmpty();
                ValidationReport report = TOOLKIT.validate(f.flow(), new ValidationOptions(WORKSPACE.catalog(), null));
                assertThat(report.errors()).as(describe(report.errors())).isEmpty();
                assertThat(report.warnings()).as(describe(report.warnings())).isEmpty();
            }));
            tests.add(DynamicTest.dynamicTest(f.path().getFileName() + " is canonical", () ->
                    assertThat(new FlowFormatter().isCanonical(Files.readAllBytes(f.path())))
                            .as("run: ./ivr flow fmt %s", f.path()).isTrue()));
        }
        return tests;
    }

    @TestFactory
    List<DynamicNode> everyScenarioOfEveryExamplePasses() {
        List<Path> testFiles = FlowWorkspace.expand(List.of(FLOWS), FlowWorkspace.TEST_SUFFIX);
        assertThat(testFiles).hasSameSizeAs(WORKSPACE.files());
        FlowTestRunner runner = new FlowTestRunner(TOOLKIT);
        List<DynamicNode> suites = new ArrayList<>();
        for (Path t : testFiles) {
            SuiteResult suite = runner.run(t, WORKSPACE);
            List<DynamicNode> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest("the test file and its flow load", () ->
                    assertThat(suite.errors()).isEmpty()));
            for (ScenarioResult s : suite.scenarios()) {
                tests.add(DynamicTest.dynamicTest(s.name(), () ->
                        assertThat(s.failures()).as("path was %s", s.result() == null ? "-" : s.result().path()).isEmpty()));
            }
            if (suite.coverage() != null) {
                tests.add(DynamicTest.dynamicTest("the scenarios take every wired exit", () ->
                        assertThat(suite.coverage().untaken()).isEmpty()));
            }
            suites.add(DynamicContainer.dynamicContainer(t.getFileName().toString(), tests));
        }
        return suites;
    }

    private static String describe(List<ValidationIssue> issues) {
        return issues.stream().map(i -> i.code() + " " + i.pointer() + ": " + i.message()).collect(Collectors.joining("\n"));
    }
}
