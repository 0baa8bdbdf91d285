package dev.ivrflow.app.calls;

import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.ivrflow.app.config.IvrProperties;
import dev.ivrflow.app.journal.JournalWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The calls API's parts: the live feed (from the journal writer's events) and the journal queries. */
@Configuration(proxyBeanMethods = false)
public class CallsConfig {

    @Bean(destroyMethod = "close")
    LiveCallFeed liveCallFeed(JournalWriter writer, IvrProperties properties) {
        return new LiveCallFeed(writer.events(), properties.journal().liveBuffer());
    }

    @Bean
    CallQueries callQueries(MongoDatabase db) {
        return new CallQueries(db);
    }
}
