package dev.ivrflow.app.runtime;

import dev.ivrflow.flow.port.HttpPort;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

/**
 * The {@code http} node's port over Spring's {@link WebClient} on Reactor Netty. Every outcome is a value, never an
 * exception: the stage always completes normally with a {@link HttpPort.Response} (any status; a redirect is not
 * followed and comes back as its 3xx), {@link HttpPort.TimedOut} when the whole exchange (connect, send, the complete
 * answer) takes longer than the request's timeout, or {@link HttpPort.Failed} with the reason: a URL that is not
 * http or https, a host that does not resolve, a refused connection, a body larger than 1 MB (checked against the
 * declared length first, then while reading, so a huge answer is never held in memory), a bad header.
 *
 * <p>Nothing blocks: the request runs on Reactor Netty's event loop and the stage completes there; the session posts
 * what follows to the call's own executor.
 */
public final class WebClientHttpPort implements HttpPort {
    /** The largest response body read. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(2);
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private final WebClient client;

    public WebClientHttpPort() {
        HttpClient http = HttpClient.create()
                .followRedirect(false)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) MAX_TIMEOUT.toMillis());
        this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    @Override
    public CompletionStage<Result> send(Request request) {
        try {
            return exchange(request).toFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new Failed(describe(e)));
        }
    }

    private Mono<Result> exchange(Request request) {
        if (request == null) return Mono.just(new Failed("no request"));
        String method = request.method() == null ? "GET" : request.method().trim().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) return Mono.just(new Failed("unsupported method '" + request.method() + "'"));
        URI uri;
        try {
            uri = new URI(request.url() == null ? "" : request.url().trim());
        } catch (URISyntaxException e) {
            return Mono.just(new Failed("not a valid URL: " + e.getMessage()));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Mono.just(new Failed("only http and https URLs are allowed, not '" + abbreviate(String.valueOf(request.url())) + "'"));
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Mono.just(new Failed("the URL names no host: '" + abbreviate(request.url()) + "'"));
        }
        Duration timeout = timeout(request.timeout());
        WebClient.RequestBodySpec spec = client.method(HttpMethod.valueOf(method)).uri(uri)
                .headers(h -> {
                    if (request.headers() != null) request.headers().forEach(h::set);
                });
        WebClient.RequestHeadersSpec<?> ready = request.body() == null ? spec : spec.bodyValue(request.body());
        return ready.exchangeToMono(WebClientHttpPort::read)
                .timeout(timeout)
                .onErrorResume(e -> Mono.just(outcome(e)));
    }

    private static Mono<Result> read(ClientResponse response) {
        long declared = response.headers().contentLength().orElse(-1L);
        if (declared > MAX_BODY_BYTES) {
            return response.releaseBody().thenReturn(tooLarge(response.statusCode().value()));
        }
        Charset charset = response.headers().contentType().map(MediaType::getCharset).orElse(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().asHttpHeaders().forEach((name, values) -> headers.put(name, String.join(", ", values)));
        int status = response.statusCode().value();
        return DataBufferUtils.join(response.body(BodyExtractors.toDataBuffers()), MAX_BODY_BYTES)
                .map(buffer -> text(buffer, charset))
                .defaultIfEmpty("")
                .<Result>map(body -> new Response(status, Map.copyOf(headers), body))
                .onErrorResume(DataBufferLimitException.class, e -> Mono.just(tooLarge(status)));
    }

    private static String text(DataBuffer buffer, Charset charset) {
        try {
            return buffer.toString(charset);
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private static Failed tooLarge(int status) {
        return new Failed("the response body (status " + status + ") is larger than " + MAX_BODY_BYTES / 1024 / 1024 + " MB");
    }

    private static Result outcome(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof ReadTimeoutException || t instanceof ConnectTimeoutException) {
                return new TimedOut();
            }
            if (t instanceof UnknownHostException u) return new Failed("unknown host " + u.getMessage());
            if (t instanceof ConnectException c) return new Failed("cannot connect: " + c.getMessage());
            if (t instanceof DataBufferLimitException) return new Failed("the response body is larger than 1 MB");
        }
        return new Failed(describe(e));
    }

    private static Duration timeout(Duration requested) {
        if (requested == null || requested.isZero() || requested.isNegative()) return DEFAULT_TIMEOUT;
        return requested.compareTo(MAX_TIMEOUT) > 0 ? MAX_TIMEOUT : requested;
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : abbreviate(m);
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 197) + "...";
    }
}
