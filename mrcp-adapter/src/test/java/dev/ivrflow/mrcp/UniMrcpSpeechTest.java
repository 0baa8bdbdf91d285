package dev.ivrflow.mrcp;

import dev.ivrflow.flow.port.Audio;
import dev.ivrflow.flow.port.CallInfo;
import dev.ivrflow.flow.port.SpeechCommands.Recognition;
import dev.ivrflow.flow.port.SpeechCommands.RecognitionOutcome;
import dev.ivrflow.flow.port.SpeechCommands.SwitchApp;
import dev.ivrflow.flow.port.SpeechRequest;
import dev.ivrflow.flow.port.SpeechRequest.GrammarSpec;
import dev.ivrflow.flow.port.SpeechRequest.Phrase;
import dev.ivrflow.flow.port.SpeechResult.Status;
import dev.ivrflow.mrcp.profile.MrcpProfile;
import dev.ivrflow.mrcp.profile.ProfileHealth;
import dev.ivrflow.mrcp.profile.ProfileRegistry;
import dev.ivrflow.mrcp.profile.Resource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UniMrcpSpeechTest {
    private static final CallInfo CALL = new CallInfo("call-1", "+15550100", "Ada", "+15550199",
            Map.of("ivr_tenant", "acme"));
    private static final CallInfo OTHER_TENANT = new CallInfo("call-2", "+15550100", null, "+15550199",
            Map.of("ivr_tenant", "globex"));

    private final ProfileHealth health = new ProfileHealth(InstantSource.system(), 1, Duration.ofMinutes(5));
    private final ProfileRegistry registry = new ProfileRegistry(List.of(
            new MrcpProfile("tts-en", "polly-en", List.of("en"), List.of(), Set.of(Resource.TTS), "Joanna", null, 2,
                    Map.of(), Map.of()),
            new MrcpProfile("asr-en", "nuance-en", List.of("en"), List.of(), Set.of(Resource.ASR), null, "asr-backup", 2,
                    Map.of(), Map.of("Confidence-Threshold", "0.2")),
            new MrcpProfile("asr-acme", "acme-asr", List.of("en-US"), List.of("acme"), Set.of(Resource.ASR), null, null,
                    1, Map.of("transcribe", "builtin:grammar/dictation"), Map.of()),
            new MrcpProfile("asr-backup", "google-en", List.of("en"), List.of(), Set.of(Resource.ASR), null, null, 2,
                    Map.of(), Map.of())), health);
    private final UniMrcpSpeech speech = new UniMrcpSpeech(SpeechSettings.DEFAULT, registry);

    private static SpeechRequest ask(String profile, GrammarSpec grammar) {
        return new SpeechRequest(List.of(grammar), "en-US", profile, Duration.ofSeconds(6), Duration.ofSeconds(20),
                Duration.ofMillis(1200), true, false, 32);
    }

    @Test
    void shouldSpeakThroughTheProfileThatFitsTheCallsLanguageWithItsVoice() {
        // given text whose prompt names only the module
        SwitchApp app = speech.speak(new Audio.Speech("Welcome to O'Brien's | the best", "en-GB", "unimrcp", null), CALL);
        // then speak goes to the English profile with its voice, and the text is sent as it is (speak takes it unstripped)
        assertThat(app).isEqualTo(new SwitchApp("speak", "unimrcp:polly-en|Joanna|Welcome to O'Brien's | the best",
                false));
    }

    @Test
    void shouldSpeakThroughFliteWithTheSameCodeExactlyAsCapture18() {
        SwitchApp app = speech.speak(new Audio.Speech("Hello", "en-US", "flite", "kal"), CALL);
        assertThat(app.name() + " " + app.arg()).isEqualTo("speak flite|kal|Hello");
        assertThat(speech.voice(new Audio.Speech("Hi", "en-US", "flite", "kal"), CALL))
                .isEqualTo(new dev.ivrflow.flow.port.SpeechCommands.Voice("flite", "kal"));
    }

    @Test
    void shouldHonourAProfileTheEngineNamesAndTheSettingsEngineWhenThePromptNamesNone() {
        assertThat(speech.speak(new Audio.Speech("Hi", "en-US", "unimrcp:tts-en", "Matthew"), CALL).arg())
                .isEqualTo("unimrcp:polly-en|Matthew|Hi");
        assertThat(speech.speak(new Audio.Speech("Hi", "en-US", null, null), CALL).arg())
                .isEqualTo("unimrcp:polly-en|Joanna|Hi");
    }

    @Test
    void shouldSendSsmlInTheBodyToUnimrcpAndItsWordsToFlite() {
        String ssml = "<speak version=\"1.0\">Your balance is <emphasis>$42</emphasis>.</speak>";
        SwitchApp mrcp = speech.speak(new Audio.Speech(ssml, "en-US", "unimrcp", null), CALL);
        assertThat(mrcp.inBody()).isTrue();
        assertThat(mrcp.arg()).isEqualTo("unimrcp:polly-en|Joanna|" + ssml);
        SwitchApp flite = speech.speak(new Audio.Speech(ssml, "en-US", "flite", "kal"), CALL);
        assertThat(flite.arg()).isEqualTo("flite|kal|Your balance is $42.");
        assertThat(flite.inBody()).isFalse();
    }

    @Test
    void shouldRefuseAnEngineOrVoiceThatWouldSplitTheSpeakArgument() {
        assertThatThrownBy(() -> speech.speak(new Audio.Speech("Hi", "en-US", "flite|x", "kal"), CALL))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> speech.speak(new Audio.Speech("Hi", "en-US", "flite", "kal|evil"), CALL))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldBuildTheWholeRecognitionWithTheNodesProfileTimeoutsLanguageAndProfileParameters() {
        Recognition r = speech.recognize("say:How can I help?", ask("asr-en", GrammarSpec.builtin("transcribe")), CALL);
        assertThat(r.app()).isEqualTo(new SwitchApp("play_and_detect_speech", "say:How can I help? "
                + "detect:unimrcp:nuance-en {start-input-timers=false,no-input-timeout=6000,recognition-timeout=20000,"
                + "speech-complete-timeout=1200,speech-language=en-US,n-best-list-length=3,Confidence-Threshold=0.2}"
                + "builtin:speech/transcribe", false));
        assertThat(r.engine()).isEqualTo("unimrcp:nuance-en");
        assertThat(r.profile()).isEqualTo("nuance-en");
        assertThat(r.callId()).isEqualTo("call-1");
    }

    @Test
    void shouldPickTheTenantsProfileWithItsOwnBuiltinsWhenTheNodeNamesNone() {
        Recognition acme = speech.recognize("silence_stream://250", ask(null, GrammarSpec.builtin("transcribe")), CALL);
        assertThat(acme.app().arg()).contains("detect:unimrcp:acme-asr ").endsWith("}builtin:grammar/dictation");
        Recognition globex = speech.recognize("silence_stream://250", ask(null, GrammarSpec.builtin("transcribe")),
                OTHER_TENANT);
        assertThat(globex.engine()).isEqualTo("unimrcp:nuance-en");
    }

    @Test
    void shouldPutAnInlineGrammarInTheBody() {
        Recognition r = speech.recognize("say:Sales or support?", ask("asr-en", GrammarSpec.phrases(List.of(
                new Phrase("sales", "sales"), new Phrase("support", "support")))), CALL);
        assertThat(r.app().inBody()).isTrue();
        assertThat(r.app().arg()).contains("}inline:<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<grammar ");
        assertThat(r.keysFromRecognizer()).isFalse();
    }

    @Test
    void shouldRefuseAPromptThatWouldMoveTheDetectSplitOrExpandAVariable() {
        assertThatThrownBy(() -> speech.recognize("say:please detect: this", ask(null, GrammarSpec.builtin("yesno")), CALL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("detect:");
        assertThatThrownBy(() -> speech.recognize("/sounds/${x}.wav", ask(null, GrammarSpec.builtin("yesno")), CALL))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> speech.recognize(" ", ask(null, GrammarSpec.builtin("yesno")), CALL))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldMarkTheProfileDownOnAsrInitErrorAndRecogniseWithItsFallbackNext() {
        // given a recognition whose recogniser could not be opened
        Recognition first = speech.recognize("silence_stream://250", ask("asr-en", GrammarSpec.builtin("yesno")), CALL);
        assertThat(speech.read(first, new RecognitionOutcome("ASR INIT ERROR", null, List.of())).status())
                .isEqualTo(Status.ERROR);
        // when the next call asks for the same profile
        Recognition next = speech.recognize("silence_stream://250", ask("asr-en", GrammarSpec.builtin("yesno")), CALL);
        // then its fallback serves it
        assertThat(next.engine()).isEqualTo("unimrcp:google-en");
        assertThat(health.state("nuance-en")).isEqualTo(ProfileHealth.State.DOWN);
    }

    @Test
    void shouldReadConfidencesOfAnMrcpV1ProfileOnItsScale() {
        Recognition r = speech.recognize("silence_stream://250", ask(null, GrammarSpec.builtin("transcribe")), CALL);
        var result = speech.read(r, new RecognitionOutcome("DONE", "<result><interpretation confidence=\"64\">"
                + "<input>hello</input></interpretation></result>", List.of()));
        assertThat(result.best().confidence()).isEqualTo(0.64);
        assertThat(health.state("acme-asr")).isEqualTo(ProfileHealth.State.UP);
    }

    @Test
    void shouldAskForAsrEventsAndForTheRecogniserToCloseAfterEachRecognitionByDefault() {
        assertThat(speech.recognitionVariables()).containsExactly(Map.entry("fire_asr_events", "true"),
                Map.entry("play_and_detect_speech_close_asr", "true"));
        assertThat(speech.release()).isEmpty();
    }

    @Test
    void shouldReleaseAKeptRecogniserWithDetectSpeechStop() {
        UniMrcpSpeech keep = new UniMrcpSpeech(new SpeechSettings("unimrcp", "unimrcp", null, false, 1, null), registry);
        assertThat(keep.recognitionVariables()).containsEntry("play_and_detect_speech_close_asr", "false");
        assertThat(keep.release()).contains(new SwitchApp("detect_speech", "stop", false));
        assertThat(keep.recognize("silence_stream://250", ask(null, GrammarSpec.builtin("yesno")), CALL).app().arg())
                .doesNotContain("n-best-list-length");
    }

    @Test
    void shouldRecogniseThroughAnotherModuleWithoutProfiles() {
        UniMrcpSpeech other = new UniMrcpSpeech(new SpeechSettings("pocketsphinx", "flite", null, true, 1, null),
                registry);
        Recognition r = other.recognize("silence_stream://250", ask("asr-en", GrammarSpec.builtin("yesno")), CALL);
        assertThat(r.app().arg()).contains(" detect:pocketsphinx {");
        assertThat(r.profile()).isNull();
    }
}
