package dev.ivrflow.app.journal;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The embedded MongoDB (mongo-java-server, H2 file backend) on a fixed loopback port, which a test can stop (the
 * port closes, clients are cut off, the file is closed) and start again on the same port with the same file.
 */
public final class TestMongo implements AutoCloseable {
    private final Path file;
    private final int port;
    private H2Backend backend;
    private MongoServer server;

    public TestMongo(Path file) {
        this.file = file;
        this.port = freePort();
    }

    public TestMongo start() {
        backend = new H2Backend(file.toString());
        server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        return this;
    }

    /** Shuts the server down: open connections are closed and the store file is flushed and closed. */
    public void stop() {
        if (server == null) return;
        server.shutdownNow();
        backend.close();
        server = null;
        backend = null;
    }

    public boolean running() {
        return server != null;
    }

    public String uri() {
        return "mongodb://127.0.0.1:" + port;
    }

    /** A client that notices quickly when the server is away and when it is back. */
    public MongoClient client() {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri()))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(1, TimeUnit.SECONDS))
                .applyToServerSettings(s -> s.heartbeatFrequency(500, TimeUnit.MILLISECONDS)
                        .minHeartbeatFrequency(100, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(1, TimeUnit.SECONDS).readTimeout(5, TimeUnit.SECONDS))
                .build());
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
