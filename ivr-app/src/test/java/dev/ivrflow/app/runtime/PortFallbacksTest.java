package dev.ivrflow.app.runtime;

import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.ivrflow.app.config.IvrProperties;
import dev.ivrflow.flow.intent.LocalIntentClassifier;
import dev.ivrflow.flow.port.HttpPort;
import dev.ivrflow.flow.port.IntentClassifier;
import dev.ivrflow.flow.port.JournalSink;
import dev.ivrflow.flow.port.RecordingStore;
import dev.ivrflow.flow.port.SpeechSynthesizer;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ports' fallbacks step aside for the application's own beans whatever order the configuration classes are
 * read in, because they are imported last ({@link RuntimeConfig.Fallbacks} is a deferred import).
 */
class PortFallbacksTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withBean(MongoDatabase.class, () -> Mockito.mock(MongoDatabase.class))
            // bound from nothing, so every default applies (and other parts' settings can be added without touching this)
            .withBean(IvrProperties.class, () -> Binder.get(new StandardEnvironment()).bindOrCreate("ivr", IvrProperties.class));

    @Configuration(proxyBeanMethods = false)
    @Import(RuntimeConfig.Fallbacks.class)
    static class Deferred {
    }

    @Configuration(proxyBeanMethods = false)
    @Import(PortFallbacks.class)
    static class NotDeferred {
    }

    /** Read after the configuration that brings the fallbacks, as a scan may well order them. */
    @Configuration(proxyBeanMethods = false)
    static class ApplicationJournal {
        @Bean
        JournalSink applicationJournal() {
            return event -> { };
        }
    }

    @Test
    void shouldProvideEveryFallbackWhenTheApplicationHasNone() {
        runner.withUserConfiguration(Deferred.class).run(context -> {
            assertThat(context).hasSingleBean(JournalSink.class).getBean(JournalSink.class).isInstanceOf(DebugLogJournalSink.class);
            assertThat(context).getBean(RecordingStore.class).isInstanceOf(MongoRecordingStore.class);
            assertThat(context).getBean(HttpPort.class).isInstanceOf(WebClientHttpPort.class);
            assertThat(context).getBean(IntentClassifier.class).isInstanceOf(LocalIntentClassifier.class);
            assertThat(context.getBean(SpeechSynthesizer.class).speech("Hi", "en-US", null).engine()).isEqualTo("unimrcp");
        });
    }

    @Test
    void shouldStepAsideForTheApplicationsJournalEvenWhenItIsReadLater() {
        runner.withUserConfiguration(Deferred.class, ApplicationJournal.class).run(context -> {
            assertThat(context).hasSingleBean(JournalSink.class);
            assertThat(context).doesNotHaveBean(DebugLogJournalSink.class);
        });
    }

    @Test
    void shouldShowWhyTheImportIsDeferred() {
        runner.withUserConfiguration(NotDeferred.class, ApplicationJournal.class).run(context ->
                assertThat(context.getBeansOfType(JournalSink.class)).as("imported in place, the condition ran too early")
                        .hasSize(2));
    }
}
