package dev.ivrflow.app.intent;

import dev.ivrflow.app.runtime.SystemRuntimeClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Intent routing by an LLM, when {@code ivr.intent.llm.base-url} is set. Without it there is no bean here, and the
 * runtime's fallback (the local classifier) answers every call.
 */
@Configuration(proxyBeanMethods = false)
public class IntentConfig {
    private static final Logger log = LoggerFactory.getLogger(IntentConfig.class);

    @Bean(destroyMethod = "close")
    @Conditional(LlmConfigured.class)
    ConfiguredIntentClassifier llmIntentClassifier(IntentProperties properties, SystemRuntimeClock clock) {
        log.info("Intent routing by LLM: {}, answering locally after {} ms; cache of {} answers for {}",
                properties.llm(), properties.timeout().toMillis(), properties.cache().size(), properties.cache().ttl());
        return new ConfiguredIntentClassifier(properties, clock);
    }

    /** True when an LLM base URL is configured. */
    static final class LlmConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("ivr.intent.llm.base-url");
            return url != null && !url.isBlank();
        }
    }
}
