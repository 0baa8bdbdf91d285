package dev.ivrflow.app.runtime;

import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * {@code mongo} in {@code /actuator/health}: a {@code ping} to the database, UP when it answers within two seconds.
 * Details (for ADMIN): the database name, whether it is the embedded server, and the error when it is DOWN.
 */
public final class MongoHealthIndicator implements ReactiveHealthIndicator {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final MongoDatabase db;
    private final boolean embedded;

    public MongoHealthIndicator(MongoDatabase db, boolean embedded) {
        this.db = db;
        this.embedded = embedded;
    }

    @Override
    public Mono<Health> health() {
        long start = System.nanoTime();
        return Mono.from(db.runCommand(new Document("ping", 1)))
                .timeout(TIMEOUT)
                .map(reply -> Health.up().withDetail("database", db.getName()).withDetail("embedded", embedded)
                        .withDetail("pingMillis", (System.nanoTime() - start) / 1_000_000).build())
                .onErrorResume(e -> Mono.just(Health.down().withDetail("database", db.getName())
                        .withDetail("embedded", embedded)
                        .withDetail("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()).build()));
    }
}
