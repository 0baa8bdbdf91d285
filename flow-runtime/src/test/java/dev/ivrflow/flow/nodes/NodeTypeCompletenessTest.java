package dev.ivrflow.flow.nodes;

import dev.ivrflow.flow.FlowToolkit;
import dev.ivrflow.flow.calendar.CalendarSpec;
import dev.ivrflow.flow.compile.Compilation;
import dev.ivrflow.flow.model.*;
import dev.ivrflow.flow.nodes.ask.AskSettings;
import dev.ivrflow.flow.nodes.ask.Grammar;
import dev.ivrflow.flow.nodes.calendar.CalendarSettings;
import dev.ivrflow.flow.nodes.callername.CallerNameSettings;
import dev.ivrflow.flow.nodes.condition.ConditionCase;
import dev.ivrflow.flow.nodes.condition.ConditionSettings;
import dev.ivrflow.flow.nodes.conference.ConferenceSettings;
import dev.ivrflow.flow.nodes.echo.EchoSettings;
import dev.ivrflow.flow.nodes.gotonode.GotoSettings;
import dev.ivrflow.flow.nodes.hangup.HangupSettings;
import dev.ivrflow.flow.nodes.http.HttpSettings;
import dev.ivrflow.flow.nodes.input.InputSettings;
import dev.ivrflow.flow.nodes.intent.IntentDef;
import dev.ivrflow.flow.nodes.intent.IntentSettings;
import dev.ivrflow.flow.nodes.loop.LoopSettings;
import dev.ivrflow.flow.nodes.maxduration.MaxDurationSettings;
import dev.ivrflow.flow.nodes.menu.MenuOption;
import dev.ivrflow.flow.nodes.menu.MenuSettings;
import dev.ivrflow.flow.nodes.play.PlaySettings;
import dev.ivrflow.flow.nodes.queue.QueueSettings;
import dev.ivrflow.flow.nodes.record.RecordSettings;
import dev.ivrflow.flow.nodes.say.SaySettings;
import dev.ivrflow.flow.nodes.set.Assignment;
import dev.ivrflow.flow.nodes.set.SetSettings;
import dev.ivrflow.flow.nodes.subflow.SubflowSettings;
import dev.ivrflow.flow.nodes.transfer.TransferSettings;
import dev.ivrflow.flow.nodes.voicemail.VoicemailSettings;
import dev.ivrflow.flow.nodes.wait.WaitSettings;
import dev.ivrflow.flow.port.FlowResolver;
import dev.ivrflow.flow.runtime.JournalEvent;
import dev.ivrflow.flow.schema.FlowSchema;
import dev.ivrflow.flow.sim.CallerStep;
import dev.ivrflow.flow.sim.SimCall;
import dev.ivrflow.flow.sim.SimWorld;
import dev.ivrflow.flow.sim.SimulationResult;
import dev.ivrflow.flow.validate.FlowCatalog;
import dev.ivrflow.flow.validate.ValidationOptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.*;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every node type in the catalogue has settings, a handler, a validator, a schema, and a simulator scenario in
 * which a node of that type runs and leaves by an expected exit. Adding a type without all of them fails here.
 */
class NodeTypeCompletenessTest {
    private static final FlowToolkit TOOLKIT = new FlowToolkit();

    /** One scenario per type: the node under test, what the caller does, how the world answers, the exit expected. */
    record Sample(NodeSettings settings, List<CallerStep> steps, SimWorld world, String expectedExit) {
        static Sample of(NodeSettings settings, String exit, CallerStep... steps) {
            return new Sample(settings, List.of(steps), null, exit);
        }
    }

    private static Prompt tts(String text) {
        return new Prompt(Map.of("en-US", PromptVariant.tts(text)));
    }

    private static final Map<NodeType, Sample> SAMPLES = new EnumMap<>(NodeType.class);

