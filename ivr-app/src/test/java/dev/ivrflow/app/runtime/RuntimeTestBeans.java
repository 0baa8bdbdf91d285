package dev.ivrflow.app.runtime;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.Duration;

/** What {@link RuntimeTestSupport} adds to the application: the calls' clock, and a listener the tests watch calls with. */
@TestConfiguration(proxyBeanMethods = false)
class RuntimeTestBeans {
    @Bean(RuntimeConfig.CALL_TIME)
    Clock callTime() {
        Clock system = Clock.systemUTC();
        return Clock.offset(system, Duration.between(system.instant(), RuntimeTestSupport.CALL_TIME));
    }

    @Bean
    RuntimeTestSupport.Calls testCalls() {
        return new RuntimeTestSupport.Calls();
    }
}
