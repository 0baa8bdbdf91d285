package dev.ivrflow.app.packaged;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged application, as {@code ./ivr start} runs it: {@code java -jar ivr-app.jar}, a smoke test of what only
 * the jar can break. Every other test runs on a flat class path; the Spring Boot jar nests its libraries, and a
 * library that finds its data through the thread's context class loader can fail there (jollyday did, on threads of
 * the common fork-join pool: the calendar preview answered a 500 only in the jar). Which thread first asks is not
 * deterministic, so that failure itself is pinned by flow-runtime's {@code PublicHolidaysClassLoaderTest}; this test
 * checks that the designer, the holiday data, the schema, the validator and CEL all load from the jar. Runs after
 * {@code package} (failsafe).
 */
class PackagedAppIT {
    private static final Duration START = Duration.ofSeconds(120);
    private static final String PASSWORD = "packaged-" + UUID.randomUUID();

    @TempDir
    static Path data;

    private static Process app;
    private static String base;
    private static Path log;
    private static final CookieManager cookies = new CookieManager();
    private static final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        Path jar = Path.of("target/ivr-app.jar").toAbsolutePath();
        assertThat(jar).as("the packaged app (mvn package)").exists();
        int port = freePort();
        base = "http://127.0.0.1:" + port;
        log = Path.of("target/packaged-app.log").toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--server.port=" + port, "--ivr.esl.outbound.port=" + freePort(),
                "--ivr.data-dir=" + data).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("IVR_ADMIN_PASSWORD", PASSWORD);
        pb.environment().remove("IVR_MONGODB_URI");
        app = pb.start();
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) throw new AssertionError("the packaged app exited: " + tail());
            try {
                if (get("/actuator/health").statusCode() == 200) return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the packaged app did not start within " + START + ": " + tail());
    }

    @AfterAll
    static void stop() throws Exception {
        if (app == null) return;
        app.destroy();
        if (!app.waitFor(30, TimeUnit.SECONDS)) app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldServeTheDesignerFromTheJar() throws Exception {
        HttpResponse<String> index = get("/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("<div id=\"root\">");
        Matcher script = Pattern.compile("/assets/[^\"]+\\.js").matcher(index.body());
        assertThat(script.find()).as("the page names its script").isTrue();
        assertThat(get(script.group()).statusCode()).isEqualTo(200);
        assertThat(get("/flows/anything").body()).as("a deep link").contains("<div id=\"root\">");
    }

    @Test
    void shouldDecideAHolidayInTheJar() throws Exception {
        // given a signed-in admin, when the calendar preview asks about Christmas in New York
        login();
        String week = "\"mon\":[\"09:00-17:00\"],\"tue\":[\"09:00-17:00\"],\"wed\":[\"09:00-17:00\"],"
                + "\"thu\":[\"09:00-17:00\"],\"fri\":[\"09:00-17:00\"],\"sat\":[],\"sun\":[]";
        String body = "{\"settings\":{\"calendar\":{\"timeZone\":\"America/New_York\",\"weekly\":{" + week + "},"
                + "\"holidays\":{\"country\":\"US\"}}},\"at\":\"2026-12-25T10:00:00-05:00\"}";
        HttpResponse<String> r = post("/api/calendar/preview", body);

        // then the holiday data is found inside the jar
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"decision\":\"holiday\"").contains("Christmas");
    }

    @Test
    void shouldValidateAnExampleFlowInTheJar() throws Exception {
        // given the main-line example (CEL expressions, calendar, menus), when validated by the packaged app
        login();
        String flow = Files.readString(Path.of("../flows-examples/flows/main-line.flow.json"));
        HttpResponse<String> r = post("/api/validate", flow);

        // then the schema, the validator and CEL all load from the nested jars
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"valid\":true");
    }

    private static void login() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new AssertionError("no CSRF cookie"));
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                        .header("X-XSRF-TOKEN", csrf).timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html,application/json")
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String tail() {
        try {
            var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
