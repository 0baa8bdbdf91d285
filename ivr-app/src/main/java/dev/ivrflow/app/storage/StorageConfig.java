package dev.ivrflow.app.storage;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.ivrflow.app.config.IvrProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** One reactive MongoDB client: to the configured URI, or to the embedded server started for it. */
@Configuration(proxyBeanMethods = false)
public class StorageConfig {

    @Bean(destroyMethod = "close")
    EmbeddedMongoHolder embeddedMongo(IvrProperties properties) {
        return new EmbeddedMongoHolder(properties.mongodb().embedded()
                ? Optional.of(new EmbeddedMongo(properties.dataDir())) : Optional.empty());
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(IvrProperties properties, EmbeddedMongoHolder embedded) {
        String uri = embedded.server().map(EmbeddedMongo::connectionString).orElse(properties.mongodb().uri());
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(5, TimeUnit.SECONDS))
                .build();
        return MongoClients.create(settings);
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, IvrProperties properties) {
        return client.getDatabase(properties.mongodb().database());
    }

    /** The embedded server when one runs; closed after the client (Spring destroys in reverse order). */
    public record EmbeddedMongoHolder(Optional<EmbeddedMongo> server) implements AutoCloseable {
        @Override
        public void close() {
            server.ifPresent(EmbeddedMongo::close);
        }
    }
}
