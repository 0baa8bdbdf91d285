package dev.ivrflow.app.runtime;

import dev.ivrflow.flow.port.HttpPort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The http node's port against a real HTTP server on a loopback port: every outcome a value, none an exception. */
class WebClientHttpPortTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int TWO_MB = 2 * 1024 * 1024;
    private static DisposableServer server;
    private static String base;
    private final WebClientHttpPort http = new WebClientHttpPort();

    @BeforeAll
    static void startServer() {
        byte[] big = new byte[TWO_MB];
        Arrays.fill(big, (byte) 'x');
        server = HttpServer.create().host("127.0.0.1").port(0).route(r -> r
                        .get("/customer", (req, res) -> res.header("Content-Type", "application/json")
                                .header("X-Request-Id", "r-1").sendString(Mono.just("{\"name\":\"Dana\",\"tier\":\"gold\"}")))
                        .post("/echo", (req, res) -> res.header("Content-Type", "text/plain")
                                .sendString(req.receive().aggregate().asString().map(body ->
                                        req.requestHeaders().get("Content-Type") + "|" + req.requestHeaders().get("X-Api-Key") + "|" + body)))
                        .get("/fail", (req, res) -> res.status(500).sendString(Mono.just("{\"error\":\"boom\"}")))
                        .get("/slow", (req, res) -> res.sendString(Mono.just("late").delayElement(Duration.ofSeconds(3))))
                        .get("/huge-declared", (req, res) -> res.header("Content-Length", String.valueOf(TWO_MB))
                                .sendByteArray(Mono.just(big)))
                        .get("/huge-chunked", (req, res) -> res.sendByteArray(
                                Flux.range(0, TWO_MB / 65536).map(i -> Arrays.copyOf(big, 65536))))
                        .get("/just-under", (req, res) -> res.sendByteArray(Mono.just(Arrays.copyOf(big, WebClientHttpPort.MAX_BODY_BYTES))))
                        .get("/html", (req, res) -> res.header("Content-Type", "text/html; charset=ISO-8859-1")
                                .sendByteArray(Mono.just("<html>caf\u00e9</html>".getBytes(StandardCharsets.ISO_8859_1))))
                        .get("/moved", (req, res) -> res.status(302).header("Location", "/customer").send()))
                .bindNow();
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stopServer() {
        server.disposeNow();
    }

    private HttpPort.Result send(String method, String url, Map<String, String> headers, String body, Duration timeout)
            throws Exception {
        return http.send(new HttpPort.Request(method, url, headers, body, timeout)).toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    private HttpPort.Result get(String path) throws Exception {
        return send("GET", base + path, Map.of(), null, TIMEOUT);
    }

    @Test
    void shouldAnswerTheStatusHeadersAndBody() throws Exception {
        HttpPort.Result r = get("/customer");

        assertThat(r).isInstanceOfSatisfying(HttpPort.Response.class, ok -> {
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.body()).isEqualTo("{\"name\":\"Dana\",\"tier\":\"gold\"}");
            assertThat(ok.headers()).containsEntry("X-Request-Id", "r-1");
        });
    }

    @Test
    void shouldSendTheMethodHeadersAndBody() throws Exception {
        HttpPort.Result r = send("post", base + "/echo", Map.of("Content-Type", "application/json", "X-Api-Key", "k"),
                "{\"caller\":\"+15550100\"}", TIMEOUT);

        assertThat(r).isEqualTo(new HttpPort.Response(200, ((HttpPort.Response) r).headers(),
                "application/json|k|{\"caller\":\"+15550100\"}"));
    }

    @Test
    void shouldAnswerAServerErrorAsAResponseNotAFailure() throws Exception {
        assertThat(get("/fail")).isInstanceOfSatisfying(HttpPort.Response.class, r -> {
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.body()).isEqualTo("{\"error\":\"boom\"}");
        });
    }

    @Test
    void shouldTimeOutWithinTheRequestsTimeout() throws Exception {
        long start = System.nanoTime();

        HttpPort.Result r = send("GET", base + "/slow", Map.of(), null, Duration.ofMillis(300));

        assertThat(r).isInstanceOf(HttpPort.TimedOut.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void shouldRefuseABodyLargerThanOneMegabyteWhetherDeclaredOrStreamed() throws Exception {
        for (String path : new String[] {"/huge-declared", "/huge-chunked"}) {
            assertThat(get(path)).as(path).isInstanceOfSatisfying(HttpPort.Failed.class,
                    f -> assertThat(f.reason()).contains("larger than 1 MB"));
        }
        assertThat(get("/just-under")).isInstanceOfSatisfying(HttpPort.Response.class,
                r -> assertThat(r.body()).hasSize(WebClientHttpPort.MAX_BODY_BYTES));
    }

    @Test
    void shouldAnswerABodyThatIsNotJsonAsItCameDecodedWithItsCharset() throws Exception {
        // Whether the body is JSON is the http node's business (its error exit names the reason), not the port's.
        assertThat(get("/html")).isInstanceOfSatisfying(HttpPort.Response.class, r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("<html>caf\u00e9</html>");
        });
    }

    @Test
    void shouldNotFollowRedirects() throws Exception {
        assertThat(get("/moved")).isInstanceOfSatisfying(HttpPort.Response.class, r -> {
            assertThat(r.status()).isEqualTo(302);
            assertThat(r.headers()).containsEntry("Location", "/customer");
        });
    }

    @Test
    void shouldRefuseSchemesOtherThanHttpAndHttps() throws Exception {
        for (String url : new String[] {"ftp://127.0.0.1/file", "file:///etc/passwd", "gopher://x", "not a url", "http:///nohost", ""}) {
            assertThat(send("GET", url, Map.of(), null, TIMEOUT)).as(url).isInstanceOf(HttpPort.Failed.class);
        }
    }

    @Test
    void shouldFailWhenNothingListens() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }

        assertThat(send("GET", "http://127.0.0.1:" + closedPort + "/", Map.of(), null, TIMEOUT))
                .isInstanceOfSatisfying(HttpPort.Failed.class, f -> assertThat(f.reason()).containsIgnoringCase("connect"));
    }

    @Test
    void shouldFailOnABadMethodOrHeaderWithoutThrowing() throws Exception {
        assertThat(send("TRACE", base + "/customer", Map.of(), null, TIMEOUT)).isInstanceOf(HttpPort.Failed.class);
        assertThat(send("GET", base + "/customer", Map.of("X-Bad", "a\r\nInjected: yes"), null, TIMEOUT))
                .isInstanceOf(HttpPort.Failed.class);
        assertThat(http.send(null).toCompletableFuture().get(1, TimeUnit.SECONDS)).isInstanceOf(HttpPort.Failed.class);
    }
}
