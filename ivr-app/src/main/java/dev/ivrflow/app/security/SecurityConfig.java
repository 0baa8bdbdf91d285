package dev.ivrflow.app.security;

import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.ivrflow.app.config.IvrProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.session.WebSessionIdResolver;

import java.time.Clock;
import java.util.Set;

/**
 * Who may call what. Every request is either anonymous, a person logged in with a session cookie, or a program
 * with an API token ({@code Authorization: Bearer ivr_...}); both carry the same roles, each including those
 * below it: {@code ADMIN > PUBLISHER > EDITOR > VIEWER}. The rules, first match wins:
 *
 * <table>
 * <caption>Authorization rules</caption>
 * <tr><th>requests</th><th>who</th></tr>
 * <tr><td>{@code POST /api/auth/login}, {@code POST /api/auth/logout}, {@code GET /api/auth/csrf}, {@code GET /api/auth/session},
 *     {@code GET /actuator/health} and {@code /actuator/health/**}, and the designer's static files
 *     {@code GET /}, {@code /index.html}, {@code /assets/**}, {@code /favicon.ico} and its pages {@code /login},
 *     {@code /flows} and {@code /flows/**} (all the same {@code index.html}: the app's router draws them, and asks
 *     the API, which needs a login, for anything that is not public)</td><td>anyone</td></tr>
 * <tr><td>{@code GET /api/auth/me}</td><td>any authenticated caller</td></tr>
 * <tr><td>{@code /api/users/**}, {@code /api/tokens/**}, {@code /actuator/**} (all but health, e.g.
 *     {@code /actuator/prometheus})</td><td>ADMIN</td></tr>
 * <tr><td>{@code POST /api/flows/{id}/publish}, {@code POST /api/flows/{id}/rollback} (and anything below
 *     them)</td><td>PUBLISHER</td></tr>
 * <tr><td>{@code POST}, {@code PUT}, {@code DELETE} under {@code /api/flows/**}; {@code POST /api/import/**};
 *     {@code POST /api/validate} (validating an unsaved document, as an editor does)</td><td>EDITOR</td></tr>
 * <tr><td>{@code /api/sim/**}, any method (simulating changes nothing); {@code POST /api/calendar/preview}
 *     (evaluating a calendar changes nothing)</td><td>VIEWER</td></tr>
 * <tr><td>every other {@code GET /api/**} (flows, versions, diffs, schema, catalogue, calls, stats);
 *     {@code GET /v3/api-docs/**}, {@code /swagger-ui.html}, {@code /swagger-ui/**},
 *     {@code /webjars/swagger-ui/**}</td><td>VIEWER</td></tr>
 * <tr><td>anything else under {@code /api/**} (e.g. {@code PATCH}, or a path no rule names)</td>
 *     <td>no one (deny by default): 403, or 401 when anonymous</td></tr>
 * <tr><td>any other path (designer routes)</td><td>any authenticated caller</td></tr>
 * </table>
 *
 * <p>An anonymous request to a protected route gets 401 {@code application/problem+json} (never a redirect), a
 * caller without the role gets 403 {@code application/problem+json}; only a browser navigating to a page outside
 * the API ({@code GET} with {@code Accept: text/html}) is redirected to {@code /login}. A controller can rely on
 * these rules and need not check roles itself; {@link CurrentUser} says who is calling, for audit.
 *
 * <p><b>What the designer sends.</b> It logs in with {@code POST /api/auth/login} and a JSON body
 * ({@code Content-Type: application/json}, which a cross-site form cannot send), and then sends the
 * {@code IVR_SESSION} cookie, {@code HttpOnly} and {@code SameSite=Strict}, which the browser does by itself on
 * same-origin requests. Every {@code POST}, {@code PUT}, {@code PATCH} and {@code DELETE} sent with a session
 * cookie must also carry the CSRF token: the value of the {@code XSRF-TOKEN} cookie (readable by scripts, issued on
 * login, on {@code GET /api/auth/me} and on {@code GET /api/auth/csrf}) in the {@code X-XSRF-TOKEN} header;
 * otherwise 403. Requests with an API token need no CSRF token. The session expires after
 * {@code server.reactive.session.timeout} idle (30 minutes by default) and lives in memory: several instances need
 * sticky sessions.
 *
 * <p><b>Programs (CI)</b> send {@code Authorization: Bearer ivr_...}, a token an admin created with
 * {@code POST /api/tokens}, typically with the role {@code editor} (import) or {@code publisher} (publish). There is
 * no command to create a token outside the API: create the first one as admin in the designer or with curl.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfig {
    /**
     * bcrypt work factor 10 (Spring's default, OWASP's minimum): some 50 to 100 ms a check, slow enough to make a
     * stolen hash expensive to attack, cheap enough for the login limits to bound what an attacker costs the server.
     * Hashes keep their own factor, so raising it later affects only new and changed passwords.
     */
    static final int BCRYPT_STRENGTH = 10;

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, SessionContextRepository sessions,
                                                  CsrfCookieRepository csrfTokens, ApiTokenStore tokens) {
        ProblemResponses problems = new ProblemResponses();
        return http
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(c -> c.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(sessions)
                .csrf(c -> c.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(csrfRequired())
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterAt(BearerTokens.filter(tokens, problems), SecurityWebFiltersOrder.AUTHENTICATION)
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.SAME_ORIGIN)))
                .authorizeExchange(SecurityConfig::rules)
                .build();
    }

    /** The rules of the class comment, in order. */
    static void rules(ServerHttpSecurity.AuthorizeExchangeSpec a) {
        a.pathMatchers(HttpMethod.POST, "/api/auth/login", "/api/auth/logout").permitAll()
                .pathMatchers(HttpMethod.GET, "/api/auth/csrf", "/api/auth/session").permitAll()
                .pathMatchers(HttpMethod.GET, "/api/auth/me").authenticated()
                .pathMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                .pathMatchers(HttpMethod.GET, "/", "/index.html", "/assets/**", "/favicon.ico", "/login", "/flows",
                        "/flows/**").permitAll()
                .pathMatchers("/api/users/**", "/api/tokens/**", "/actuator/**").access(role(Role.ADMIN))
                .pathMatchers(HttpMethod.POST, "/api/flows/*/publish/**", "/api/flows/*/rollback/**").access(role(Role.PUBLISHER))
                .pathMatchers(HttpMethod.POST, "/api/flows/**").access(role(Role.EDITOR))
                .pathMatchers(HttpMethod.PUT, "/api/flows/**").access(role(Role.EDITOR))
                .pathMatchers(HttpMethod.DELETE, "/api/flows/**").access(role(Role.EDITOR))
                .pathMatchers(HttpMethod.POST, "/api/import/**", "/api/validate").access(role(Role.EDITOR))
                .pathMatchers("/api/sim/**").access(role(Role.VIEWER))
                .pathMatchers(HttpMethod.POST, "/api/calendar/preview").access(role(Role.VIEWER))
                .pathMatchers(HttpMethod.GET, "/api/**").access(role(Role.VIEWER))
                .pathMatchers(HttpMethod.GET, "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                        "/webjars/swagger-ui/**").access(role(Role.VIEWER))
                .pathMatchers("/api/**").denyAll()
                .anyExchange().authenticated();
    }

    /**
     * Admits an authenticated caller whose authorities reach {@code role} through the hierarchy. (Spring's reactive
     * {@code hasRole} ignores hierarchies; authentications built here already hold every role they reach, but one
     * built elsewhere, such as a test's {@code mockUser().roles("ADMIN")}, holds only what it names.)
     */
    static ReactiveAuthorizationManager<AuthorizationContext> role(Role role) {
        return (authentication, context) -> authentication
                .filter(a -> a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken))
                .map(a -> (AuthorizationResult) new AuthorizationDecision(Role.reached(a.getAuthorities()).contains(role)))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }

    /**
     * A CSRF token is required on a state-changing request that a browser could send on its own: one that carries
     * the session cookie and no bearer token. Login is exempt (it carries no authority yet, and needs a JSON body a
     * cross-site form cannot send); so is a request without a session cookie, which is anonymous.
     */
    static ServerWebExchangeMatcher csrfRequired() {
        Set<HttpMethod> safe = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);
        return exchange -> {
            var request = exchange.getRequest();
            boolean required = !safe.contains(request.getMethod())
                    && !BearerTokens.present(exchange)
                    && request.getCookies().containsKey(Cookies.SESSION)
                    && !(request.getMethod() == HttpMethod.POST
                         && request.getPath().pathWithinApplication().value().equals("/api/auth/login"));
            return required ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(BCRYPT_STRENGTH);
    }

    @Bean
    UserStore userStore(MongoDatabase db) {
        return new UserStore(db, Clock.systemUTC());
    }

    @Bean
    ApiTokenStore apiTokenStore(MongoDatabase db) {
        return new ApiTokenStore(db, Clock.systemUTC());
    }

    @Bean
    LoginThrottle loginThrottle(IvrProperties properties) {
        return new LoginThrottle(properties.security().loginLimit(), Clock.systemUTC());
    }

    @Bean
    Cookies securityCookies(IvrProperties properties) {
        return new Cookies(properties.security().secureCookies());
    }

    /** Replaces Spring Boot's session cookie resolver (see {@link SessionCookieResolver}). */
    @Bean
    WebSessionIdResolver webSessionIdResolver(Cookies cookies) {
        return new SessionCookieResolver(cookies);
    }

    @Bean
    CsrfCookieRepository csrfCookieRepository(Cookies cookies) {
        return new CsrfCookieRepository(cookies);
    }

    @Bean
    SessionContextRepository sessionContextRepository(UserStore users) {
        return new SessionContextRepository(users);
    }

    /** The users, for Spring Security (and so that Spring Boot does not make up its own user). */
    @Bean
    ReactiveUserDetailsService userDetailsService(UserStore users) {
        return username -> users.find(username).map(u -> User.withUsername(u.username()).password(u.passwordHash())
                .authorities(Role.authorities(u.roles())).disabled(u.disabled()).build());
    }

    @Bean
    SecurityBootstrap securityBootstrap(UserStore users, ApiTokenStore tokens, PasswordEncoder encoder,
                                        IvrProperties properties) {
        return new SecurityBootstrap(users, tokens, encoder, properties.security().adminPassword());
    }
}
