package dev.ivrflow.app.storage;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded, wire-compatible MongoDB server (mongo-java-server with its H2 MVStore backend): it listens on a
 * loopback port and persists to one file under the data directory, so data survives restarts. The application
 * talks to it with the same reactive driver code as to a real MongoDB.
 */
public final class EmbeddedMongo implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    private final H2Backend backend;
    private final MongoServer server;
    private final String connectionString;

    public EmbeddedMongo(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir.toAbsolutePath(), e);
        }
        Path file = dataDir.resolve("ivrflow.mv.db");
        this.backend = new H2Backend(file.toString());
        this.server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        this.connectionString = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
        log.info("embedded MongoDB listening on {} and persisting to {}", connectionString, file.toAbsolutePath());
    }

    public String connectionString() {
        return connectionString;
    }

    /** Stops listening, then flushes and closes the store file. */
    @Override
    public void close() {
        server.shutdown();
        backend.close();
    }
}
