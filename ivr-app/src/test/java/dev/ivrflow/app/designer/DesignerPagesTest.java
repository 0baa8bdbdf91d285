package dev.ivrflow.app.designer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The designer's pages: a deep link or a reload of any page its router draws gets its index.html, without a login;
 * the API stays protected. The static files here are a stand-in (test resources under designer-pages-test/), so the
 * test does not depend on whether the real designer was built.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DesignerPagesTest {
    private static final String MARKER = "designer stand-in for DesignerPagesTest";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("ivr.data-dir", () -> dataDir.toString());
        registry.add("ivr.mongodb.uri", () -> "");
        registry.add("spring.web.resources.static-locations", () -> "classpath:/designer-pages-test/");
    }

    @LocalServerPort
    int port;

    private WebTestClient client;

    @BeforeEach
    void setUp() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30)).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/login", "/flows", "/flows/", "/flows/main-line", "/flows/main-line/versions/3",
            "/flows/main-line?node=hours"})
    void shouldAnswerEveryDesignerPageWithTheAppWithoutALogin(String path) {
        String body = client.get().uri(path).accept(MediaType.TEXT_HTML, MediaType.ALL).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noCache())
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains(MARKER);
    }

    @Test
    void shouldServeTheAppsAssetsWithoutALogin() {
        client.get().uri("/assets/app.js").exchange().expectStatus().isOk()
                .expectBody(String.class).value(js -> assertThat(js).contains("dataset.loaded"));
    }

    @Test
    void shouldKeepTheApiProtected() {
        client.get().uri("/api/flows").accept(MediaType.TEXT_HTML).exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/environment").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void shouldNotAnswerAPageToARequestThatWantsNoHtml() {
        client.get().uri("/flows/main-line").accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isNotFound();
        client.post().uri("/flows/main-line").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().value(status -> assertThat(status).isNotEqualTo(200));
    }

    @Test
    void shouldSayTheDesignerWasNotBuiltWhenItHasNoIndexHtml() {
        DesignerPages pages = new DesignerPages(new DefaultResourceLoader(), List.of("classpath:/no-designer-here/"));
        WebTestClient bare = WebTestClient.bindToRouterFunction(pages.routes()).build();

        String body = bare.get().uri("/flows/main-line").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains("designer was not built");
    }
}
