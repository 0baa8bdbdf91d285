package dev.ivrflow.llm.stub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A local HTTP server on 127.0.0.1 (a free port) that speaks the chat-completions protocol: {@code POST
 * /v1/chat/completions} answered by a script (a status, a body, a delay), every request recorded. Tests and the
 * intent benchmark point the real client at {@link #baseUrl()}. Each request is served on its own virtual thread,
 * so a slow reply holds up no other.
 */
public final class ChatCompletionsStub implements AutoCloseable {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** What the server answers: an HTTP status, a body, after a delay. */
    public record Reply(int status, String body, Duration delay) {
        public Reply after(Duration wait) {
            return new Reply(status, body, wait);
        }
    }

    /** One request as received. */
    public record Request(String method, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Reply> script;

    public ChatCompletionsStub(Function<Request, Reply> script) {
        this.script = script;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1", e);
        }
        server.createContext("/", this::serve);
        server.setExecutor(threads);
        server.start();
    }

    /** Answers every request with this reply. */
    public static ChatCompletionsStub replying(Reply reply) {
        return new ChatCompletionsStub(r -> reply);
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    public void script(Function<Request, Reply> newScript) {
        script = newScript;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** A 200 chat completion whose assistant message says {@code content} (null: no content field). */
    public static Reply completion(String content) {
        Map<String, Object> message = new java.util.LinkedHashMap<>();
        message.put("role", "assistant");
        message.put("content", content);
        message.put("refusal", null);
        return ok(JSON.writeValueAsString(Map.of(
                "id", "chatcmpl-stub", "object", "chat.completion", "created", 1_767_600_000, "model", "stub-model",
                "choices", List.of(Map.of("index", 0, "message", message, "finish_reason", "stop", "logprobs",
                        Map.of("content", List.of()))),
                "usage", Map.of("prompt_tokens", 100, "completion_tokens", 12, "total_tokens", 112))));
    }

    /** A completion saying {"label": label, "confidence": confidence}. */
    public static Reply answer(String label, double confidence) {
        return completion(JSON.writeValueAsString(Map.of("label", label, "confidence", confidence)));
    }

    public static Reply ok(String body) {
        return new Reply(200, body, Duration.ZERO);
    }

    public static Reply status(int status, String body) {
        return new Reply(status, body, Duration.ZERO);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            requests.add(request);
            Reply reply = request.path().endsWith("/chat/completions")
                    ? script.apply(request) : status(404, "{\"error\":{\"message\":\"no such path\"}}");
            if (!reply.delay().isZero()) Thread.sleep(reply.delay());
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away (it gave up on a slow reply): nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
