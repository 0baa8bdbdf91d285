package dev.ivrflow.app.security;

import dev.ivrflow.app.api.error.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * API tokens for programs such as CI (admin only, see {@link SecurityConfig}).
 *
 * <ul>
 * <li>{@code POST /api/tokens} {@code {"name": "ci-publish", "role": "publisher", "expiresAt": "2027-01-01T00:00:00Z"}}
 *     ({@code expiresAt} optional): 201 with the token in {@code "token"}, shown this once and never again</li>
 * <li>{@code GET /api/tokens}: every token, revoked ones too, without secrets</li>
 * <li>{@code DELETE /api/tokens/{id}}: revokes it at once (204); it stays listed, as revoked</li>
 * </ul>
 *
 * A token has one role; any role may be given, {@code admin} included (a Prometheus scraper needs it for
 * {@code /actuator/prometheus}). A token outlives the admin who made it: revoke it when it is no longer needed.
 */
@RestController
@RequestMapping("/api/tokens")
class TokenController {
    private static final Logger log = LoggerFactory.getLogger(TokenController.class);
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}");

    private final ApiTokenStore tokens;

    TokenController(ApiTokenStore tokens) {
        this.tokens = tokens;
    }

    /** A token as listed: no secret, no hash. */
    record TokenView(String id, String name, String role, String createdBy, Instant createdAt, Instant expiresAt,
                     Instant lastUsedAt, boolean revoked, Instant revokedAt, String revokedBy) {
        static TokenView of(ApiToken t) {
            return new TokenView(t.id(), t.name(), t.role() == null ? null : t.role().json(), t.createdBy(),
                    t.createdAt(), t.expiresAt(), t.lastUsedAt(), t.revoked(), t.revokedAt(), t.revokedBy());
        }
    }

    /** The answer to a creation: the listing's fields and, this once, the token. */
    record CreatedToken(String id, String name, String role, String createdBy, Instant createdAt, Instant expiresAt,
                        String token) {
    }

    @PostMapping
    Mono<ResponseEntity<CreatedToken>> create(@RequestBody JsonNode body) {
        JsonBody b = JsonBody.object(body, Set.of("name", "role", "expiresAt"));
        String name = b.matching("name", true, NAME,
                "1 to 64 characters: letters, digits, space and . _ -, starting with a letter or digit");
        Role role = b.role("role", true);
        String expires = b.string("expiresAt", false, 1, 64);
        Instant expiresAt = null;
        if (expires != null) {
            try {
                expiresAt = Instant.parse(expires);
                if (!expiresAt.isAfter(Instant.now())) {
                    b.error("/expiresAt", "'expiresAt' is in the past", "a future instant");
                }
            } catch (DateTimeParseException e) {
                b.error("/expiresAt", "'expiresAt' is not an instant", "an ISO-8601 instant such as 2027-01-01T00:00:00Z");
            }
        }
        b.check();
        Instant expiry = expiresAt;
        return CurrentUser.name()
                .flatMap(by -> tokens.create(name, role, expiry, by))
                .doOnNext(c -> log.info("API token '{}' ({}) with role {} created by {}", c.token().name(), c.token().id(),
                        role.json(), c.token().createdBy()))
                .map(c -> ResponseEntity.created(URI.create("/api/tokens/" + c.token().id()))
                        .cacheControl(CacheControl.noStore())
                        .body(new CreatedToken(c.token().id(), c.token().name(), c.token().role().json(),
                                c.token().createdBy(), c.token().createdAt(), c.token().expiresAt(), c.secret())));
    }

    @GetMapping
    Flux<TokenView> list() {
        return tokens.all().map(TokenView::of);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> revoke(@PathVariable String id) {
        return CurrentUser.name()
                .flatMap(by -> tokens.revoke(id, by)
                        .doOnNext(t -> log.info("API token '{}' ({}) revoked by {}", t.name(), t.id(), by)))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("no API token '" + AuthController.printable(id) + "'")))
                .then();
    }
}
