package dev.ivrflow.esl.inbound;

import dev.ivrflow.esl.codec.EslParserLimits;
import dev.ivrflow.esl.codec.EventFormat;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Settings of an {@link InboundClient}. Build with {@link #builder()}; only the password has no default, because
 * secrets come from the environment, never from code ({@code ClueCon} is FreeSWITCH's stock value).
 *
 * @param host                 FreeSWITCH's event socket address; loopback by default
 * @param port                 its port, 8021 by default
 * @param password             the {@code password} param of event_socket.conf; never printed
 * @param connectTimeout       for the TCP connect, and again for the handshake up to {@code +OK accepted}
 * @param apiTimeout           for each api answer and command reply; a late answer is dropped, never misdelivered
 * @param backgroundJobTimeout for the BACKGROUND_JOB of a bgapi (an originate can ring for a minute)
 * @param initialBackoff       the first delay before reconnecting
 * @param maxBackoff           the longest delay, and the pace of retries after a refused password
 * @param backoffJitter        up to this fraction is taken off each delay, 0 for none
 * @param reconnect            whether to reconnect at all after a failure or a drop
 * @param authFailurePolicy    what to do after a refused password or address
 * @param defaultEventFormat   the format used to subscribe to BACKGROUND_JOB for bgapi when nothing else was asked
 * @param closeTimeout         how long {@link InboundClient#close()} waits for {@code exit} and for threads to end
 * @param parserLimits         frame size limits for the decoder
 * @param eventExecutor        where listeners run (one at a time, in order); null for the client's own threads
 * @param clock                timestamps in {@link InboundHealth}
 * @param jitterSource         random numbers in [0, 1) for the jitter
 */
public record InboundClientConfig(
        String host,
        int port,
        String password,
        Duration connectTimeout,
        Duration apiTimeout,
        Duration backgroundJobTimeout,
        Duration initialBackoff,
        Duration maxBackoff,
        double backoffJitter,
        boolean reconnect,
        AuthFailurePolicy authFailurePolicy,
        EventFormat defaultEventFormat,
        Duration closeTimeout,
        EslParserLimits parserLimits,
        Executor eventExecutor,
        Clock clock,
        DoubleSupplier jitterSource) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8021;

    public InboundClientConfig {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
        Objects.requireNonNull(password, "password is required (the 'password' param of FreeSWITCH's "
                + "event_socket.conf; its stock value is ClueCon)");
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("apiTimeout", apiTimeout);
        requirePositive("backgroundJobTimeout", backgroundJobTimeout);
        requirePositive("initialBackoff", initialBackoff);
        requirePositive("maxBackoff", maxBackoff);
        requirePositive("closeTimeout", closeTimeout);
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff " + maxBackoff + " is shorter than initialBackoff " + initialBackoff);
        }
        if (!(backoffJitter >= 0.0 && backoffJitter <= 1.0)) {
            throw new IllegalArgumentException("backoffJitter must be within 0..1, was " + backoffJitter);
        }
        Objects.requireNonNull(authFailurePolicy, "authFailurePolicy");
        Objects.requireNonNull(defaultEventFormat, "defaultEventFormat");
        if (defaultEventFormat == EventFormat.XML) {
            throw new IllegalArgumentException("defaultEventFormat must be PLAIN or JSON; XML events are not decoded");
        }
        Objects.requireNonNull(parserLimits, "parserLimits");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(jitterSource, "jitterSource");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** "host:port", as every message of the client names the target. */
    public String target() {
        return host + ":" + port;
    }

    /** The password is left out: configurations end up in logs. */
    @Override
    public String toString() {
        return "InboundClientConfig[" + target() + ", password ****, connectTimeout " + connectTimeout
                + ", apiTimeout " + apiTimeout + ", backgroundJobTimeout " + backgroundJobTimeout + ", backoff "
                + initialBackoff + ".." + maxBackoff + " jitter " + backoffJitter + ", reconnect " + reconnect
                + ", " + authFailurePolicy + "]";
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private String password;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration apiTimeout = Duration.ofSeconds(30);
        private Duration backgroundJobTimeout = Duration.ofMinutes(5);
        private Duration initialBackoff = Duration.ofMillis(250);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private double backoffJitter = 0.2;
        private boolean reconnect = true;
        private AuthFailurePolicy authFailurePolicy = AuthFailurePolicy.RETRY_AT_MAX_BACKOFF;
        private EventFormat defaultEventFormat = EventFormat.JSON;
        private Duration closeTimeout = Duration.ofSeconds(2);
        private EslParserLimits parserLimits = EslParserLimits.defaults();
        private Executor eventExecutor;
        private Clock clock = Clock.systemUTC();
        private DoubleSupplier jitterSource = () -> ThreadLocalRandom.current().nextDouble();

        private Builder() {
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder apiTimeout(Duration apiTimeout) {
            this.apiTimeout = apiTimeout;
            return this;
        }

        public Builder backgroundJobTimeout(Duration backgroundJobTimeout) {
            this.backgroundJobTimeout = backgroundJobTimeout;
            return this;
        }

        /** Both ends of the reconnect backoff. */
        public Builder backoff(Duration initial, Duration max) {
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        public Builder backoffJitter(double backoffJitter) {
            this.backoffJitter = backoffJitter;
            return this;
        }

        public Builder reconnect(boolean reconnect) {
            this.reconnect = reconnect;
            return this;
        }

        public Builder authFailurePolicy(AuthFailurePolicy authFailurePolicy) {
            this.authFailurePolicy = authFailurePolicy;
            return this;
        }

        public Builder defaultEventFormat(EventFormat defaultEventFormat) {
            this.defaultEventFormat = defaultEventFormat;
            return this;
        }

        public Builder closeTimeout(Duration closeTimeout) {
            this.closeTimeout = closeTimeout;
            return this;
        }

        public Builder parserLimits(EslParserLimits parserLimits) {
            this.parserLimits = parserLimits;
            return this;
        }

        /** Listeners then run on this executor's threads, still one event at a time; the client will not shut it down. */
        public Builder eventExecutor(Executor eventExecutor) {
            this.eventExecutor = eventExecutor;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder jitterSource(DoubleSupplier jitterSource) {
            this.jitterSource = jitterSource;
            return this;
        }

        public InboundClientConfig build() {
            return new InboundClientConfig(host, port, password, connectTimeout, apiTimeout, backgroundJobTimeout,
                    initialBackoff, maxBackoff, backoffJitter, reconnect, authFailurePolicy, defaultEventFormat,
                    closeTimeout, parserLimits, eventExecutor, clock, jitterSource);
        }
    }
}
