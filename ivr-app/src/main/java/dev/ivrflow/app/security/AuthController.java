package dev.ivrflow.app.security;

import dev.ivrflow.app.api.error.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Logging in and out. {@code POST /api/auth/login} with {@code {"username", "password"}} answers
 * {@code {"username", "roles", "effectiveRoles"}}, opens a session (cookie {@code IVR_SESSION}) and issues a fresh CSRF
 * token (cookie {@code XSRF-TOKEN}). Wrong credentials, an unknown user and a disabled user all get the same 401,
 * after the same bcrypt work, so nothing tells which usernames exist. Too many failures get 429 ({@link LoginThrottle}).
 */
@RestController
@RequestMapping("/api/auth")
class AuthController {
    private static final Logger log = LoggerFactory.getLogger(AuthController.class);
    private static final String WRONG = "wrong username or password";

    private final ReactiveUserDetailsService userDetails;
    private final UserStore users;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final SessionContextRepository sessions;
    private final CsrfCookieRepository csrfTokens;
    /** Checked against when the user does not exist, so that costs as long as a wrong password. */
    private final String dummyHash;

    AuthController(ReactiveUserDetailsService userDetails, UserStore users, PasswordEncoder encoder,
                   LoginThrottle throttle, SessionContextRepository sessions, CsrfCookieRepository csrfTokens) {
        this.userDetails = userDetails;
        this.users = users;
        this.encoder = encoder;
        this.throttle = throttle;
        this.sessions = sessions;
        this.csrfTokens = csrfTokens;
        this.dummyHash = encoder.encode(PasswordPolicy.generate());
    }

    @PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> login(@RequestBody JsonNode body, ServerWebExchange exchange) {
        JsonBody b = JsonBody.object(body, Set.of("username", "password"));
        String given = b.string("username", true, 1, 256);
        String password = b.string("password", true, 1, 1024);
        b.check();
        String username = given.trim().toLowerCase(Locale.ROOT);
        String address = address(exchange);
        Optional<Duration> wait = throttle.retryAfter(username, address);
        if (wait.isPresent()) {
            log.warn("login refused for '{}' from {}: too many failures", printable(username), address);
            return Mono.error(new LoginThrottledException(wait.get()));
        }
        return userDetails.findByUsername(username).map(Optional::of).defaultIfEmpty(Optional.empty())
                .publishOn(Schedulers.boundedElastic())
                .map(found -> check(found, password))
                .flatMap(ok -> {
                    if (!ok) {
                        throttle.failed(username, address);
                        log.info("failed login for '{}' from {}", printable(username), address);
                        return Mono.error(new ApiException(HttpStatus.UNAUTHORIZED, WRONG, List.of()));
                    }
                    throttle.succeeded(username);
                    log.info("'{}' logged in from {}", username, address);
                    return sessions.login(exchange, username, users.now())
                            .then(csrfTokens.generateToken(exchange).flatMap(t -> csrfTokens.saveToken(exchange, t)))
                            .then(users.find(username))
                            .map(u -> view(u.username(), u.roles(), "session"));
                });
    }

    /** Ends the session (if any). Always 204. */
    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> logout(ServerWebExchange exchange) {
        return sessions.logout(exchange);
    }

    /** The caller and their roles; also makes sure the CSRF cookie is set. 401 when not logged in. */
    @GetMapping("/me")
    Mono<Map<String, Object>> me(ServerWebExchange exchange) {
        return csrfToken(exchange).then(CurrentUser.authentication()).flatMap(this::describe);
    }

    /**
     * Whether the caller is signed in, always 200: {@code {"authenticated": false}}, or the same view as {@code /me}
     * with {@code "authenticated": true}. The designer asks this at start, so a signed-out visit is not an error.
     */
    @GetMapping("/session")
    Mono<Map<String, Object>> session() {
        // No CSRF token here: a signed-out visitor needs none, and the designer asks /api/auth/csrf before a change.
        return CurrentUser.authentication()
                .flatMap(this::describe)
                .map(view -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("authenticated", true);
                    m.putAll(view);
                    return m;
                })
                .defaultIfEmpty(Map.of("authenticated", false));
    }

    /** The CSRF token and where to send it (the cookie is set too), for a client that cannot read cookies. */
    @GetMapping("/csrf")
    Mono<Map<String, Object>> csrf(ServerWebExchange exchange) {
        return csrfToken(exchange).map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("headerName", t.getHeaderName());
            m.put("parameterName", t.getParameterName());
            m.put("token", t.getToken());
            return m;
        });
    }

    @ExceptionHandler(LoginThrottledException.class)
    ResponseEntity<ProblemDetail> throttled(LoginThrottledException e) {
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "too many failed logins: try again in " + seconds + " s");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    private boolean check(Optional<UserDetails> found, String password) {
        if (!PasswordPolicy.checkable(password)) {
            encoder.matches(PasswordPolicy.generate(), dummyHash);
            return false;
        }
        boolean matches = encoder.matches(password, found.map(UserDetails::getPassword).orElse(dummyHash));
        return matches && found.isPresent() && found.get().isEnabled();
    }

    private Mono<Map<String, Object>> describe(Authentication a) {
        if (a instanceof BearerTokens.TokenAuthentication t) {
            return Mono.just(view(a.getName(), Set.of(t.token().role()), "token"));
        }
        // A session's user exists (the session was just checked); an authentication made elsewhere (a test's mock
        // user) may not be in the database, and is described by its own authorities.
        return users.find(a.getName()).map(u -> view(u.username(), u.roles(), "session"))
                .defaultIfEmpty(view(a.getName(), Role.of(a.getAuthorities()), "session"));
    }

    private static Map<String, Object> view(String username, Set<Role> roles, String via) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", username);
        m.put("roles", Role.json(roles));
        m.put("effectiveRoles", Role.json(Role.of(Role.authorities(roles))));
        m.put("authenticatedBy", via);
        return m;
    }

    private static Mono<CsrfToken> csrfToken(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.empty() : token;
    }

    static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) return "unknown";
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }

    /** A username from the request, safe to log (no line breaks or control characters, bounded). */
    static String printable(String s) {
        String cleaned = s.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return cleaned.length() > 64 ? cleaned.substring(0, 64) + "..." : cleaned;
    }

    /** Too many failed logins; answered 429 with {@code Retry-After}. */
    static final class LoginThrottledException extends RuntimeException {
        private final Duration retryAfter;

        LoginThrottledException(Duration retryAfter) {
            super("too many failed logins", null, false, false);
            this.retryAfter = retryAfter;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }
}
