package dev.ivrflow.esl.outbound;

import dev.ivrflow.esl.fssim.FreeSwitchSimulator;
import dev.ivrflow.esl.fssim.FsCallLog;
import dev.ivrflow.esl.fssim.FsScript;
import dev.ivrflow.esl.fssim.LoopbackRuntime;
import dev.ivrflow.esl.fssim.SimulatedCall;
import dev.ivrflow.esl.fssim.TestFlows;
import dev.ivrflow.esl.fssim.VirtualClock;
import dev.ivrflow.flow.runtime.CallSession;
import dev.ivrflow.flow.runtime.CompiledFlow;
import dev.ivrflow.flow.runtime.JournalEvent;
import dev.ivrflow.flow.sim.CallerStep;
import dev.ivrflow.flow.sim.SimCall;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

class SmokeTest {
    static final String FLOW = """
            {"schema":"ivr-flow/1","id":"smoke","name":"Smoke","defaultLanguage":"en-US","start":"hello",
             "nodes":[
              {"id":"hello","type":"say","settings":{"text":{"en-US":"Hello"}},"exits":{"next":"menu"}},
              {"id":"menu","type":"menu","settings":{"prompt":{"en-US":{"tts":"Press 1"}},
                 "options":[{"exit":"one","digits":"1"}],"maxTries":1,"speech":false},
                 "exits":{"one":"bye","failure":"bye"}},
              {"id":"bye","type":"hangup","settings":{"cause":"normal"}}
             ]}""";

    @Test
    void smoke() throws Exception {
        CompiledFlow flow = TestFlows.compile(FLOW);
        try (LoopbackRuntime runtime = new LoopbackRuntime(OutboundSettings.DEFAULT);
             FreeSwitchSimulator fs = new FreeSwitchSimulator(runtime.address())) {
            SimCall simCall = SimCall.of(CallerStep.press("1"));
            VirtualClock clock = new VirtualClock(simCall.at());
            SimulatedCall call = fs.prepare(simCall, FsScript.none(), clock);
            List<JournalEvent> journal = new CopyOnWriteArrayList<>();
            runtime.expect(call.uuid(), TestFlows.start(flow, clock, journal::add));
            fs.start(call);
            CallSession session = runtime.runUntilEnded(call.uuid(), clock, Duration.ofSeconds(5));
            FsCallLog log = call.awaitEnd(Duration.ofSeconds(5));
            System.out.println(session.path() + " " + session.endReason());
            System.out.println(log + " " + log.commands() + " " + log.heard());
            log.executions().forEach(System.out::println);
        }
    }
}
