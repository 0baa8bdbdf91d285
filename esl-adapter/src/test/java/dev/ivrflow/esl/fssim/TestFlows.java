package dev.ivrflow.esl.fssim;

import dev.ivrflow.esl.outbound.CallServices;
import dev.ivrflow.esl.outbound.CallStart;
import dev.ivrflow.flow.FlowToolkit;
import dev.ivrflow.flow.compile.Compilation;
import dev.ivrflow.flow.intent.LocalIntentClassifier;
import dev.ivrflow.flow.json.ReadResult;
import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.port.FlowResolver;
import dev.ivrflow.flow.port.HttpPort;
import dev.ivrflow.flow.port.JournalSink;
import dev.ivrflow.flow.port.RuntimeClock;
import dev.ivrflow.flow.port.SpeechRecognizer;
import dev.ivrflow.flow.port.SpeechSynthesizer;
import dev.ivrflow.flow.runtime.CompiledFlow;
import dev.ivrflow.flow.runtime.RuntimeLimits;
import dev.ivrflow.flow.sim.InMemoryRecordings;
import dev.ivrflow.flow.validate.ValidationOptions;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Flows and call services for tests over the simulated switch: compile a flow from JSON, and give a call the same
 * services the in-memory simulator gives it (recogniser through the channel, a fixed synthesizer, the local intent
 * classifier, scripted HTTP), on a clock shared with the simulated switch.
 */
public final class TestFlows {
    public static final FlowToolkit TOOLKIT = new FlowToolkit();

    private TestFlows() {
    }

    public static CompiledFlow compile(String json) {
        ReadResult<Flow> read = TOOLKIT.reader().read(json);
        if (!read.isValid()) {
            throw new IllegalArgumentException("flow does not read: " + read.errors());
        }
        Compilation c = TOOLKIT.compile(read.asOptional().orElseThrow(), 1, ValidationOptions.DEFAULTS);
        if (!c.succeeded()) {
            throw new IllegalArgumentException("flow does not compile: " + c.report().errors());
        }
        return c.orElseThrow();
    }

    public static CallServices services(RuntimeClock clock, JournalSink journal, HttpPort http, FlowResolver flows) {
        return new CallServices(SpeechRecognizer.viaChannel(), SpeechSynthesizer.fixed("sim", null),
                new LocalIntentClassifier(), http, clock, journal, new InMemoryRecordings(), flows);
    }

    public static CallStart start(CompiledFlow flow, RuntimeClock clock, JournalSink journal) {
        return new CallStart(flow, TOOLKIT.handlers(), services(clock, journal, noHttp(), FlowResolver.NONE),
                RuntimeLimits.DEFAULT);
    }

    /** As {@link #start(CompiledFlow, RuntimeClock, JournalSink)}, with text spoken by {@code synthesizer}. */
    public static CallStart start(CompiledFlow flow, RuntimeClock clock, JournalSink journal,
                                  SpeechSynthesizer synthesizer) {
        return new CallStart(flow, TOOLKIT.handlers(), new CallServices(SpeechRecognizer.viaChannel(), synthesizer,
                new LocalIntentClassifier(), noHttp(), clock, journal, new InMemoryRecordings(), FlowResolver.NONE),
                RuntimeLimits.DEFAULT);
    }

    public static HttpPort noHttp() {
        return request -> CompletableFuture.completedFuture(new HttpPort.Failed("no HTTP in this test"));
    }

    public static List<String> of(String... s) {
        return List.of(s);
    }
}
