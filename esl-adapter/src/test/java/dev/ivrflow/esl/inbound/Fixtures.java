package dev.ivrflow.esl.inbound;

import dev.ivrflow.esl.fssim.inbound.InboundFreeSwitch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/** Short timeouts and backoffs, so no test waits long; and small waiting helpers with a generous ceiling. */
final class Fixtures {
    static final String PASSWORD = InboundFreeSwitch.STOCK_PASSWORD;
    static final Duration WAIT = Duration.ofSeconds(5);

    private Fixtures() {
    }

    static InboundClientConfig.Builder config(InboundFreeSwitch fs) {
        return config(fs.host(), fs.port());
    }

    static InboundClientConfig.Builder config(String host, int port) {
        return InboundClientConfig.builder()
                .host(host)
                .port(port)
                .password(PASSWORD)
                .connectTimeout(WAIT)   // generous: only tests of timeouts set short ones, and a busy CI machine
                .apiTimeout(WAIT)       // must not turn a slow answer into a false failure
                .backgroundJobTimeout(WAIT)
                .backoff(Duration.ofMillis(10), Duration.ofMillis(80))
                .backoffJitter(0)
                .closeTimeout(Duration.ofMillis(300));
    }

    /** A loopback port nothing listens on (bound, then released). */
    static int refusedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the stage failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the stage did not complete within " + WAIT, e);
        }
    }

    /** The failure of a stage that must fail. */
    static Throwable failure(CompletionStage<?> stage) {
        try {
            Object value = stage.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError("the stage succeeded with " + value);
        } catch (ExecutionException | CompletionException e) {
            return e.getCause();
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the stage did not complete within " + WAIT, e);
        }
    }

    static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not true within " + WAIT + ": " + what);
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static void awaitState(InboundClient client, ConnectionState state) {
        eventually("state " + state + " (now " + client.health() + ")", () -> client.state() == state);
    }

    /** Names of live platform threads the client would own. */
    static Set<String> clientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("esl-inbound"))
                .collect(Collectors.toSet());
    }

    /** Records every health change a client reports, in order. */
    static final class StateRecorder implements java.util.function.Consumer<InboundHealth> {
        final List<InboundHealth> seen = new CopyOnWriteArrayList<>();

        @Override
        public void accept(InboundHealth health) {
            seen.add(health);
        }

        List<ConnectionState> states() {
            return seen.stream().map(InboundHealth::state).toList();
        }

        /** Listeners hear changes a moment after {@link InboundClient#state()} shows them; wait for the n-th one. */
        void awaitCount(ConnectionState state, int count) {
            eventually(count + " x " + state + " (heard " + states() + ")",
                    () -> states().stream().filter(state::equals).count() >= count);
        }
    }
}
