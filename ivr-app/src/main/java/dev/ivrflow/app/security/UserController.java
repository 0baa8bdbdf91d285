package dev.ivrflow.app.security;

import dev.ivrflow.app.api.error.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Managing users (admin only, see {@link SecurityConfig}). Passwords are never returned; they are stored as bcrypt
 * hashes. The last enabled admin can be neither deleted, nor disabled, nor demoted: make another admin first.
 *
 * <ul>
 * <li>{@code GET /api/users}, {@code GET /api/users/{name}}</li>
 * <li>{@code POST /api/users} {@code {"username", "password", "roles": ["editor"]}}: 201</li>
 * <li>{@code PUT /api/users/{name}} with any of {@code "roles"}, {@code "disabled"}, {@code "password"}; a new
 *     password ends the user's sessions</li>
 * <li>{@code DELETE /api/users/{name}}: 204</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/users")
class UserController {
    private static final Logger log = LoggerFactory.getLogger(UserController.class);
    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@+-]{0,63}");
    private static final String USERNAME_EXPECTED =
            "1 to 64 characters: lower-case letters, digits and . _ @ + -, starting with a letter or digit";

    private final UserStore users;
    private final PasswordEncoder encoder;

    UserController(UserStore users, PasswordEncoder encoder) {
        this.users = users;
        this.encoder = encoder;
    }

    /** A user as the API shows it: no password, no hash. */
    record UserView(String username, List<String> roles, boolean disabled, Instant createdAt, Instant updatedAt,
                    Instant passwordChangedAt) {
        static UserView of(UserAccount u) {
            return new UserView(u.username(), Role.json(u.roles()), u.disabled(), u.createdAt(), u.updatedAt(),
                    u.passwordChangedAt());
        }
    }

    @GetMapping
    Flux<UserView> list() {
        return users.all().map(UserView::of);
    }

    @GetMapping("/{name}")
    Mono<UserView> get(@PathVariable String name) {
        return users.find(name).map(UserView::of).switchIfEmpty(Mono.error(() -> noUser(name)));
    }

    @PostMapping
    Mono<ResponseEntity<UserView>> create(@RequestBody JsonNode body) {
        JsonBody b = JsonBody.object(body, Set.of("username", "password", "roles"));
        String username = b.matching("username", true, USERNAME, USERNAME_EXPECTED);
        String password = b.string("password", true, 0, Integer.MAX_VALUE);
        Set<Role> roles = b.roles("roles", true);
        if (password != null) {
            PasswordPolicy.problem(password, username).ifPresent(p -> b.error("/password", p, PasswordPolicy.expected()));
        }
        b.check();
        return hash(password)
                .flatMap(hash -> users.create(username, hash, roles))
                .flatMap(u -> CurrentUser.name().doOnNext(by -> log.info("user '{}' created with roles {} by {}",
                        u.username(), Role.json(u.roles()), by)).thenReturn(u))
                .map(u -> ResponseEntity.created(URI.create("/api/users/" + u.username())).body(UserView.of(u)));
    }

    @PutMapping("/{name}")
    Mono<UserView> update(@PathVariable String name, @RequestBody JsonNode body) {
        JsonBody b = JsonBody.object(body, Set.of("roles", "disabled", "password"));
        Set<Role> roles = b.roles("roles", false);
        Boolean disabled = b.bool("disabled");
        String password = b.string("password", false, 0, Integer.MAX_VALUE);
        if (password != null) {
            PasswordPolicy.problem(password, name).ifPresent(p -> b.error("/password", p, PasswordPolicy.expected()));
        }
        if (b.valid() && !b.has("roles") && !b.has("disabled") && !b.has("password")) {
            b.error("", "nothing to change", "at least one of roles, disabled, password");
        }
        b.check();
        return users.find(name).switchIfEmpty(Mono.error(() -> noUser(name)))
                .flatMap(current -> {
                    boolean staysAdmin = !(disabled != null ? disabled : current.disabled())
                            && (roles != null ? roles : current.roles()).contains(Role.ADMIN);
                    Mono<Void> guard = current.activeAdmin() && !staysAdmin ? notLastAdmin(name) : Mono.empty();
                    return guard.then(password == null ? Mono.just("") : hash(password))
                            .flatMap(hash -> users.update(name, roles, disabled, hash.isEmpty() ? null : hash));
                })
                .switchIfEmpty(Mono.error(() -> noUser(name)))
                .flatMap(u -> CurrentUser.name().doOnNext(by -> log.info("user '{}' changed by {}: {}{}{}", name, by,
                        roles == null ? "" : "roles " + Role.json(roles) + " ", disabled == null ? "" : "disabled " + disabled + " ",
                        password == null ? "" : "new password")).thenReturn(u))
                .map(UserView::of);
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(@PathVariable String name) {
        return users.find(name).switchIfEmpty(Mono.error(() -> noUser(name)))
                .flatMap(current -> (current.activeAdmin() ? notLastAdmin(name) : Mono.<Void>empty())
                        .then(users.delete(name)))
                .flatMap(deleted -> deleted ? CurrentUser.name()
                        .doOnNext(by -> log.info("user '{}' deleted by {}", name, by)).then()
                        : Mono.error(noUser(name)));
    }

    /**
     * Refuses a change that leaves no enabled admin. It checks, then acts: two admins demoting each other in the
     * same instant could both pass. That needs two admins racing; MongoDB transactions would close it, the
     * embedded server has none.
     */
    private Mono<Void> notLastAdmin(String name) {
        return users.activeAdmins().flatMap(n -> n <= 1
                ? Mono.error(ApiException.conflict("'" + name + "' is the last enabled admin: make another user admin first"))
                : Mono.empty());
    }

    private Mono<String> hash(String password) {
        return Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(Schedulers.boundedElastic());
    }

    private static ApiException noUser(String name) {
        return ApiException.notFound("no user '" + AuthController.printable(name) + "'");
    }
}
