package dev.ivrflow.app.api;

import dev.ivrflow.app.designer.SymbolNames;
import dev.ivrflow.app.flows.FlowStore;
import dev.ivrflow.flow.FlowToolkit;
import dev.ivrflow.flow.model.Environment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/environment}: the names the designer's pickers offer, from the environment file and the drafts.
 * The environment declares the queues vip and sales and the calendar paris-office, nothing else.
 */
class EnvironmentApiTest extends ApiTestSupport {
    private static final List<String> KINDS =
            List.of("queue", "gateway", "prompt", "calendar", "profile", "mailbox", "conferenceProfile");

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        registry.add("ivr.runtime.environment", () -> DesignerEnvironmentFile.write(dataDir));
    }

    @Autowired
    FlowStore store;
    @Autowired
    FlowToolkit toolkit;
    @Autowired
    Environment environment;

    private JsonNode kinds() {
        byte[] body = viewer().get().uri("/api/environment").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().returnResult().getResponseBodyContent();
        JsonNode kinds = json(body).path("kinds");
        assertThat(names(kinds.propertyNames())).as("every kind, in the schema's order").containsExactlyElementsOf(KINDS);
        for (String kind : KINDS) {
            List<String> names = names(kinds.path(kind).path("names"));
            assertThat(names).as(kind + " names sorted and unique").isSortedAccordingTo(String::compareTo).doesNotHaveDuplicates();
            assertThat(kinds.path(kind).path("declared").isBoolean()).isTrue();
        }
        return kinds;
    }

    private static List<String> names(Iterable<?> items) {
        List<String> out = new ArrayList<>();
        for (Object o : items) out.add(o instanceof JsonNode n ? n.asString() : o.toString());
        return out;
    }

    private void createDraft(String exampleId, String id) {
        editor().post().uri("/api/flows").contentType(MediaType.APPLICATION_JSON).bodyValue(exampleAs(exampleId, id))
                .exchange().expectStatus().isCreated();
    }

    @Test
    void shouldOfferTheDeclaredNamesAndSayWhichKindsTheEnvironmentDeclares() {
        JsonNode kinds = kinds();

        assertThat(kinds.path("queue").path("declared").asBoolean()).isTrue();
        assertThat(names(kinds.path("queue").path("names"))).contains("sales", "vip");
        assertThat(kinds.path("calendar").path("declared").asBoolean()).isTrue();
        assertThat(names(kinds.path("calendar").path("names"))).containsExactly("paris-office");
        for (String undeclared : List.of("gateway", "prompt", "profile", "mailbox", "conferenceProfile")) {
            assertThat(kinds.path(undeclared).path("declared").asBoolean()).as(undeclared).isFalse();
        }
    }

    @Test
    void shouldAddTheNamesTheDraftsUseMergedWithTheDeclaredOnes() {
        createDraft("main-line", "env-main-line");
        createDraft("conference-line", "env-conference");

        JsonNode kinds = kinds();

        // main-line's queues are sales (declared too: listed once), support and billing.
        assertThat(names(kinds.path("queue").path("names"))).contains("billing", "sales", "support", "vip");
        assertThat(names(kinds.path("mailbox").path("names"))).contains("billing", "general", "sales", "support");
        assertThat(names(kinds.path("profile").path("names"))).contains("asr-en");
        assertThat(names(kinds.path("conferenceProfile").path("names"))).contains("hd-audio");
        assertThat(kinds.path("mailbox").path("declared").asBoolean()).as("used is not declared").isFalse();
    }

    @Test
    void shouldSeeANameAddedByTheLatestRevisionOfADraft() {
        createDraft("main-line", "env-revised");
        assertThat(names(kinds().path("queue").path("names"))).doesNotContain("night-shift");

        String changed = exampleAs("main-line", "env-revised").replace("\"queue\": \"billing\"", "\"queue\": \"night-shift\"");
        assertThat(changed).contains("night-shift");
        editor().put().uri("/api/flows/env-revised").header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(changed).exchange().expectStatus().isOk();

        assertThat(names(kinds().path("queue").path("names"))).contains("night-shift");
    }

    @Test
    void shouldLookOnlyAtTheMostRecentlySavedDraftsUpToTheCap() throws InterruptedException {
        createDraft("main-line", "env-cap-old");
        String old = exampleAs("main-line", "env-cap-old").replace("\"queue\": \"billing\"", "\"queue\": \"old-queue\"");
        editor().put().uri("/api/flows/env-cap-old").header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(old).exchange().expectStatus().isOk();
        Thread.sleep(5); // a later updatedAt for the next save
        createDraft("conference-line", "env-cap-new");

        SymbolNames capped = new SymbolNames(store, toolkit.reader(), environment, 1);
        var names = capped.names().block(Duration.ofSeconds(30));

        assertThat(names.get("conferenceProfile").names()).contains("hd-audio");
        assertThat(names.get("queue").names()).as("only the newest draft is looked at").doesNotContain("old-queue")
                .contains("sales", "vip");
    }

    @Test
    void shouldNeedALogin() {
        client.get().uri("/api/environment").exchange().expectStatus().isUnauthorized();
    }
}
