package dev.ivrflow.esl.e2e;

import dev.ivrflow.esl.channel.EslChannelSettings;
import dev.ivrflow.esl.fssim.FreeSwitchSimulator;
import dev.ivrflow.esl.fssim.FsCallLog;
import dev.ivrflow.esl.fssim.FsScript;
import dev.ivrflow.esl.fssim.LoopbackRuntime;
import dev.ivrflow.esl.fssim.SimulatedCall;
import dev.ivrflow.esl.fssim.TestFlows;
import dev.ivrflow.esl.fssim.VirtualClock;
import dev.ivrflow.esl.outbound.CallServices;
import dev.ivrflow.esl.speech.TestSpeech;
import dev.ivrflow.esl.outbound.CallStart;
import dev.ivrflow.esl.outbound.OutboundSettings;
import dev.ivrflow.flow.FlowToolkit;
import dev.ivrflow.flow.compile.Compilation;
import dev.ivrflow.flow.flowtest.FlowTestFile;
import dev.ivrflow.flow.flowtest.Scenario;
import dev.ivrflow.flow.intent.LocalIntentClassifier;
import dev.ivrflow.flow.json.EnvironmentReader;
import dev.ivrflow.flow.json.ReadResult;
import dev.ivrflow.flow.model.Environment;
import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.port.FlowResolver;
import dev.ivrflow.flow.port.SpeechRecognizer;
import dev.ivrflow.flow.port.SpeechSynthesizer;
import dev.ivrflow.flow.runtime.CallSession;
import dev.ivrflow.flow.runtime.CompiledFlow;
import dev.ivrflow.flow.runtime.JournalEvent;
import dev.ivrflow.flow.runtime.RuntimeLimits;
import dev.ivrflow.flow.sim.InMemoryRecordings;
import dev.ivrflow.flow.sim.ScriptedHttp;
import dev.ivrflow.flow.sim.SimAction;
import dev.ivrflow.flow.sim.SimCall;
import dev.ivrflow.flow.sim.SimulationResult;
import dev.ivrflow.flow.validate.ValidationOptions;
import dev.ivrflow.flow.workspace.FlowWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every scenario of every example flow test ({@code flows-examples/flows/*.test.json}) runs twice: in the in-memory
 * simulator, and through the FreeSWITCH simulator over real loopback sockets with the outbound server, the
 * connection and {@code EslCallChannel} in between. Both must take the same path (from the journal), end for the
 * same reason, ask for equivalent actions (the in-memory actions mapped to the FreeSWITCH applications that
 * carry them out) and let the caller hear the same prompts. A difference is a real finding: it is reported, not smoothed over.
 */
class ExampleFlowsOverSocketsTest {
    private static final Path FLOWS = Path.of("..", "flows-examples", "flows");
    private static final FlowToolkit TOOLKIT = TestFlows.TOOLKIT;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private static LoopbackRuntime runtime;
    private static FreeSwitchSimulator freeswitch;

    @BeforeAll
    static void startRuntime() throws InterruptedException {
        runtime = new LoopbackRuntime(OutboundSettings.DEFAULT, TestSpeech.examples());
        freeswitch = new FreeSwitchSimulator(runtime.address());
    }

    @AfterAll
    static void stopRuntime() {
        freeswitch.close();
        runtime.close();
    }

    @TestFactory
    List<DynamicNode> everyExampleScenarioTakesTheSamePathOverSockets() throws Exception {
        FlowWorkspace workspace = FlowWorkspace.load(TOOLKIT.reader(), List.of(FLOWS));
        List<Path> testFiles = FlowWorkspace.expand(List.of(FLOWS), FlowWorkspace.TEST_SUFFIX);
        assertThat(testFiles).as("example flow tests in %s", FLOWS.toAbsolutePath()).hasSizeGreaterThanOrEqualTo(5);
        List<DynamicNode> suites = new ArrayList<>();
        for (Path testFile : testFiles) {
            FlowTestFile tests = JSON.readValue(Files.readAllBytes(testFile), FlowTestFile.class);
            Path flowPath = testFile.resolveSibling(tests.flow() != null ? tests.flow()
                    : testFile.getFileName().toString().replace(FlowWorkspace.TEST_SUFFIX, FlowWorkspace.FLOW_SUFFIX));
            Flow flow = TOOLKIT.reader().read(flowPath).asOptional().orElseThrow();
            Environment environment = Environment.PASS_THROUGH;
            if (tests.environment() != null) {
                ReadResult<Environment> env = new EnvironmentReader().read(testFile.resolveSibling(tests.environment()));
                environment = env.asOptional().orElseThrow();
            }
            ValidationOptions options = new ValidationOptions(workspace.catalog(), environment);
            Compilation compilation = TOOLKIT.compile(flow, 1, options);
            assertThat(compilation.succeeded()).as("%s compiles", flowPath).isTrue();
            CompiledFlow compiled = compilation.orElseThrow();
            FlowResolver subflows = workspace.resolver(TOOLKIT, options);
            List<DynamicNode> scenarios = new ArrayList<>();
            List<Scenario> list = tests.scenariosOrEmpty();
            for (int i = 0; i < list.size(); i++) {
                Scenario s = list.get(i);
                String name = s.name() == null ? "scenario " + (i + 1) : s.name();
                scenarios.add(DynamicTest.dynamicTest(name, () -> sameOverSockets(compiled, subflows, s.toSimCall())));
            }
            suites.add(DynamicContainer.dynamicContainer(testFile.getFileName().toString(), scenarios));
        }
        return suites;
    }

    private static void sameOverSockets(CompiledFlow flow, FlowResolver subflows, SimCall call) throws Exception {
        SimulationResult inMemory = TOOLKIT.simulator(subflows).run(flow, call);

        VirtualClock clock = new VirtualClock(call.at());
        SimulatedCall fsCall = freeswitch.prepare(call, FsScript.none(), clock);
        List<JournalEvent> journal = new CopyOnWriteArrayList<>();
        List<SimAction> httpActions = new CopyOnWriteArrayList<>();
        CallServices services = new CallServices(SpeechRecognizer.viaChannel(), SpeechSynthesizer.fixed("sim", null),
                new LocalIntentClassifier(), new ScriptedHttp(call.world().http(), httpActions::add),
                clock, journal::add, new InMemoryRecordings(), subflows);
        runtime.expect(fsCall.uuid(), new CallStart(flow, TOOLKIT.handlers(), services, RuntimeLimits.DEFAULT));
        freeswitch.start(fsCall);
        CallSession session = runtime.runUntilEnded(fsCall.uuid(), clock, CALL_TIMEOUT);
        FsCallLog log = fsCall.awaitEnd(CALL_TIMEOUT);

        List<String> journalPath = journal.stream().filter(e -> e.kind() == JournalEvent.Kind.NODE_ENTERED)
                .map(e -> e.flowId().equals(flow.id()) ? e.nodeId() : e.flowId() + "/" + e.nodeId()).toList();
        // What the call did, for a failure message that can be acted on: path, end, and what FreeSWITCH ran.
        String seen = "session path " + session.path() + ", ended: " + session.endReason() + "; FreeSWITCH ran "
                + log.apps() + "; clock at " + clock.now();
        assertThat(journalPath).as("path over sockets (journal) vs in memory; %s", seen).isEqualTo(inMemory.path());
        assertThat(session.path()).as("session path").isEqualTo(inMemory.path());
        assertThat(session.endReason()).as("end reason").isEqualTo(inMemory.endReason());
        assertThat(ActionMapping.fromSwitch(log.executions()))
                .as("FreeSWITCH applications %s vs in-memory actions %s", log.apps(), inMemory.actionNames())
                .isEqualTo(ActionMapping.fromInMemory(inMemory.actions()));
        String beep = "tone:" + EslChannelSettings.DEFAULT.beep().substring("tone_stream://".length());
        assertThat(log.heard().stream().map(h -> h.equals(beep) ? "tone:beep" : h).toList())
                .as("what the caller heard").isEqualTo(inMemory.heard());
        assertThat(httpActions).as("HTTP requests").isEqualTo(
                inMemory.actions().stream().filter(a -> a.action().equals("http")).toList());
        assertThat(log.failure()).as("simulator problems").isNull();
        assertThat(log.exitReceived() || log.transferredTo() != null).as("the socket was released with exit").isTrue();
    }
}
