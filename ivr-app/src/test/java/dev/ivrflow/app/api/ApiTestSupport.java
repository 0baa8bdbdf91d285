package dev.ivrflow.app.api;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockUser;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/**
 * The application on a random port with the embedded database in a fresh data directory per test class (closed
 * after the class), and a WebTestClient through the security filters, acting as a mock user with roles.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class ApiTestSupport {
    static final Path EXAMPLES = Path.of("../flows-examples/flows");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("ivr.data-dir", () -> dataDir.toString());
        registry.add("ivr.mongodb.uri", () -> "");
    }

    @Autowired
    ApplicationContext context;

    WebTestClient client;

    @BeforeEach
    void client() {
        // Generous: the first /v3/api-docs or a cold validation can take seconds on a busy build machine.
        client = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient()
                .responseTimeout(java.time.Duration.ofSeconds(60)).build();
    }

    /** A signed-in user with these roles, with a CSRF token on changes. */
    WebTestClient as(String user, String... roles) {
        return client.mutateWith(mockUser(user).roles(roles)).mutateWith(csrf());
    }

    // Mock users have only the roles they name: the hierarchy (PUBLISHER > EDITOR > VIEWER) is spelt out.

    WebTestClient viewer() {
        return as("vera", "VIEWER");
    }

    WebTestClient editor() {
        return as("ed", "VIEWER", "EDITOR");
    }

    WebTestClient publisher() {
        return as("pat", "VIEWER", "EDITOR", "PUBLISHER");
    }

    static byte[] example(String id) {
        try {
            return Files.readAllBytes(EXAMPLES.resolve(id + ".flow.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String exampleText(String id) {
        return new String(example(id), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** An example flow under another id, so tests do not share state. */
    static String exampleAs(String exampleId, String newId) {
        return exampleText(exampleId).replaceFirst("\"id\": \"" + exampleId + "\"", "\"id\": \"" + newId + "\"");
    }

    static JsonNode json(byte[] body) {
        return JSON.readTree(body);
    }

    static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (var f : files.entrySet()) {
                out.putNextEntry(new ZipEntry(f.getKey()));
                out.write(f.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> out = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) out.put(e.getName(), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A problem+json answer with this status; returns its body. Never a 500. */
    static JsonNode problem(WebTestClient.ResponseSpec response, int status) {
        byte[] body = response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().returnResult().getResponseBodyContent();
        JsonNode problem = json(body);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asString()).isNotBlank();
        return problem;
    }

    /** The pointers of a problem's errors. */
    static java.util.List<String> pointers(JsonNode problem) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (JsonNode e : problem.path("errors")) out.add(e.path("pointer").asString(null));
        return out;
    }
}
