package dev.ivrflow.app.journal;

import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.ivrflow.app.config.IvrProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The journal writer, shared by every call of this instance, with its spool under {@code ivr.data-dir}/journal-spool
 * and the gauge {@code ivr_journal_backlog} (events not yet in the database: queued plus spooled). It is closed
 * before the MongoDB client (it depends on it), so what is still queued at shutdown is written or spooled.
 */
@Configuration(proxyBeanMethods = false)
public class JournalConfig {
    public static final String SPOOL_DIR = "journal-spool";

    @Bean(destroyMethod = "close")
    JournalWriter journalWriter(MongoDatabase db, IvrProperties properties, ObjectProvider<MeterRegistry> meters) {
        JournalWriter writer = new JournalWriter(db, properties.dataDir().resolve(SPOOL_DIR), properties.journal());
        meters.ifAvailable(registry -> Gauge.builder("ivr_journal_backlog", writer, JournalWriter::backlog)
                .description("journal events not yet in the database (queued in memory plus spooled on disk)")
                .register(registry));
        return writer.start();
    }
}
