package dev.ivrflow.app.runtime;

import dev.ivrflow.app.IvrApplication;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Starts the application as {@code java -jar} would, for tests that need several instances or want to stop one.
 *
 * <p>One difference, as in {@code @SpringBootTest}: the instance gets Reactor Netty resources of its own instead of the
 * JVM-wide ones. Closing an instance otherwise disposes the global event loops and connection pools that the other
 * tests' HTTP clients still use, and their requests then hang.
 */
final class StandaloneApp {
    private StandaloneApp() {
    }

    static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(IvrApplication.class)
                .initializers(context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                    @Override
                    public Object postProcessBeforeInitialization(Object bean, String name) {
                        if (bean instanceof ReactorResourceFactory factory) factory.setUseGlobalResources(false);
                        return bean;
                    }
                }))
                .run(args);
    }
}
