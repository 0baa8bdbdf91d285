package dev.ivrflow.mrcp.profile;

import dev.ivrflow.mrcp.profile.ProfileHealth.State;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileHealthTest {
    private final ManualClock clock = new ManualClock();
    private final ProfileHealth health = new ProfileHealth(clock, 2, Duration.ofSeconds(30));

    /** The headers mod_unimrcp puts on its profile events (MRCP-Profile, and MRCP-Resource-Type on open/close). */
    private static Map<String, String> headers(String profile, String resource) {
        return resource == null ? Map.of("Event-Name", "CUSTOM", "MRCP-Profile", profile)
                : Map.of("Event-Name", "CUSTOM", "MRCP-Profile", profile, "MRCP-Resource-Type", resource);
    }

    @Test
    void shouldCountOpenChannelsPerResourceFromOpenAndCloseEvents() {
        // given the module loaded the profile, then opened two recognisers and a synthesiser, then closed one
        assertThat(health.onEvent(ProfileHealth.PROFILE_CREATE, headers("nuance-en", null))).isTrue();
        health.onEvent(ProfileHealth.PROFILE_OPEN, headers("nuance-en", "ASR"));
        health.onEvent(ProfileHealth.PROFILE_OPEN, headers("nuance-en", "ASR"));
        health.onEvent(ProfileHealth.PROFILE_OPEN, headers("nuance-en", "TTS"));
        health.onEvent(ProfileHealth.PROFILE_CLOSE, headers("nuance-en", "ASR"));
        // then the profile is up with one of each open
        ProfileHealth.Status s = health.snapshot().get("nuance-en");
        assertThat(s.state()).isEqualTo(State.UP);
        assertThat(s.openAsr()).isEqualTo(1);
        assertThat(s.openTts()).isEqualTo(1);
    }

    @Test
    void shouldNotTakeACloseForAFailureNorCountBelowZero() {
        health.onEvent(ProfileHealth.PROFILE_OPEN, headers("p", "ASR"));
        health.onEvent(ProfileHealth.PROFILE_CLOSE, headers("p", "ASR"));
        health.onEvent(ProfileHealth.PROFILE_CLOSE, headers("p", "ASR"));
        assertThat(health.snapshot().get("p").openAsr()).isZero();
        assertThat(health.state("p")).isEqualTo(State.UP);
        assertThat(health.available("p")).isTrue();
    }

    @Test
    void shouldGoDownAfterFailuresInARowAndBeTriedAgainOnceAfterTheRetryPeriod() {
        // given two failures in a row
        health.failed("p", "ASR INIT ERROR");
        assertThat(health.available("p")).as("one failure is not enough").isTrue();
        health.failed("p", "ASR INIT ERROR");
        // then the profile is down
        assertThat(health.state("p")).isEqualTo(State.DOWN);
        assertThat(health.available("p")).isFalse();
        // when the retry period passes, one call may try it, the next ones wait for its outcome
        clock.advance(Duration.ofSeconds(30));
        assertThat(health.available("p")).isTrue();
        assertThat(health.available("p")).isFalse();
        // and a success brings it back
        health.succeeded("p");
        assertThat(health.state("p")).isEqualTo(State.UP);
        assertThat(health.available("p")).isTrue();
    }

    @Test
    void shouldForgetFailuresOnASuccessInBetween() {
        health.failed("p", "x");
        health.succeeded("p");
        health.failed("p", "x");
        assertThat(health.state("p")).isNotEqualTo(State.DOWN);
    }

    @Test
    void shouldComeBackAtOnceWhenTheSwitchOpensAChannel() {
        health.failed("p", "x");
        health.failed("p", "x");
        health.onEvent(ProfileHealth.PROFILE_OPEN, headers("p", "TTS"));
        assertThat(health.available("p")).isTrue();
        assertThat(health.snapshot().get("p").failures()).isZero();
    }

    @Test
    void shouldForgetThePastWhenTheModuleReloadsTheProfile() {
        health.failed("p", "x");
        health.failed("p", "x");
        health.onEvent(ProfileHealth.PROFILE_CREATE, headers("p", null));
        assertThat(health.state("p")).isEqualTo(State.UNKNOWN);
        assertThat(health.available("p")).isTrue();
    }

    @Test
    void shouldIgnoreOtherEventsAndEventsWithoutAProfile() {
        assertThat(health.onEvent("conference::maintenance", headers("p", "ASR"))).isFalse();
        assertThat(health.onEvent(ProfileHealth.PROFILE_OPEN, Map.of("MRCP-Resource-Type", "ASR"))).isFalse();
        assertThat(health.onEvent(ProfileHealth.PROFILE_OPEN, Map.of("MRCP-Profile", " "))).isFalse();
        assertThat(health.onEvent(null, headers("p", "ASR"))).isFalse();
        assertThat(health.snapshot()).isEmpty();
    }

    @Test
    void shouldTreatAProfileNeverHeardOfAsAvailable() {
        assertThat(health.available("never")).isTrue();
        assertThat(health.state("never")).isEqualTo(State.UNKNOWN);
    }
}
