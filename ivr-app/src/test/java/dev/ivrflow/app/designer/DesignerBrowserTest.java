package dev.ivrflow.app.designer;

import dev.ivrflow.app.flows.FlowStore;
import dev.ivrflow.app.runtime.EslOutboundService;
import dev.ivrflow.esl.fssim.FreeSwitchSimulator;
import dev.ivrflow.esl.fssim.SimulatedCall;
import dev.ivrflow.flow.sim.CallerStep;
import dev.ivrflow.flow.sim.SimCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * The designer's browser end-to-end suite ({@code designer-ui/e2e/run.mjs}, Playwright driving Debian's Chromium)
 * against the real application: the embedded database in a fresh directory, HTTP on a free port, the ESL server on
 * another, the first admin from {@code ivr.security.admin-password}, and a viewer and an editor (who may not
 * publish) created through the user API. The suite's output goes to this test's log; it fails the test by exiting
 * non-zero (its last lines are in the failure), or by taking longer than {@value #TIMEOUT_MINUTES} minutes.
 *
 * <p>It needs Chromium at {@code /usr/bin/chromium} ({@code .ci/run} installs it), node on the PATH, and the built
 * designer on the classpath (the reactor build puts designer-ui's {@code target/classes} there; a lone
 * {@code -pl ivr-app} build uses the designer-ui jar last installed).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DesignerBrowserTest {
    static final int TIMEOUT_MINUTES = 10;
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final int LAST_LINES = 80;
    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "e2e-admin-" + UUID.randomUUID();
    private static final String VIEWER = "e2e-viewer";
    private static final String VIEWER_PASSWORD = "e2e-viewer-" + UUID.randomUUID();
    private static final String EDITOR = "e2e-editor";
    private static final String EDITOR_PASSWORD = "e2e-editor-" + UUID.randomUUID();

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("ivr.data-dir", () -> dataDir.toString());
        registry.add("ivr.mongodb.uri", () -> "");
        registry.add("ivr.security.admin-password", () -> ADMIN_PASSWORD);
        registry.add("ivr.esl.outbound.port", () -> "0");
    }

    /** A published flow that real calls (over the Event Socket, from the FreeSWITCH simulator) have gone through. */
    static final String STATS_FLOW = "e2e-stats";

    @LocalServerPort
    int port;
    @Autowired
    FlowStore store;
    @Autowired
    EslOutboundService esl;

    @Test
    void shouldPassTheDesignersBrowserSuite() throws Exception {
        Path designerUi = Path.of("").toAbsolutePath().resolve("../designer-ui").normalize();
        Path script = designerUi.resolve("e2e/run.mjs");
        Path out = designerUi.resolve("test-output");
        String baseUrl = "http://127.0.0.1:" + port;
        requireChromium();
        if (!Files.isRegularFile(script)) fail("the designer's browser suite is missing: " + script);
        String node = executableOnPath("node");
        if (node == null) fail("node is not on the PATH: the designer's browser suite runs with node");

        WebTestClient http = WebTestClient.bindToServer().baseUrl(baseUrl).responseTimeout(Duration.ofSeconds(30)).build();
        requireBuiltDesigner(http);
        Map<String, String> admin = createUsers(http);
        callsForStatistics(http, admin);
        Files.createDirectories(out);

        ProcessBuilder pb = new ProcessBuilder(node, "e2e/run.mjs").directory(designerUi.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("IVR_BASE_URL", baseUrl);
        env.put("IVR_USER", ADMIN);
        env.put("IVR_PASSWORD", ADMIN_PASSWORD);
        env.put("IVR_VIEWER_USER", VIEWER);
        env.put("IVR_VIEWER_PASSWORD", VIEWER_PASSWORD);
        env.put("IVR_EDITOR_USER", EDITOR);
        env.put("IVR_EDITOR_PASSWORD", EDITOR_PASSWORD);
        env.put("CHROMIUM", CHROMIUM.toString());
        env.put("E2E_OUT", out.toString());
        env.put("IVR_STATS_FLOW", STATS_FLOW);

        Process suite = pb.start();
        Deque<String> last = new ArrayDeque<>();
        Thread pump = Thread.ofPlatform().daemon().name("e2e-output").start(() -> pump(suite, last));
        boolean finished = suite.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            // Chromium runs as the script's children: end them too, or they outlive the build.
            suite.descendants().forEach(ProcessHandle::destroyForcibly);
            suite.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        pump.join(Duration.ofSeconds(10));
        if (!finished) {
            fail("the designer's browser suite did not finish within " + TIMEOUT_MINUTES + " minutes; its last lines:\n"
                    + lastLines(last));
        }
        if (suite.exitValue() != 0) {
            fail("the designer's browser suite (node e2e/run.mjs in " + designerUi + ") exited with " + suite.exitValue()
                    + "; screenshots are in " + out + "; its last lines:\n" + lastLines(last));
        }
    }

    private static void requireChromium() {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("Chromium is not installed at " + CHROMIUM + ", and the designer's browser tests need it. .ci/run "
                    + "installs it before the tests (apt-get update && apt-get install -y chromium); on this machine, "
                    + "run that as root.");
        }
    }

    /** The designer's index.html must be served: without it the suite would only find a "not built" page. */
    private static void requireBuiltDesigner(WebTestClient http) {
        EntityExchangeResult<String> index = http.get().uri("/").accept(MediaType.TEXT_HTML).exchange()
                .expectBody(String.class).returnResult();
        HttpStatusCode status = index.getStatus();
        if (!status.is2xxSuccessful()) {
            fail("the designer is not built into the classpath (GET / answered " + status.value() + ": "
                    + index.getResponseBody() + "). Build everything with ./ivr test, or install the designer first: "
                    + "mvn install -DskipTests -pl designer-ui");
        }
    }

    /**
     * Three real calls through a published flow, so the statistics overlay has figures to draw: the caller presses 1
     * (sales), 2 (goodbye), or hangs up in the menu. Waits until the journal has them (it writes in batches).
     */
    private void callsForStatistics(WebTestClient http, Map<String, String> admin) throws Exception {
        String flow = """
                {"schema":"ivr-flow/1","id":"%s","name":"Statistics line","defaultLanguage":"en-US","start":"hello",
                 "nodes":[
                  {"id":"hello","type":"say","settings":{"text":{"en-US":"Hello"}},"exits":{"next":"menu"}},
                  {"id":"menu","type":"menu","settings":{"prompt":{"en-US":{"tts":"Press 1 or 2"}},
                    "options":[{"exit":"sales","digits":"1"},{"exit":"bye","digits":"2"}]},
                   "exits":{"sales":"sales","bye":"bye","failure":"bye"}},
                  {"id":"sales","type":"say","settings":{"text":{"en-US":"Sales"}},"exits":{"next":"bye"}},
                  {"id":"bye","type":"hangup","settings":{"cause":"normal"}}
                 ],
                 "layout":{"hello":{"x":0,"y":0},"menu":{"x":0,"y":160},"sales":{"x":-140,"y":340},"bye":{"x":140,"y":480}}}
                """.formatted(STATS_FLOW);
        store.create(STATS_FLOW, "Statistics line", flow, ADMIN).block(Duration.ofSeconds(20));
        store.publish(STATS_FLOW, "Statistics line", flow, "for the statistics overlay", ADMIN).block(Duration.ofSeconds(20));
        try (FreeSwitchSimulator freeswitch = new FreeSwitchSimulator(esl.address())) {
            for (CallerStep step : List.of(CallerStep.press("1"), CallerStep.press("2"), CallerStep.hangUp())) {
                SimulatedCall call = freeswitch.call(new SimCall("+15550100", "Caller", "+15550199",
                        Map.of("ivr_flow", STATS_FLOW), null, List.of(step), null));
                call.awaitEnd(Duration.ofSeconds(20));
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String stats = "";
        while (System.nanoTime() < deadline) {
            stats = http.get().uri("/api/flows/" + STATS_FLOW + "/versions/1/stats")
                    .cookie("IVR_SESSION", admin.get("session")).exchange()
                    .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
            if (stats != null && stats.contains("\"entries\":3")) return;
            Thread.sleep(200);
        }
        fail("three calls through " + STATS_FLOW + " did not reach the statistics within 30 s: " + stats);
    }

    /** A viewer and an editor without publish rights, created by the admin through the user API, as people would. */
    private static Map<String, String> createUsers(WebTestClient http) {
        EntityExchangeResult<byte[]> login = http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", ADMIN, "password", ADMIN_PASSWORD)).exchange()
                .expectStatus().isOk().expectBody().returnResult();
        ResponseCookie session = login.getResponseCookies().getFirst("IVR_SESSION");
        ResponseCookie xsrf = login.getResponseCookies().getFirst("XSRF-TOKEN");
        if (session == null || xsrf == null) fail("logging in as admin set no session or CSRF cookie");
        for (var user : List.of(List.of(VIEWER, VIEWER_PASSWORD, "viewer"), List.of(EDITOR, EDITOR_PASSWORD, "editor"))) {
            http.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                    .cookie("IVR_SESSION", session.getValue()).cookie("XSRF-TOKEN", xsrf.getValue())
                    .header("X-XSRF-TOKEN", xsrf.getValue())
                    .bodyValue(Map.of("username", user.get(0), "password", user.get(1), "roles", List.of(user.get(2))))
                    .exchange().expectStatus().isCreated();
        }
        return Map.of("session", session.getValue(), "xsrf", xsrf.getValue());
    }

    private static void pump(Process suite, Deque<String> last) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(suite.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                System.out.println("[e2e] " + line);
                synchronized (last) {
                    last.addLast(line);
                    if (last.size() > LAST_LINES) last.removeFirst();
                }
            }
        } catch (IOException e) {
            System.out.println("[e2e] (output stopped: " + e + ")");
        }
    }

    private static String lastLines(Deque<String> last) {
        synchronized (last) {
            return last.isEmpty() ? "(no output)" : String.join("\n", last);
        }
    }

    private static String executableOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) return candidate.toString();
        }
        return null;
    }
}