    static {
        SAMPLES.put(NodeType.PLAY, Sample.of(new PlaySettings(new Prompt(Map.of("*", PromptVariant.tone("%(250,0,800)"))), true), "next"));
        SAMPLES.put(NodeType.SAY, Sample.of(new SaySettings(Map.of("en-US", "Hello {{call.callerNumber}}"), null, null), "next"));
        SAMPLES.put(NodeType.MENU, Sample.of(new MenuSettings(tts("Press 1"), List.of(new MenuOption("one", "1", List.of("one"), null)),
                null, null, null, null, null, null, null, null), "one", CallerStep.say("one")));
        SAMPLES.put(NodeType.INPUT, Sample.of(new InputSettings(tts("Your PIN?"), "pin", 4, 4, "#", "[0-9]{4}", null, null, null,
                null, null), "next", CallerStep.press("1234#")));
        SAMPLES.put(NodeType.ASK, Sample.of(new AskSettings(tts("Say something"), Grammar.TRANSCRIBE, "said", null, null, null,
                null, null), "recognized", CallerStep.say("hello there")));
        SAMPLES.put(NodeType.INTENT, Sample.of(new IntentSettings("'I want to pay my bill'", List.of(
                new IntentDef("billing", "invoices and payments", List.of("pay my bill"))), null, null), "billing"));
        SAMPLES.put(NodeType.CONDITION, Sample.of(new ConditionSettings(List.of(new ConditionCase("local",
                "call.callerNumber.startsWith('+1')"))), "local"));
        SAMPLES.put(NodeType.SET, Sample.of(new SetSettings(List.of(new Assignment("pin", "'0000'"))), "next"));
        SAMPLES.put(NodeType.LOOP, Sample.of(new LoopSettings(2, null), "body"));
        SAMPLES.put(NodeType.GOTO, Sample.of(new GotoSettings("end", null), null));
        SAMPLES.put(NodeType.SUBFLOW, Sample.of(new SubflowSettings("child", 1, null, null), "next"));
        SAMPLES.put(NodeType.HTTP, new Sample(new HttpSettings(null, "https://crm.example/{{call.callerNumber}}", null, null,
                null, Map.of("said", "/name")), List.of(), new SimWorld(null, null,
                List.of(new SimWorld.HttpReply(200, Map.of("name", "Ada"), null, null)), null, null), "ok"));
        SAMPLES.put(NodeType.WAIT, Sample.of(new WaitSettings(2.0), "next"));
        SAMPLES.put(NodeType.CALENDAR, Sample.of(new CalendarSettings(new CalendarSpec("Europe/London",
                Map.of("mon", List.of("09:00-17:00")), null, null, null), null), "open"));
        SAMPLES.put(NodeType.TRANSFER, new Sample(new TransferSettings(null, "sip", "sip:agent@example.com", null, null, null,
                null, null), List.of(), new SimWorld(List.of("busy"), null, null, null, null), "busy"));
        SAMPLES.put(NodeType.QUEUE, new Sample(new QueueSettings("sales", 60, true, null, null, null, null), List.of(),
                new SimWorld(null, List.of("timeout"), null, null, null), "timeout"));
        SAMPLES.put(NodeType.VOICEMAIL, Sample.of(new VoicemailSettings("support", null), "next"));
        SAMPLES.put(NodeType.RECORD, Sample.of(new RecordSettings(tts("Leave a message"), null, 60, null, null, "said"), "next"));
        SAMPLES.put(NodeType.CONFERENCE, Sample.of(new ConferenceSettings("room-{{call.calledNumber}}", null, null), "next"));
        SAMPLES.put(NodeType.HANGUP, Sample.of(new HangupSettings("busy"), null));
        SAMPLES.put(NodeType.CALLER_NAME, Sample.of(new CallerNameSettings("Caller {{call.callerNumber}}"), "next"));
        SAMPLES.put(NodeType.MAX_DURATION, Sample.of(new MaxDurationSettings(600), "next"));
        SAMPLES.put(NodeType.ECHO, Sample.of(new EchoSettings(30), "next"));
    }

    @Test
    void everyNodeTypeHasSettingsAHandlerAValidatorASchemaAndASimulatorScenario() {
        var handlers = StandardHandlers.create();
        var validators = NodeValidators.standard();
        var defs = FlowSchema.document().get("$defs");
        for (NodeType t : NodeType.values()) {
            assertThat(NodeKinds.settingsClass(t)).as("settings of %s", t.json()).isNotNull();
            assertThat(handlers.types()).as("handler of %s", t.json()).contains(t);
            assertThat(validators.types()).as("validator of %s", t.json()).contains(t);
            assertThat(defs.has(t.json() + "Settings")).as("schema of %s", t.json()).isTrue();
            assertThat(SAMPLES).as("simulator scenario of %s", t.json()).containsKey(t);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyNodeTypeRunsInTheSimulator() {
        return Arrays.stream(NodeType.values()).map(t -> DynamicTest.dynamicTest(t.json(), () -> runs(t, SAMPLES.get(t))));
    }

    private static void runs(NodeType type, Sample sample) {
        // given a valid flow whose start node is of this type, every exit wired to an "end" node
        Map<String, String> exits = new LinkedHashMap<>();
        for (ExitSpec e : sample.settings().exits()) exits.put(e.name(), "end");
        Map<String, VariableDecl> vars = Map.of("pin", new VariableDecl(VariableType.STRING, null, null),
                "said", new VariableDecl(VariableType.STRING, null, null));
        Node node = new Node("under_test", type, null, sample.settings(), exits);
        Node end = new Node("end", NodeType.HANGUP, null, new HangupSettings(null), null);
        Flow flow = new Flow(Flow.SCHEMA, "sample", "Sample", null, "en-US", null, "under_test", null, vars,
                List.of(node, end), null);
        Flow child = new Flow(Flow.SCHEMA, "child", "Child", null, "en-US", null, "back", null, null,
                List.of(new Node("back", NodeType.GOTO, null, new GotoSettings(null, true), null)), null);
        var options = new ValidationOptions(FlowCatalog.of(List.of(new FlowCatalog.Published(child, 1))), Environment.PASS_THROUGH);
        Compilation compiled = TOOLKIT.compile(flow, 1, options);
        assertThat(compiled.report().errors()).as("validation errors of the %s sample", type.json()).isEmpty();
        var childCompiled = TOOLKIT.compile(child, 1, ValidationOptions.DEFAULTS).orElseThrow();
        FlowResolver resolver = (id, v) -> id.equals("child") ? Optional.of(childCompiled) : Optional.empty();

        // when the caller goes through it
        SimulationResult r = TOOLKIT.simulator(resolver).run(compiled.orElseThrow(),
                new SimCall(null, null, null, null, null, sample.steps(), sample.world()));

        // then the node ran and left as expected
        assertThat(r.path()).as("path").startsWith("under_test");
        assertThat(r.journal()).noneMatch(e -> e.kind() == JournalEvent.Kind.NODE_FAILED);
        if (sample.expectedExit() != null) {
            assertThat(r.journal()).as("exits taken").anyMatch(e -> e.kind() == JournalEvent.Kind.EXIT_TAKEN
                    && "under_test".equals(e.nodeId()) && sample.expectedExit().equals(e.exit()));
        }
        assertThat(r.endReason()).as("the call ended").isNotNull();
    }
}
