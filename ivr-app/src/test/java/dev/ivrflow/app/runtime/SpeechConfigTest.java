package dev.ivrflow.app.runtime;

import dev.ivrflow.app.config.IvrProperties;
import dev.ivrflow.flow.port.Audio;
import dev.ivrflow.flow.port.CallInfo;
import dev.ivrflow.flow.port.SpeechCommands;
import dev.ivrflow.flow.port.SpeechRequest;
import dev.ivrflow.mrcp.UniMrcpSpeech;
import dev.ivrflow.mrcp.profile.ProfileHealth;
import dev.ivrflow.mrcp.profile.ProfileRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The speech wiring: ivr.speech bound into mrcp-adapter's profiles and commands, and their health shown. */
class SpeechConfigTest {
    private static final CallInfo CALL = new CallInfo("c", "+15550100", null, "+15550199", Map.of("ivr_tenant", "acme"));

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(SpeechConfig.class)
            .withBean(EslInboundService.class, () -> new EslInboundService(new IvrProperties.EslInbound(null, null, null)))
            .withPropertyValues(
                    "ivr.speech.profiles[0].name=asr-en", "ivr.speech.profiles[0].switch-profile=nuance-en",
                    "ivr.speech.profiles[0].languages=en", "ivr.speech.profiles[0].fallback=asr-backup",
                    "ivr.speech.profiles[0].parameters.Confidence-Threshold=0.3",
                    "ivr.speech.profiles[1].name=asr-backup", "ivr.speech.profiles[1].switch-profile=google-en",
                    "ivr.speech.profiles[1].resources=ASR",
                    "ivr.speech.profiles[1].builtins.[dtmf:digits]=builtin:dtmf/digits?length=4",
                    "ivr.speech.profiles[2].name=tts-acme", "ivr.speech.profiles[2].tenants=acme",
                    "ivr.speech.profiles[2].resources=TTS", "ivr.speech.profiles[2].voice=Microsoft Zira",
                    "ivr.speech.health.failures-to-down=1");

    private static IvrProperties ivr(String... properties) {
        StandardEnvironment env = new StandardEnvironment();
        for (String p : properties) {
            int eq = p.indexOf('=');
            env.getSystemProperties().put(p.substring(0, eq), p.substring(eq + 1));
        }
        return Binder.get(env).bindOrCreate("ivr", IvrProperties.class);
    }

    @Test
    void shouldWireMrcpAdaptersCommandsWithTheConfiguredProfiles() {
        runner.withBean(IvrProperties.class, () -> ivr()).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).getBean(SpeechCommands.class).isInstanceOf(UniMrcpSpeech.class);
            ProfileRegistry registry = context.getBean(ProfileRegistry.class);
            assertThat(registry.profiles()).extracting(p -> p.name() + "=" + p.switchProfile())
                    .containsExactly("asr-en=nuance-en", "asr-backup=google-en", "tts-acme=tts-acme");
            SpeechCommands speech = context.getBean(SpeechCommands.class);
            SpeechRequest ask = new SpeechRequest(List.of(SpeechRequest.GrammarSpec.builtin("yesno")), "en-US",
                    "asr-en", Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(1), true, false, 1);
            assertThat(speech.recognize("silence_stream://250", ask, CALL).app().arg())
                    .contains("detect:unimrcp:nuance-en {").contains("Confidence-Threshold=0.3");
            // the tenant's synthesiser, with its voice, for the default engine of ivr.runtime.tts-engine
            assertThat(speech.speak(new Audio.Speech("Hello", "en-US", "unimrcp", null), CALL).arg())
                    .isEqualTo("unimrcp:tts-acme|Microsoft Zira|Hello");
        });
    }

    @Test
    void shouldSpeakThroughFliteWhenThatIsTheConfiguredEngine() {
        runner.withBean(IvrProperties.class, () -> ivr("ivr.runtime.tts-engine=flite")).run(context -> {
            SpeechCommands speech = context.getBean(SpeechCommands.class);
            assertThat(speech.speak(new Audio.Speech("Hello", "en-US", null, "kal"), CALL).arg())
                    .isEqualTo("flite|kal|Hello");
        });
    }

    @Test
    void shouldReportSpeechDownOnlyWhenEveryProfileIsDown() {
        runner.withBean(IvrProperties.class, () -> ivr()).run(context -> {
            SpeechHealthIndicator indicator = context.getBean(SpeechHealthIndicator.class);
            ProfileHealth health = context.getBean(ProfileHealth.class);
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
            health.failed("nuance-en", "ASR INIT ERROR");
            health.failed("google-en", "ASR INIT ERROR");
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
            health.failed("tts-acme", "down");
            assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(indicator.health().getDetails().toString()).contains("ASR INIT ERROR");
        });
    }

    @Test
    void shouldRefuseToStartWithAProfileThatFallsBackToNothing() {
        runner.withBean(IvrProperties.class, () -> ivr())
                .withPropertyValues("ivr.speech.profiles[3].name=lonely", "ivr.speech.profiles[3].fallback=ghost")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("ghost");
                });
    }

    @Test
    void shouldBindTheShippedApplicationYmlDefaults() throws Exception {
        // given application.yml as shipped, with its ivr.speech section appended as a dotted key
        StandardEnvironment env = new StandardEnvironment();
        MutablePropertySources sources = env.getPropertySources();
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(sources::addLast);
        SpeechConfig.SpeechProperties p = Binder.get(env).bindOrCreate("ivr.speech",
                SpeechConfig.SpeechProperties.class);
        // then every default reads, and the rest of the ivr block still binds
        assertThat(p.settings("unimrcp").asrEngine()).isEqualTo("unimrcp");
        assertThat(p.settings("unimrcp").closeAfterRecognition()).isTrue();
        assertThat(p.health().failuresToDown()).isEqualTo(2);
        assertThat(p.health().retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.profiles()).isEmpty();
        assertThat(Binder.get(env).bindOrCreate("ivr", IvrProperties.class).runtime().maxSteps()).isEqualTo(2000);
    }
}
