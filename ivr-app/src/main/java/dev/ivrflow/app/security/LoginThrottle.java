package dev.ivrflow.app.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ivrflow.app.config.IvrProperties;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Limits password guessing. Failed logins are counted per username and per client address over a sliding window
 * ({@code ivr.security.login-limit}: by default 5 per username and 20 per address a minute). Once either count is
 * reached, every further attempt for that username or from that address, right password or not, is refused with
 * 429 and {@code Retry-After} until the oldest counted failure leaves the window. Refused attempts are not counted,
 * so waiting always works. A successful login clears its username's failures (not its address's).
 *
 * <p>In memory (Caffeine, at most {@value #MAX_KEYS} keys, each forgotten a window after its last failure): each
 * instance counts its own, and a restart forgets. The client address is the connection's; behind a reverse proxy
 * set {@code server.forward-headers-strategy} so it is the caller's, or every caller shares the proxy's count.
 */
final class LoginThrottle {
    static final int MAX_KEYS = 100_000;

    private final int perUser;
    private final int perAddress;
    private final Duration window;
    private final Clock clock;
    /** Key to the times (epoch millis, ascending) of its recent failures, at most the key's limit of them. */
    private final Cache<String, long[]> failures;

    LoginThrottle(IvrProperties.LoginLimit limit, Clock clock) {
        this.perUser = limit.perUser();
        this.perAddress = limit.perAddress();
        this.window = limit.window();
        this.clock = clock;
        this.failures = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterWrite(window).build();
    }

    /** How long the caller must wait before trying again, if they must. */
    Optional<Duration> retryAfter(String username, String address) {
        long now = clock.millis();
        long until = Math.max(blockedUntil(userKey(username), perUser, now), blockedUntil(addressKey(address), perAddress, now));
        return until > now ? Optional.of(Duration.ofMillis(until - now)) : Optional.empty();
    }

    void failed(String username, String address) {
        long now = clock.millis();
        record(userKey(username), perUser, now);
        record(addressKey(address), perAddress, now);
    }

    void succeeded(String username) {
        failures.invalidate(userKey(username));
    }

    /** Forgets every failure (for tests, and for an operator's console). */
    void reset() {
        failures.invalidateAll();
    }

    private long blockedUntil(String key, int limit, long now) {
        long[] times = failures.getIfPresent(key);
        if (times == null) return 0;
        long[] recent = recent(times, now);
        return recent.length >= limit ? recent[recent.length - limit] + window.toMillis() : 0;
    }

    private void record(String key, int limit, long now) {
        failures.asMap().compute(key, (k, times) -> {
            long[] recent = times == null ? new long[0] : recent(times, now);
            long[] next = Arrays.copyOf(recent, recent.length + 1);
            next[recent.length] = now;
            return next.length > limit ? Arrays.copyOfRange(next, next.length - limit, next.length) : next;
        });
    }

    private long[] recent(long[] times, long now) {
        long since = now - window.toMillis();
        int i = 0;
        while (i < times.length && times[i] <= since) i++;
        return i == 0 ? times : Arrays.copyOfRange(times, i, times.length);
    }

    private static String userKey(String username) {
        return "user:" + username.toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "addr:" + address;
    }
}
