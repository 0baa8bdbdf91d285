package dev.ivrflow.app.api;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Map;

/**
 * The role boundaries on the real routes (the security tests check the rules on stand-in routes): for each
 * boundary, a 401 without a login, a 403 for the role just below, and success at the boundary.
 */
class RealRoutesAuthorizationTest extends ApiTestSupport {

    private WebTestClient anonymous() {
        return client.mutateWith(org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf());
    }

    private WebTestClient admin() {
        return as("ada", "VIEWER", "EDITOR", "PUBLISHER", "ADMIN");
    }

    private void createDraft(String id) {
        editor().post().uri("/api/flows").contentType(MediaType.APPLICATION_JSON).bodyValue(exampleAs("main-line", id))
                .exchange().expectStatus().isCreated();
    }

    @Test
    void viewersReadButNeedALogin() {
        anonymous().get().uri("/api/flows").exchange().expectStatus().isUnauthorized();
        viewer().get().uri("/api/flows").exchange().expectStatus().isOk();
        anonymous().get().uri("/api/calls").exchange().expectStatus().isUnauthorized();
        viewer().get().uri("/api/calls").exchange().expectStatus().isOk();
        anonymous().get().uri("/api/numbers").exchange().expectStatus().isUnauthorized();
        viewer().get().uri("/api/numbers").exchange().expectStatus().isOk();
    }

    @Test
    void editorsChangeDraftsImportAndMapNumbersViewersCannot() {
        String body = exampleAs("main-line", "authz-draft");
        anonymous().post().uri("/api/flows").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isUnauthorized();
        viewer().post().uri("/api/flows").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isForbidden();
        editor().post().uri("/api/flows").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated();

        viewer().delete().uri("/api/flows/authz-draft").exchange().expectStatus().isForbidden();
        viewer().post().uri("/api/import").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(exampleAs("main-line", "authz-import")).exchange().expectStatus().isForbidden();
        editor().post().uri("/api/import").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(exampleAs("main-line", "authz-import")).exchange().expectStatus().is2xxSuccessful();

        viewer().put().uri("/api/flows/authz-draft/numbers/+15550100").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of()).exchange().expectStatus().isForbidden();
        viewer().post().uri("/api/validate").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isForbidden();
        editor().post().uri("/api/validate").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk();
    }

    @Test
    void publishersPublishAndRollBackEditorsCannot() {
        createDraft("authz-publish");
        Map<String, Object> comment = Map.of("comment", "first");
        anonymous().post().uri("/api/flows/authz-publish/publish").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(comment).exchange().expectStatus().isUnauthorized();
        editor().post().uri("/api/flows/authz-publish/publish").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(comment).exchange().expectStatus().isForbidden();
        publisher().post().uri("/api/flows/authz-publish/publish").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(comment).exchange().expectStatus().isCreated();

        editor().post().uri("/api/flows/authz-publish/rollback").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("version", 1, "comment", "back")).exchange().expectStatus().isForbidden();
        editor().post().uri("/api/import/zip?publish=true&comment=x").contentType(MediaType.parseMediaType("application/zip"))
                .bodyValue(zip(Map.of("authz-zip.flow.json", exampleAs("main-line", "authz-zip")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void adminsManageUsersAndTokensPublishersCannot() {
        anonymous().get().uri("/api/users").exchange().expectStatus().isUnauthorized();
        publisher().get().uri("/api/users").exchange().expectStatus().isForbidden();
        admin().get().uri("/api/users").exchange().expectStatus().isOk();
        publisher().get().uri("/api/tokens").exchange().expectStatus().isForbidden();
        admin().get().uri("/api/tokens").exchange().expectStatus().isOk();
        publisher().get().uri("/actuator/prometheus").exchange().expectStatus().isForbidden();
    }

    @Test
    void everyRoleMaySimulateButNotAnonymously() {
        anonymous().post().uri("/api/sim/calls").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("flowId", "nope")).exchange().expectStatus().isUnauthorized();
        viewer().post().uri("/api/sim/calls").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("flowId", "nope")).exchange().expectStatus().isNotFound();
    }
}
