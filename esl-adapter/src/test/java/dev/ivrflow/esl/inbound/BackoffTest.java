package dev.ivrflow.esl.inbound;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {
    @Test
    void shouldDoubleFromTheInitialDelayUpToTheMaximumAndStayThere() {
        // given
        Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(2), 0, () -> 0.5);

        // when
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            delays.add(backoff.next().toMillis());
        }

        // then
        assertThat(delays).containsExactly(250L, 500L, 1000L, 2000L, 2000L, 2000L, 2000L);
    }

    @Test
    void shouldStartAgainFromTheInitialDelayAfterAReset() {
        // given
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 0, () -> 0);
        backoff.next();
        backoff.next();

        // when
        backoff.reset();

        // then
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void shouldTakeJitterOffButNeverAddItSoTheMaximumHolds() {
        // given a jitter of 20 % and the extremes of the random source
        Backoff lowest = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2, () -> 0.999_999);
        Backoff highest = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2, () -> 0.0);

        // then
        assertThat(lowest.next().toMillis()).isEqualTo(800);
        assertThat(highest.next().toMillis()).isEqualTo(1000);
        assertThat(lowest.atMax()).isBetween(Duration.ofSeconds(24), Duration.ofSeconds(30));
        assertThat(highest.atMax()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldNotOverflowAfterManyAttempts() {
        // given
        Backoff backoff = new Backoff(Duration.ofMillis(1), Duration.ofMinutes(5), 0, () -> 0);

        // when
        Duration last = Duration.ZERO;
        for (int i = 0; i < 10_000; i++) {
            last = backoff.next();
        }

        // then
        assertThat(last).isEqualTo(Duration.ofMinutes(5));
    }
}
