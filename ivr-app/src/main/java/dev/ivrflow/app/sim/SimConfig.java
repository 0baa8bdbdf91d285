package dev.ivrflow.app.sim;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.ivrflow.app.flows.FlowStore;
import dev.ivrflow.flow.FlowToolkit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The HTTP simulator's parts. A bean named {@code simTicker} replaces the clock of the idle timeout (tests). */
@Configuration(proxyBeanMethods = false)
public class SimConfig {

    /** The threads simulated calls run on: one virtual thread per task, each call's tasks one at a time. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService simExecutor() {
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("sim-", 0).factory());
    }

    @Bean
    SimCalls simCalls(FlowStore store, FlowToolkit toolkit, SimProperties properties, ExecutorService simExecutor,
                      @Qualifier("simTicker") ObjectProvider<Ticker> ticker) {
        SimCallRegistry registry = new SimCallRegistry(properties, ticker.getIfAvailable(Ticker::systemTicker));
        return new SimCalls(new SimFlowLoader(store, toolkit), registry, toolkit, simExecutor, properties,
                Clock.systemUTC());
    }
}
