package dev.ivrflow.app.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockUser;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/**
 * Deploying a folder of flows from CI with an API token, against the real application on a random port: import and
 * publish, then export into another folder, byte for byte.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RemoteFlowsTest {
    private static final Path EXAMPLES = Path.of("../flows-examples/flows");

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("ivr.data-dir", () -> dataDir.toString());
        registry.add("ivr.mongodb.uri", () -> "");
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private String server;

    @BeforeEach
    void setUp() {
        server = "http://127.0.0.1:" + port;
    }

    private String token(String role) {
        WebTestClient admin = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).build()
                .mutateWith(mockUser("root").roles("ADMIN")).mutateWith(csrf());
        byte[] body = admin.post().uri("/api/tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"ci-" + role + "\", \"role\": \"" + role + "\"}")
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBodyContent();
        return JsonMapper.builder().build().readTree(body).get("token").asString();
    }

    private int run(String... args) {
        return new RemoteFlows(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(args);
    }

    @Test
    void shouldImportAndPublishAFolderThenExportTheSameBytes(@TempDir Path exported) throws IOException {
        String token = token("publisher");

        int imported = run("import", "--server", server, "--token", token, "--publish", "--comment", "from CI",
                EXAMPLES.toString());
        assertThat(imported).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("main-line.flow.json: created, published as version 1")
                .contains("6 flows imported");

        int exportedCode = run("export", "--server", server, "--token", token, "--published", exported.toString());
        assertThat(exportedCode).as(err.toString(StandardCharsets.UTF_8)).isZero();
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path original : files.filter(p -> p.toString().endsWith(".flow.json")).toList()) {
                assertThat(exported.resolve(original.getFileName())).as("exported %s", original.getFileName())
                        .hasBinaryContent(Files.readAllBytes(original));
            }
        }
    }

    @Test
    void shouldRefuseToPublishWithAnEditorTokenAndSayWhy() {
        int code = run("import", "--server", server, "--token", token("editor"), "--publish", "--comment", "x",
                EXAMPLES.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("the server refused (403)");
    }

    @Test
    void shouldSayWhichPointerIsWrongWhenAFlowIsBroken(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("broken.flow.json"), "{ \"schema\": \"ivr-flow/1\", \"id\": \"broken\" }");

        int code = run("import", "--server", server, "--token", token("editor"), folder.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("the server refused (400)").contains("broken.flow.json");
    }

    @Test
    void shouldExplainMissingTokensAndBadTokens() {
        assertThat(run("import", "--server", server, EXAMPLES.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no API token");

        assertThat(run("export", "--server", server, "--token", "ivr_nope", "/tmp/x")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("the server refused (401): check the token");
    }
}
