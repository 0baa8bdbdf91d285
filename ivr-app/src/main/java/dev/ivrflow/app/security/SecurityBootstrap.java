package dev.ivrflow.app.security;

import dev.ivrflow.app.api.error.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Set;

/**
 * At start, before the server listens: creates the indexes, and, when there is no user at all, the first admin,
 * {@value #ADMIN}, with the password from {@code IVR_ADMIN_PASSWORD} ({@code ivr.security.admin-password}) or,
 * when that is unset, a generated one printed once in a banner. Later starts find the user and print nothing; the
 * variable is then ignored. A configured password is never logged, and one the password policy refuses stops the
 * start.
 */
final class SecurityBootstrap implements SmartInitializingSingleton {
    static final String ADMIN = "admin";
    private static final Logger log = LoggerFactory.getLogger(SecurityBootstrap.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final UserStore users;
    private final ApiTokenStore tokens;
    private final PasswordEncoder encoder;
    private final String configuredPassword;

    SecurityBootstrap(UserStore users, ApiTokenStore tokens, PasswordEncoder encoder, String configuredPassword) {
        this.users = users;
        this.tokens = tokens;
        this.encoder = encoder;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Mono.when(users.createIndexes(), tokens.createIndexes()).block(TIMEOUT);
        if (Boolean.TRUE.equals(users.anyUser().block(TIMEOUT))) {
            if (configuredPassword != null) {
                log.info("IVR_ADMIN_PASSWORD is set but users exist, so it is ignored: change passwords with PUT /api/users/{name}");
            }
            return;
        }
        if (configuredPassword != null) {
            PasswordPolicy.problem(configuredPassword, ADMIN).ifPresent(problem -> {
                throw new IllegalStateException("IVR_ADMIN_PASSWORD (ivr.security.admin-password) is refused: " + problem);
            });
        }
        String password = configuredPassword != null ? configuredPassword : PasswordPolicy.generate();
        try {
            users.create(ADMIN, encoder.encode(password), Set.of(Role.ADMIN)).block(TIMEOUT);
        } catch (ApiException alreadyThere) {
            log.info("the first admin was created meanwhile by another instance");
            return;
        }
        if (configuredPassword != null) {
            log.info("created the first admin user '{}' with the password from IVR_ADMIN_PASSWORD", ADMIN);
        } else {
            log.warn(banner(password));
        }
    }

    private static String banner(String password) {
        String line = "=".repeat(78);
        return "\n" + line
                + "\n  ivrflow: created the first admin user. This password is shown only this once."
                + "\n"
                + "\n      username: " + ADMIN
                + "\n      password: " + password
                + "\n"
                + "\n  Log in and change it (PUT /api/users/" + ADMIN + "), or set IVR_ADMIN_PASSWORD"
                + "\n  before the first start of a fresh database instead."
                + "\n" + line;
    }
}
