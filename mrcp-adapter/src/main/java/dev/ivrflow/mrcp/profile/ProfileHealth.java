package dev.ivrflow.mrcp.profile;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether each mod_unimrcp profile works, by its FreeSWITCH name, from two sources:
 * <ul>
 *   <li><b>The module's events</b> ({@code enable-profile-events=true} in unimrcp.conf.xml, and a subscription to
 *       {@code CUSTOM unimrcp::profile_create unimrcp::profile_open unimrcp::profile_close} on the inbound
 *       connection). mod_unimrcp fires {@code profile_create} when it loads a profile, {@code profile_open} when a
 *       recogniser or synthesiser channel to the server opened, and {@code profile_close} when an opened one ends,
 *       each with {@code MRCP-Profile} and (open, close) {@code MRCP-Resource-Type: ASR|TTS}. It fires nothing
 *       when a channel fails to open: an open is proof the server answers, a close is only the end of a session.</li>
 *   <li><b>Our own recognitions.</b> {@code play_and_detect_speech} answers {@code ASR INIT ERROR} when the
 *       recogniser could not be opened (server down, profile unknown to the switch): that is a failure of the
 *       profile; any recognition that gets a result (even silence) is a success.</li>
 * </ul>
 * After {@code failuresToDown} failures in a row a profile is down, and stays so for {@code retryAfter}; then one
 * call may try it again (a success brings it back, a failure keeps it down for another period). A
 * {@code profile_open} brings it back at once; a {@code profile_create} (the module reloaded) forgets its past.
 * Time comes from an injected {@link InstantSource}.
 */
public final class ProfileHealth {
    public static final String PROFILE_CREATE = "unimrcp::profile_create";
    public static final String PROFILE_OPEN = "unimrcp::profile_open";
    public static final String PROFILE_CLOSE = "unimrcp::profile_close";

    private static final System.Logger LOG = System.getLogger(ProfileHealth.class.getName());

    public enum State { UNKNOWN, UP, DOWN }

    /**
     * What is known about one profile.
     *
     * @param openAsr  recogniser channels open now, by the module's events
     * @param openTts  synthesiser channels open now
     * @param failures failures since the last success
     * @param downUntil when a down profile may be tried again; null when it is not down
     * @param lastProblem the last failure's reason, for operators
     */
    public record Status(State state, int openAsr, int openTts, int failures, Instant since, Instant downUntil,
                         String lastProblem) {
    }

    private final InstantSource clock;
    private final int failuresToDown;
    private final Duration retryAfter;
    private final Map<String, Status> profiles = new ConcurrentHashMap<>();

    public ProfileHealth(InstantSource clock, int failuresToDown, Duration retryAfter) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (failuresToDown < 1) {
            throw new IllegalArgumentException("failuresToDown must be at least 1, was " + failuresToDown);
        }
        if (retryAfter == null || retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must be zero or more");
        }
        this.failuresToDown = failuresToDown;
        this.retryAfter = retryAfter;
    }

    /** An event of mod_unimrcp (its subclass and headers); other events are ignored. Returns whether it was one. */
    public boolean onEvent(String subclass, Map<String, String> headers) {
        if (subclass == null || headers == null) {
            return false;
        }
        String profile = headers.get("MRCP-Profile");
        if (profile == null || profile.isBlank()) {
            return false;
        }
        Resource resource = Resource.fromHeader(headers.get("MRCP-Resource-Type")).orElse(null);
        Instant now = clock.instant();
        switch (subclass) {
            case PROFILE_CREATE -> profiles.put(profile, new Status(State.UNKNOWN, 0, 0, 0, now, null, null));
            case PROFILE_OPEN -> profiles.compute(profile, (k, s) -> {
                Status old = s == null ? fresh(now) : s;
                if (old.state() == State.DOWN) {
                    LOG.log(System.Logger.Level.INFO, "MRCP profile {0} is up again (the switch opened a channel)", k);
                }
                return new Status(State.UP, old.openAsr() + (resource == Resource.ASR ? 1 : 0),
                        old.openTts() + (resource == Resource.TTS ? 1 : 0), 0,
                        old.state() == State.UP ? old.since() : now, null, old.lastProblem());
            });
            case PROFILE_CLOSE -> profiles.computeIfPresent(profile, (k, s) -> new Status(s.state(),
                    Math.max(0, s.openAsr() - (resource == Resource.ASR ? 1 : 0)),
                    Math.max(0, s.openTts() - (resource == Resource.TTS ? 1 : 0)), s.failures(), s.since(),
                    s.downUntil(), s.lastProblem()));
            default -> {
                return false;
            }
        }
        return true;
    }

    /** A request to the profile worked. */
    public void succeeded(String profile) {
        Instant now = clock.instant();
        profiles.compute(profile, (k, s) -> {
            Status old = s == null ? fresh(now) : s;
            if (old.state() == State.DOWN) {
                LOG.log(System.Logger.Level.INFO, "MRCP profile {0} is up again", k);
            }
            return new Status(State.UP, old.openAsr(), old.openTts(), 0, old.state() == State.UP ? old.since() : now,
                    null, old.lastProblem());
        });
    }

    /** A request to the profile failed because of the profile (its server, its configuration). */
    public void failed(String profile, String reason) {
        Instant now = clock.instant();
        profiles.compute(profile, (k, s) -> {
            Status old = s == null ? fresh(now) : s;
            int failures = old.failures() + 1;
            if (failures >= failuresToDown) {
                if (old.state() != State.DOWN) {
                    LOG.log(System.Logger.Level.WARNING, "MRCP profile {0} is down after {1} failure(s): {2}; "
                            + "trying it again in {3}", k, failures, reason, retryAfter);
                }
                return new Status(State.DOWN, old.openAsr(), old.openTts(), failures,
                        old.state() == State.DOWN ? old.since() : now, now.plus(retryAfter), reason);
            }
            return new Status(old.state(), old.openAsr(), old.openTts(), failures, old.since(), old.downUntil(), reason);
        });
    }

    /**
     * Whether a call may use the profile now: not down, or down long enough to be tried again (this call is the
     * trial: the next ones wait for its outcome for another period).
     */
    public boolean available(String profile) {
        Status s = profiles.get(profile);
        if (s == null || s.state() != State.DOWN) {
            return true;
        }
        Instant now = clock.instant();
        if (s.downUntil() != null && !now.isBefore(s.downUntil())) {
            return profiles.replace(profile, s, new Status(s.state(), s.openAsr(), s.openTts(), s.failures(), s.since(),
                    now.plus(retryAfter), s.lastProblem()));
        }
        return false;
    }

    public State state(String profile) {
        Status s = profiles.get(profile);
        return s == null ? State.UNKNOWN : s.state();
    }

    /** Every profile heard of, by name, for health endpoints and logs. */
    public Map<String, Status> snapshot() {
        return new TreeMap<>(profiles);
    }

    private static Status fresh(Instant now) {
        return new Status(State.UNKNOWN, 0, 0, 0, now, null, null);
    }
}
