package dev.ivrflow.app.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * The application's settings ({@code ivr.*} in application.yml, or environment variables such as
 * {@code IVR_MONGODB_URI}). Every default is the embedded, single-machine one.
 *
 * @param dataDir  where the embedded database and the journal spool live
 * @param mongodb  the database: an empty URI starts the embedded, wire-compatible server
 */
@ConfigurationProperties("ivr")
public record IvrProperties(Path dataDir, Mongodb mongodb) {

    public IvrProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        mongodb = mongodb == null ? new Mongodb(null, null) : mongodb;
    }

    /** A real MongoDB when {@code uri} is set (a replica set in production), else the embedded server. */
    public record Mongodb(String uri, String database) {
        public Mongodb {
            database = database == null || database.isBlank() ? "ivrflow" : database;
        }

        public boolean embedded() {
            return uri == null || uri.isBlank();
        }
    }
}
