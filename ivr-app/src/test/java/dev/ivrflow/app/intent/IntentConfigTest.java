package dev.ivrflow.app.intent;

import dev.ivrflow.app.runtime.SystemRuntimeClock;
import dev.ivrflow.flow.port.IntentClassifier;
import dev.ivrflow.flow.port.IntentClassifier.Classification;
import dev.ivrflow.flow.port.IntentClassifier.Label;
import dev.ivrflow.llm.stub.ChatCompletionsStub;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The app classifies with the LLM only when a base URL is configured; its settings come from application.yml. */
class IntentConfigTest {
    private static final List<Label> LABELS = List.of(new Label("billing", "bills", List.of("pay my bill")),
            new Label("roadside", "a tow", List.of("I need a tow")));

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(IntentProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, IntentConfig.class)
            .withBean(SystemRuntimeClock.class, () -> new SystemRuntimeClock(Clock.systemUTC()));

    @Test
    void shouldLeaveClassificationToTheLocalFallbackWithoutABaseUrl() {
        // given no LLM base URL
        // when the context starts, then no LLM classifier (the runtime's local fallback applies)
        runner.run(context -> assertThat(context).doesNotHaveBean(IntentClassifier.class));
        runner.withPropertyValues("ivr.intent.llm.base-url=  ").run(context ->
                assertThat(context).doesNotHaveBean(IntentClassifier.class));
    }

    @Test
    void shouldClassifyWithTheConfiguredLlm() {
        // given a chat-completions server and the app pointed at it, with a key
        try (ChatCompletionsStub server = ChatCompletionsStub.replying(ChatCompletionsStub.answer("roadside", 0.88))) {
            runner.withPropertyValues("ivr.intent.llm.base-url=" + server.baseUrl(), "ivr.intent.llm.model=small-model",
                    "ivr.intent.llm.api-key=sk-from-env", "ivr.intent.timeout=10s").run(context -> {
                // when a transcript is classified
                IntentClassifier classifier = context.getBean(IntentClassifier.class);
                Classification c = classifier.classify("my car broke down", LABELS, null).toCompletableFuture()
                        .get(10, TimeUnit.SECONDS);

                // then the LLM answered, asked with the model and the key
                assertThat(classifier).isInstanceOf(ConfiguredIntentClassifier.class);
                assertThat(c).isEqualTo(new Classification("roadside", 0.88, Classification.LLM, null));
                assertThat(server.requests()).singleElement().satisfies(r -> {
                    assertThat(r.header("Authorization")).isEqualTo("Bearer sk-from-env");
                    assertThat(r.body()).contains("\"model\":\"small-model\"");
                });
            });
        }
    }

    @Test
    void shouldReadItsDefaultsAndTheKeyFromTheEnvironmentThroughApplicationYml() throws Exception {
        // given application.yml and the environment variables an operator sets
        StandardEnvironment env = new StandardEnvironment();
        for (PropertySource<?> source : new YamlPropertySourceLoader().load("application.yml",
                new ClassPathResource("application.yml"))) {
            env.getPropertySources().addLast(source);
        }
        env.getPropertySources().addFirst(new MapPropertySource("environment variables", Map.of(
                "IVR_LLM_BASE_URL", "https://llm.example/v1", "IVR_LLM_API_KEY", "sk-secret")));

        // when bound
        IntentProperties p = Binder.get(env).bindOrCreate("ivr.intent", IntentProperties.class);

        // then the documented defaults, the URL and key from the environment, and no key in its text
        assertThat(p.llm().configured()).isTrue();
        assertThat(p.llm().baseUrl()).isEqualTo("https://llm.example/v1");
        assertThat(p.llm().model()).isEqualTo("gpt-4o-mini");
        assertThat(p.llm().apiKey()).isEqualTo("sk-secret");
        assertThat(p.llm().responseFormat()).isEqualTo("json-schema");
        assertThat(p.timeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(p.cache().size()).isEqualTo(10_000L);
        assertThat(p.cache().ttl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(p.toString()).doesNotContain("sk-secret");
    }

    @Test
    void shouldRefuseSettingsThatCannotWork() {
        assertThatThrownBy(() -> new IntentProperties.Llm("https://x/v1", null, null, "xml", null))
                .hasMessageContaining("json-schema, json-object or none");
        assertThatThrownBy(() -> new IntentProperties(null, Duration.ZERO, null)).hasMessageContaining("ivr.intent.timeout");
        assertThatThrownBy(() -> new IntentProperties.Cache(-1L, null)).hasMessageContaining("ivr.intent.cache.size");
    }
}
