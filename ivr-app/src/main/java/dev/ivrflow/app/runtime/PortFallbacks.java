package dev.ivrflow.app.runtime;

import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.ivrflow.app.config.IvrProperties;
import dev.ivrflow.flow.intent.LocalIntentClassifier;
import dev.ivrflow.flow.port.HttpPort;
import dev.ivrflow.flow.port.IntentClassifier;
import dev.ivrflow.flow.port.JournalSink;
import dev.ivrflow.flow.port.RecordingStore;
import dev.ivrflow.flow.port.SpeechSynthesizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The ports' defaults, each only when the application defines no bean of that port: the journal logs at debug level
 * (until the journal writer exists), recordings metadata goes to MongoDB, HTTP goes through WebClient, intents are
 * classified by the local keyword classifier, and speech uses the configured TTS engine. Deliberately not a
 * {@code @Configuration}: it is only ever imported, last, by {@link RuntimeConfig.Fallbacks}.
 */
final class PortFallbacks {

    @Bean
    @ConditionalOnMissingBean(JournalSink.class)
    DebugLogJournalSink debugLogJournalSink() {
        return new DebugLogJournalSink();
    }

    @Bean
    @ConditionalOnMissingBean(RecordingStore.class)
    MongoRecordingStore mongoRecordingStore(MongoDatabase db) {
        return new MongoRecordingStore(db);
    }

    @Bean
    @ConditionalOnMissingBean(HttpPort.class)
    WebClientHttpPort webClientHttpPort() {
        return new WebClientHttpPort();
    }

    @Bean
    @ConditionalOnMissingBean(IntentClassifier.class)
    LocalIntentClassifier localIntentClassifier() {
        return new LocalIntentClassifier();
    }

    @Bean
    @ConditionalOnMissingBean(SpeechSynthesizer.class)
    SpeechSynthesizer speechSynthesizer(IvrProperties properties) {
        return SpeechSynthesizer.fixed(properties.runtime().ttsEngine(), properties.runtime().ttsVoice());
    }
}
