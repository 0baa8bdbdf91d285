package dev.ivrflow.esl.speech;

import dev.ivrflow.mrcp.SpeechSettings;
import dev.ivrflow.mrcp.UniMrcpSpeech;
import dev.ivrflow.mrcp.profile.MrcpProfile;
import dev.ivrflow.mrcp.profile.ProfileHealth;
import dev.ivrflow.mrcp.profile.ProfileRegistry;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The speech commands tests run calls with: mrcp-adapter's, as the application wires them. */
public final class TestSpeech {
    private TestSpeech() {
    }

    /** No profiles of our own: recognitions go to mod_unimrcp's default profile, or the one a node names. */
    public static UniMrcpSpeech plain() {
        return with(List.of());
    }

    /** The example flows' profiles: asr-en and asr-fr, on mod_unimrcp profiles nuance-en and nuance-fr. */
    public static UniMrcpSpeech examples() {
        return with(List.of(profile("asr-en", "nuance-en", "en"), profile("asr-fr", "nuance-fr", "fr")));
    }

    public static UniMrcpSpeech with(List<MrcpProfile> profiles) {
        return new UniMrcpSpeech(SpeechSettings.DEFAULT,
                new ProfileRegistry(profiles, new ProfileHealth(InstantSource.system(), 1, Duration.ofMinutes(5))));
    }

    public static MrcpProfile profile(String name, String switchProfile, String language) {
        return new MrcpProfile(name, switchProfile, List.of(language), List.of(), Set.of(), null, null, 2, Map.of(),
                Map.of());
    }
}
