package dev.ivrflow.app.flows;

import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.ivrflow.flow.FlowToolkit;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

@Configuration(proxyBeanMethods = false)
public class FlowsConfig {

    @Bean
    FlowStore flowStore(MongoDatabase db) {
        return new FlowStore(db, Clock.systemUTC());
    }

    @Bean
    FlowService flowService(FlowStore store, FlowToolkit toolkit) {
        return new FlowService(store, toolkit);
    }

    /** Indexes exist before the first request; a database that cannot be reached fails the start clearly. */
    @Bean
    ApplicationRunner flowIndexes(FlowStore store) {
        return args -> store.createIndexes().block(Duration.ofSeconds(30));
    }
}
