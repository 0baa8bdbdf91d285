package dev.ivrflow.mrcp.profile;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileRegistryTest {
    private final ManualClock clock = new ManualClock();
    private final ProfileHealth health = new ProfileHealth(clock, 1, Duration.ofMinutes(1));

    private static MrcpProfile profile(String name, List<String> languages, List<String> tenants, String fallback,
                                       Resource... resources) {
        return new MrcpProfile(name, name + "-fs", languages, tenants, Set.of(resources), null, fallback, 2, Map.of(),
                Map.of());
    }

    private ProfileRegistry registry(MrcpProfile... profiles) {
        return new ProfileRegistry(List.of(profiles), health);
    }

    private String chosen(ProfileRegistry r, Resource resource, String named, String language, String tenant) {
        return r.choose(resource, named, language, tenant).map(c -> c.profile().name()).orElse(null);
    }

    @Test
    void shouldUseTheProfileANodeNames() {
        ProfileRegistry r = registry(profile("asr-en", List.of("en"), List.of(), null),
                profile("asr-fr", List.of("fr"), List.of(), null));
        assertThat(chosen(r, Resource.ASR, "asr-fr", "en-US", null)).isEqualTo("asr-fr");
        assertThat(r.choose(Resource.ASR, "asr-fr", "en-US", null).orElseThrow().why()).contains("named by the node");
    }

    @Test
    void shouldFindANamedProfileByItsSwitchNameAndPassAnUnknownNameThrough() {
        ProfileRegistry r = registry(profile("asr-en", List.of("en"), List.of(), null));
        assertThat(chosen(r, Resource.ASR, "asr-en-fs", null, null)).isEqualTo("asr-en");
        MrcpProfile unknown = r.choose(Resource.ASR, "lumenvox", null, null).orElseThrow().profile();
        assertThat(unknown.switchProfile()).isEqualTo("lumenvox");
    }

    @Test
    void shouldPreferTheTenantsOwnProfileThenTheExactLanguageThenThePrimaryLanguageThenAny() {
        ProfileRegistry r = registry(
                profile("any", List.of(), List.of(), null),
                profile("en", List.of("en"), List.of(), null),
                profile("en-gb", List.of("en-GB"), List.of(), null),
                profile("acme-en", List.of("en-US"), List.of("acme"), null),
                profile("globex-only", List.of(), List.of("globex"), null));
        assertThat(chosen(r, Resource.ASR, null, "en-US", "acme")).isEqualTo("acme-en");
        assertThat(chosen(r, Resource.ASR, null, "en-GB", "acme")).as("acme's profile is en-US, same primary")
                .isEqualTo("acme-en");
        assertThat(chosen(r, Resource.ASR, null, "en-GB", null)).isEqualTo("en-gb");
        assertThat(chosen(r, Resource.ASR, null, "en-AU", null)).isEqualTo("en");
        assertThat(chosen(r, Resource.ASR, null, "de-DE", null)).isEqualTo("any");
        assertThat(chosen(r, Resource.ASR, null, "de-DE", "globex")).as("a tenant's own before a general one")
                .isEqualTo("globex-only");
    }

    @Test
    void shouldNeverServeACallWithAnotherTenantsProfile() {
        ProfileRegistry r = registry(profile("acme", List.of(), List.of("acme"), null));
        assertThat(r.choose(Resource.ASR, null, "en-US", "globex")).isEmpty();
        assertThat(r.choose(Resource.ASR, null, "en-US", null)).isEmpty();
    }

    @Test
    void shouldChooseOnlyProfilesServingTheResource() {
        ProfileRegistry r = registry(profile("tts", List.of("en"), List.of(), null, Resource.TTS),
                profile("asr", List.of("en"), List.of(), null, Resource.ASR));
        assertThat(chosen(r, Resource.TTS, null, "en-US", null)).isEqualTo("tts");
        assertThat(chosen(r, Resource.ASR, null, "en-US", null)).isEqualTo("asr");
    }

    @Test
    void shouldHaveNoChoiceWithoutProfilesSoTheModulesDefaultServes() {
        assertThat(registry().choose(Resource.ASR, null, "en-US", null)).isEmpty();
    }

    @Test
    void shouldUseTheFallbackWhileAProfileIsDown() {
        // given a primary that falls back to a backup, and the primary is down
        ProfileRegistry r = registry(profile("primary", List.of("en"), List.of(), "backup"),
                profile("other", List.of("en"), List.of(), null), profile("backup", List.of("de"), List.of(), null));
        health.failed("primary-fs", "ASR INIT ERROR");
        // when a call names the primary
        ProfileRegistry.Choice c = r.choose(Resource.ASR, "primary", "en-US", null).orElseThrow();
        // then its fallback serves, even in another language, and the choice says why
        assertThat(c.profile().name()).isEqualTo("backup");
        assertThat(c.fallback()).isTrue();
        assertThat(c.why()).contains("primary is down");
    }

    @Test
    void shouldUseTheNextFittingProfileWhenADownProfileHasNoFallback() {
        ProfileRegistry r = registry(profile("first", List.of("en"), List.of(), null),
                profile("second", List.of("en"), List.of(), null));
        health.failed("first-fs", "x");
        assertThat(chosen(r, Resource.ASR, null, "en-US", null)).isEqualTo("second");
        assertThat(chosen(r, Resource.ASR, "first", "en-US", null)).isEqualTo("second");
    }

    @Test
    void shouldTryTheFirstAnywayWhenEveryCandidateIsDown() {
        ProfileRegistry r = registry(profile("a", List.of(), List.of(), "b"), profile("b", List.of(), List.of(), "a"));
        health.failed("a-fs", "x");
        health.failed("b-fs", "x");
        ProfileRegistry.Choice c = r.choose(Resource.ASR, null, "en-US", null).orElseThrow();
        assertThat(c.profile().name()).isEqualTo("a");
        assertThat(c.why()).contains("every candidate is down");
    }

    @Test
    void shouldGoBackToTheProfileOnceItIsUpAgain() {
        ProfileRegistry r = registry(profile("primary", List.of(), List.of(), "backup"),
                profile("backup", List.of(), List.of(), null));
        health.failed("primary-fs", "x");
        assertThat(chosen(r, Resource.TTS, null, "en-US", null)).isEqualTo("backup");
        health.onEvent(ProfileHealth.PROFILE_OPEN, Map.of("MRCP-Profile", "primary-fs", "MRCP-Resource-Type", "TTS"));
        assertThat(chosen(r, Resource.TTS, null, "en-US", null)).isEqualTo("primary");
    }

    @Test
    void shouldRefuseTwoProfilesOfOneNameAndAFallbackThatDoesNotExist() {
        assertThatThrownBy(() -> registry(profile("a", List.of(), List.of(), null), profile("a", List.of(), List.of(), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two");
        assertThatThrownBy(() -> registry(profile("a", List.of(), List.of(), "ghost")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ghost");
    }

    @Test
    void shouldRefuseAProfileWhoseNamesOrSettingsCouldReachTheSwitchAsSomethingElse() {
        assertThatThrownBy(() -> new MrcpProfile("a|b", null, List.of(), List.of(), Set.of(), null, null, 2, Map.of(),
                Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MrcpProfile("a", "x y", List.of(), List.of(), Set.of(), null, null, 2, Map.of(),
                Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MrcpProfile("a", null, List.of("en_US"), List.of(), Set.of(), null, null, 2,
                Map.of(), Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MrcpProfile("a", null, List.of(), List.of(), Set.of(), "kal|x", null, 2, Map.of(),
                Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MrcpProfile("a", null, List.of(), List.of(), Set.of(), null, "a", 2, Map.of(),
                Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MrcpProfile("a", null, List.of(), List.of(), Set.of(), null, null, 3, Map.of(),
                Map.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
