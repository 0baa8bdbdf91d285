package dev.ivrflow.app.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The application's settings ({@code ivr.*} in application.yml, or environment variables such as
 * {@code IVR_MONGODB_URI}). Every default is the embedded, single-machine one.
 *
 * @param dataDir  where the embedded database and the journal spool live
 * @param mongodb  the database: an empty URI starts the embedded, wire-compatible server
 * @param security logins, cookies and the first admin ({@code ivr.security.*})
 */
@ConfigurationProperties("ivr")
public record IvrProperties(Path dataDir, Mongodb mongodb, Security security) {

    public IvrProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        mongodb = mongodb == null ? new Mongodb(null, null) : mongodb;
        security = security == null ? new Security(null, null, null) : security;
    }

    /** A real MongoDB when {@code uri} is set (a replica set in production), else the embedded server. */
    public record Mongodb(String uri, String database) {
        public Mongodb {
            database = database == null || database.isBlank() ? "ivrflow" : database;
        }

        public boolean embedded() {
            return uri == null || uri.isBlank();
        }
    }

    /**
     * Logins and cookies.
     *
     * @param adminPassword the first admin's password ({@code IVR_ADMIN_PASSWORD}), used only while no user exists;
     *                      unset, a strong one is generated and printed once. Never logged.
     * @param secureCookies mark the session and CSRF cookies {@code Secure} on every answer (set it behind a
     *                      TLS-terminating proxy); a request that arrives over HTTPS gets them {@code Secure} anyway
     * @param loginLimit    how many failed logins a username and a client address may make within a window
     */
    public record Security(String adminPassword, Boolean secureCookies, LoginLimit loginLimit) {
        public Security {
            adminPassword = adminPassword == null || adminPassword.isEmpty() ? null : adminPassword;
            secureCookies = secureCookies != null && secureCookies;
            loginLimit = loginLimit == null ? new LoginLimit(null, null, null) : loginLimit;
        }

        /** Never prints the password. */
        @Override
        public String toString() {
            return "Security[adminPassword=" + (adminPassword == null ? "unset" : "***") + ", secureCookies="
                    + secureCookies + ", loginLimit=" + loginLimit + "]";
        }
    }

    /**
     * Failed logins allowed within {@code window}: {@code perUser} for one username, {@code perAddress} from one
     * client address; one more is answered 429 with {@code Retry-After}.
     */
    public record LoginLimit(Integer perUser, Integer perAddress, Duration window) {
        public LoginLimit {
            perUser = perUser == null || perUser < 1 ? 5 : perUser;
            perAddress = perAddress == null || perAddress < 1 ? 20 : perAddress;
            window = window == null || window.isNegative() || window.isZero() ? Duration.ofMinutes(1) : window;
        }
    }
}
