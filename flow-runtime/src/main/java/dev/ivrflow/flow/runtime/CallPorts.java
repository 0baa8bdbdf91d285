package dev.ivrflow.flow.runtime;

import dev.ivrflow.flow.port.*;

/** The ports one call's session reaches the world through. Only the channel differs from call to call. */
public record CallPorts(CallChannel channel, SpeechRecognizer recognizer, SpeechSynthesizer synthesizer,
                        IntentClassifier classifier, HttpPort http, RuntimeClock clock, JournalSink journal,
                        RecordingStore recordings, FlowResolver flows) {

    public CallPorts withChannel(CallChannel other) {
        return new CallPorts(other, recognizer, synthesizer, classifier, http, clock, journal, recordings, flows);
    }
}
