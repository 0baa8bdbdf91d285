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
 * @param journal  the call journal's writer, disk spool and statistics ({@code ivr.journal.*})
 * @param esl      the FreeSWITCH event sockets: the outbound server calls arrive on, the inbound client ({@code ivr.esl.*})
 * @param runtime  how calls run: publish polling, limits, speech defaults ({@code ivr.runtime.*})
 */
@ConfigurationProperties("ivr")
public record IvrProperties(Path dataDir, Mongodb mongodb, Security security, Journal journal, Esl esl,
                            RuntimeSettings runtime) {

    public IvrProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        mongodb = mongodb == null ? new Mongodb(null, null) : mongodb;
        security = security == null ? new Security(null, null, null) : security;
        journal = journal == null ? new Journal(null, null, null, null, null, null, null) : journal;
        esl = esl == null ? new Esl(null, null) : esl;
        runtime = runtime == null ? new RuntimeSettings(null, null, null, null, null, null, null, null, null) : runtime;
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

    /**
     * The call journal: events are queued in memory, written to MongoDB in batches, and spooled to disk (under
     * {@code data-dir}/journal-spool) while the database is unreachable.
     *
     * @param queueCapacity events held in memory before they go straight to the disk spool
     * @param batchSize     events per insert, at most
     * @param flushInterval how long the writer waits for more events before it writes what it has
     * @param writeTimeout  how long one insert may take before the database counts as unreachable (its batch is
     *                      then spooled, and written again later: ids make the retry harmless)
     * @param retryMax      the longest wait between two tries while the database is unreachable (the wait doubles
     *                      from a quarter of a second up to this)
     * @param dwellSample   node visits kept per node to compute the median dwell time: exact up to this many, a
     *                      uniform random sample of this size beyond
     * @param liveBuffer    events buffered for one {@code /api/calls/live} client; a client further behind than
     *                      this is disconnected (it reconnects and gets a fresh snapshot)
     */
    public record Journal(Integer queueCapacity, Integer batchSize, Duration flushInterval, Duration writeTimeout,
                          Duration retryMax, Integer dwellSample, Integer liveBuffer) {
        public Journal {
            queueCapacity = queueCapacity == null || queueCapacity < 1 ? 100_000 : queueCapacity;
            batchSize = batchSize == null || batchSize < 1 ? 500 : batchSize;
            flushInterval = positive(flushInterval, Duration.ofMillis(200));
            writeTimeout = positive(writeTimeout, Duration.ofSeconds(5));
            retryMax = positive(retryMax, Duration.ofSeconds(5));
            dwellSample = dwellSample == null || dwellSample < 1 ? 10_000 : dwellSample;
            liveBuffer = liveBuffer == null || liveBuffer < 1 ? 1_024 : liveBuffer;
        }

        private static Duration positive(Duration d, Duration otherwise) {
            return d == null || d.isNegative() || d.isZero() ? otherwise : d;
        }
    }

    /** The event sockets ({@code ivr.esl.*}): calls arrive on the outbound server; the inbound client is optional. */
    public record Esl(EslOutbound outbound, EslInbound inbound) {
        public Esl {
            outbound = outbound == null ? new EslOutbound(null, null, null, null, null, null) : outbound;
            inbound = inbound == null ? new EslInbound(null, null, null) : inbound;
        }
    }

    /**
     * The server FreeSWITCH's {@code socket <host>:<port> async full} connects to, one connection per call.
     *
     * @param enabled      listen at all (true by default)
     * @param host         the address to bind, loopback by default
     * @param port         8084 by default; unset while {@code server.port} is 0 (tests), it is 0 too (a free port)
     * @param unrouted     a call no flow serves: {@code resume-dialplan} (the dialplan's next action, the
     *                     operator in the README's extension) or {@code hang-up}
     * @param answerCalls  answer before the flow starts (turn off when the dialplan answers)
     * @param drainTimeout at shutdown, how long calls in progress may go on (new calls are handed back to the
     *                     dialplan meanwhile) before their sockets are closed
     */
    public record EslOutbound(Boolean enabled, String host, Integer port, dev.ivrflow.esl.outbound.UnroutedCallPolicy unrouted,
                              Boolean answerCalls, Duration drainTimeout) {
        public EslOutbound {
            enabled = enabled == null || enabled;
            host = host == null || host.isBlank() ? "127.0.0.1" : host.trim();
            if (port != null && (port < 0 || port > 65535)) {
                throw new IllegalArgumentException("ivr.esl.outbound.port must be 0-65535, not " + port);
            }
            unrouted = unrouted == null ? dev.ivrflow.esl.outbound.UnroutedCallPolicy.RESUME_DIALPLAN : unrouted;
            answerCalls = answerCalls == null || answerCalls;
            drainTimeout = drainTimeout == null || drainTimeout.isNegative() ? Duration.ofSeconds(20) : drainTimeout;
        }
    }

    /**
     * The inbound connection to FreeSWITCH's event socket (api, bgapi, events); none when {@code host} is unset.
     *
     * @param password from {@code IVR_ESL_PASSWORD}, never from the repository; never printed
     */
    public record EslInbound(String host, Integer port, String password) {
        public EslInbound {
            host = host == null || host.isBlank() ? null : host.trim();
            port = port == null ? 8021 : port;
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("ivr.esl.inbound.port must be 1-65535, not " + port);
            }
            password = password == null || password.isEmpty() ? null : password;
        }

        public boolean configured() {
            return host != null;
        }

        @Override
        public String toString() {
            return "EslInbound[host=" + host + ", port=" + port + ", password=" + (password == null ? "unset" : "***") + "]";
        }
    }

    /**
     * How calls run ({@code ivr.runtime.*}).
     *
     * @param publishPoll     how often each instance asks the database for newly published versions
     * @param publishOverlap  each poll looks back this far before the newest publish it has seen, so a publish stamped
     *                        by a slower clock or committed late is still seen (a version seen twice changes nothing)
     * @param reconcileEvery  how often the whole "latest published version per flow" map is rebuilt, a safety net
     * @param maxSteps        node steps per call before the fallback (a loop that never waits)
     * @param maxCallLength   the longest a call may last
     * @param compiledFlows   compiled flow versions kept in memory
     * @param ttsEngine       the TTS engine prompts are spoken with ({@code unimrcp}, {@code unimrcp:<profile>}, {@code flite})
     * @param ttsVoice        the voice, when a prompt names none (empty: the engine's default)
     * @param environment     an environment file ({@code <name>.env.json}) binding the flows' symbolic names; unset,
     *                        names pass through unchanged. The designer offers its names in its pickers and previews
     *                        its shared calendars
     */
    public record RuntimeSettings(Duration publishPoll, Duration publishOverlap, Duration reconcileEvery, Integer maxSteps,
                                  Duration maxCallLength, Integer compiledFlows, String ttsEngine, String ttsVoice,
                                  Path environment) {
        public RuntimeSettings {
            publishPoll = positive(publishPoll, Duration.ofMillis(250), "publish-poll");
            publishOverlap = publishOverlap == null || publishOverlap.isNegative() ? Duration.ofSeconds(5) : publishOverlap;
            reconcileEvery = positive(reconcileEvery, Duration.ofMinutes(1), "reconcile-every");
            maxSteps = maxSteps == null ? 2_000 : maxSteps;
            if (maxSteps < 1) throw new IllegalArgumentException("ivr.runtime.max-steps must be at least 1, not " + maxSteps);
            maxCallLength = positive(maxCallLength, Duration.ofHours(4), "max-call-length");
            compiledFlows = compiledFlows == null || compiledFlows < 1 ? 500 : compiledFlows;
            ttsEngine = ttsEngine == null || ttsEngine.isBlank() ? "unimrcp" : ttsEngine.trim();
            ttsVoice = ttsVoice == null || ttsVoice.isBlank() ? null : ttsVoice.trim();
            environment = environment == null || environment.toString().isBlank() ? null : environment;
        }

        private static Duration positive(Duration value, Duration otherwise, String name) {
            if (value == null) return otherwise;
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("ivr.runtime." + name + " must be positive, not " + value);
            }
            return value;
        }
    }
}
