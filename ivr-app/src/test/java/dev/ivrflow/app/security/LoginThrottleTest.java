package dev.ivrflow.app.security;

import dev.ivrflow.app.config.IvrProperties;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {
    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(new IvrProperties.LoginLimit(3, 5, Duration.ofSeconds(60)), clock);

    @Test
    void shouldBlockAUsernameAtItsLimitUntilTheOldestFailureLeavesTheWindow() {
        throttle.failed("ann", "10.0.0.1");
        clock.advance(10);
        throttle.failed("ann", "10.0.0.2");
        clock.advance(10);
        assertThat(throttle.retryAfter("ann", "10.0.0.3")).isEmpty();
        throttle.failed("ann", "10.0.0.3");

        assertThat(throttle.retryAfter("ANN", "10.0.0.9")).contains(Duration.ofSeconds(40));
        clock.advance(40);
        assertThat(throttle.retryAfter("ann", "10.0.0.9")).isEmpty();
        throttle.failed("ann", "10.0.0.9");
        assertThat(throttle.retryAfter("ann", "10.0.0.9")).contains(Duration.ofSeconds(10));
    }

    @Test
    void shouldBlockAnAddressAtItsLimitWhateverTheUsername() {
        for (int i = 0; i < 5; i++) throttle.failed("user" + i, "10.0.0.1");

        assertThat(throttle.retryAfter("someone-new", "10.0.0.1")).contains(Duration.ofSeconds(60));
        assertThat(throttle.retryAfter("someone-new", "10.0.0.2")).isEmpty();
    }

    @Test
    void shouldForgetAUsernamesFailuresOnSuccess() {
        for (int i = 0; i < 3; i++) throttle.failed("ann", "10.0.0." + i);
        throttle.succeeded("ann");

        assertThat(throttle.retryAfter("ann", "10.0.0.9")).isEmpty();
    }

    @Test
    void shouldForgetFailuresOlderThanTheWindow() {
        throttle.failed("ann", "10.0.0.1");
        throttle.failed("ann", "10.0.0.1");
        clock.advance(61);
        throttle.failed("ann", "10.0.0.1");

        assertThat(throttle.retryAfter("ann", "10.0.0.1")).isEmpty();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(long seconds) {
            now = now.plusSeconds(seconds);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
