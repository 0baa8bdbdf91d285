package dev.ivrflow.benchmarks.load;

import dev.ivrflow.esl.fssim.TestFlows;
import dev.ivrflow.esl.outbound.CallServices;
import dev.ivrflow.esl.outbound.CallStart;
import dev.ivrflow.flow.intent.LocalIntentClassifier;
import dev.ivrflow.flow.port.FlowResolver;
import dev.ivrflow.flow.port.JournalSink;
import dev.ivrflow.flow.port.RuntimeClock;
import dev.ivrflow.flow.port.SpeechRecognizer;
import dev.ivrflow.flow.port.SpeechSynthesizer;
import dev.ivrflow.flow.runtime.CompiledFlow;
import dev.ivrflow.flow.runtime.RuntimeLimits;
import dev.ivrflow.flow.sim.InMemoryRecordings;

/**
 * The flow every call of the load harness runs: a greeting ({@code say}), a keypad menu, then the sales queue
 * (key 1) or a hang-up (key 2); the queue ends in the same hang-up. Over the socket that is: {@code answer},
 * {@code speak}, {@code set tts_engine}, {@code set tts_voice}, {@code play_and_get_digits} (where the caller
 * waits), then {@code set cc_exit_keys}, {@code multiunset}, {@code callcenter}, {@code hangup} (key 1) or
 * {@code hangup} at once (key 2).
 */
final class LoadFlow {
    static final String MENU = "menu";

    static final String JSON = """
            {
              "schema": "ivr-flow/1",
              "id": "load-menu",
              "name": "Load harness menu",
              "defaultLanguage": "en-US",
              "languages": ["en-US"],
              "start": "welcome",
              "fallback": "bye",
              "nodes": [
                {
                  "id": "welcome",
                  "type": "say",
                  "settings": { "text": { "en-US": "Thank you for calling. This call may be recorded." } },
                  "exits": { "next": "menu" }
                },
                {
                  "id": "menu",
                  "type": "menu",
                  "settings": {
                    "prompt": { "en-US": { "tts": "For sales press 1. To end this call press 2." } },
                    "options": [ { "exit": "sales", "digits": "1" }, { "exit": "done", "digits": "2" } ],
                    "timeoutSeconds": 10,
                    "maxTries": 3
                  },
                  "exits": { "sales": "salesQueue", "done": "bye", "failure": "bye" }
                },
                {
                  "id": "salesQueue",
                  "type": "queue",
                  "settings": { "queue": "sales", "maxWaitSeconds": 300 },
                  "exits": { "answered": "bye", "timeout": "bye" }
                },
                { "id": "bye", "type": "hangup", "settings": { "cause": "normal" } }
              ]
            }
            """;

    private LoadFlow() {
    }

    static CompiledFlow compile() {
        return TestFlows.compile(JSON);
    }

    /** One CallStart shared by every call, with the ports a deployment would share (journal off, as batched). */
    static CallStart start(CompiledFlow flow, RuntimeClock clock) {
        CallServices services = new CallServices(SpeechRecognizer.viaChannel(), SpeechSynthesizer.fixed("flite", "kal"),
                new LocalIntentClassifier(), TestFlows.noHttp(), clock, JournalSink.NONE, new InMemoryRecordings(),
                FlowResolver.NONE);
        return new CallStart(flow, TestFlows.TOOLKIT.handlers(), services, RuntimeLimits.DEFAULT);
    }
}
