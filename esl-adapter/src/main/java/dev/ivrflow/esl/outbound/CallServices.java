package dev.ivrflow.esl.outbound;

import dev.ivrflow.flow.port.CallChannel;
import dev.ivrflow.flow.port.FlowResolver;
import dev.ivrflow.flow.port.HttpPort;
import dev.ivrflow.flow.port.IntentClassifier;
import dev.ivrflow.flow.port.JournalSink;
import dev.ivrflow.flow.port.RecordingStore;
import dev.ivrflow.flow.port.RuntimeClock;
import dev.ivrflow.flow.port.SpeechRecognizer;
import dev.ivrflow.flow.port.SpeechSynthesizer;
import dev.ivrflow.flow.runtime.CallPorts;

import java.util.Objects;

/**
 * The ports of one call except its channel, which the outbound connection provides: {@link CallPorts} minus the
 * channel. The clock is also the one the channel's own timers run on (echo and queue limits).
 */
public record CallServices(SpeechRecognizer recognizer, SpeechSynthesizer synthesizer, IntentClassifier classifier,
                           HttpPort http, RuntimeClock clock, JournalSink journal, RecordingStore recordings,
                           FlowResolver flows) {
    public CallServices {
        Objects.requireNonNull(recognizer, "recognizer");
        Objects.requireNonNull(synthesizer, "synthesizer");
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(recordings, "recordings");
        Objects.requireNonNull(flows, "flows");
    }

    public CallPorts withChannel(CallChannel channel) {
        return new CallPorts(channel, recognizer, synthesizer, classifier, http, clock, journal, recordings, flows);
    }
}
