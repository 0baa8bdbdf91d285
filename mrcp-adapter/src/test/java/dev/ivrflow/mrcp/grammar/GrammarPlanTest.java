package dev.ivrflow.mrcp.grammar;

import dev.ivrflow.flow.port.SpeechRequest;
import dev.ivrflow.flow.port.SpeechRequest.GrammarSpec;
import dev.ivrflow.flow.port.SpeechRequest.Phrase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GrammarPlanTest {
    private static final BuiltinGrammars DEFAULTS = new BuiltinGrammars(Map.of());

    private static SpeechRequest request(List<GrammarSpec> grammars, boolean digitsToo, int maxDigits,
                                         List<Phrase> keys) {
        return new SpeechRequest(grammars, "en-US", null, Duration.ofSeconds(5), Duration.ofSeconds(15),
                Duration.ofMillis(800), true, digitsToo, maxDigits, keys);
    }

    @Test
    void shouldGiveABuiltinAsItsUriOnOneLine() {
        GrammarPlan plan = GrammarPlan.of(request(List.of(GrammarSpec.builtin("yesno")), false, 1, List.of()), DEFAULTS);
        assertThat(plan.text()).isEqualTo("builtin:grammar/boolean");
        assertThat(plan.inBody()).isFalse();
        assertThat(plan.keysFromRecognizer()).isFalse();
    }

    @Test
    void shouldAddTheKeyFormOfABuiltinAsAUriListWhenKeysAreAllowed() {
        // given an ask for digits that also takes keys
        GrammarPlan plan = GrammarPlan.of(request(List.of(GrammarSpec.builtin("digits")), true, 6, List.of()), DEFAULTS);
        // then mod_unimrcp gets a text/uri-list of both, and the recogniser answers keys itself
        assertThat(plan.text()).isEqualTo("builtin:grammar/digits\r\nbuiltin:dtmf/digits?minlength=1;maxlength=6");
        assertThat(plan.keysFromRecognizer()).isTrue();
        assertThat(plan.inBody()).isTrue();
    }

    @Test
    void shouldHaveNoKeyFormForFreeTranscription() {
        GrammarPlan plan = GrammarPlan.of(request(List.of(GrammarSpec.builtin("transcribe")), true, 4, List.of()),
                DEFAULTS);
        assertThat(plan.text()).isEqualTo("builtin:speech/transcribe");
        assertThat(plan.keysFromRecognizer()).isFalse();
    }

    @Test
    void shouldUseAProfilesOwnBuiltinUris() {
        BuiltinGrammars lumenvox = new BuiltinGrammars(Map.of("transcribe", "builtin:grammar/transcribe",
                "dtmf:yesno", "builtin:dtmf/boolean?y=1;n=2"));
        assertThat(GrammarPlan.of(request(List.of(), false, 1, List.of()), lumenvox).text())
                .isEqualTo("builtin:grammar/transcribe");
        assertThat(GrammarPlan.of(request(List.of(GrammarSpec.builtin("yesno")), true, 1, List.of()), lumenvox).text())
                .endsWith("\r\nbuiltin:dtmf/boolean?y=1;n=2");
    }

    @Test
    void shouldRefuseABuiltinOverrideThatIsNotABuiltinUri() {
        assertThatThrownBy(() -> new BuiltinGrammars(Map.of("yesno", "http://evil/x.grxml")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DEFAULTS.voice("yes no")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldPassAGrammarUriAndAddTheDigitsBuiltinWhenAMenuTakesKeys() {
        GrammarPlan plain = GrammarPlan.of(request(List.of(GrammarSpec.uri("http://grammars.example.com/menu.grxml")),
                false, 1, List.of()), DEFAULTS);
        assertThat(plain.text()).isEqualTo("http://grammars.example.com/menu.grxml");
        GrammarPlan keys = GrammarPlan.of(request(List.of(GrammarSpec.uri("session:menu@form-level.store")), true, 1,
                List.of(new Phrase("1", "sales"))), DEFAULTS);
        assertThat(keys.text()).isEqualTo("session:menu@form-level.store\r\nbuiltin:dtmf/digits?minlength=1;maxlength=1");
        assertThat(keys.keysFromRecognizer()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://grammars.example.com/menu.grxml", "menu", "/usr/share/grammars/menu",
            "http://x/a b.grxml", "http://x/a'b", "http://x/a\\b", "http://x/${uuid}.grxml", "http://x/{a}",
            "http://x/\nbuiltin:dtmf/digits", "ftp://x/menu.grxml", "http://"})
    void shouldRefuseAUriModUnimrcpWouldNotPassOnOrThatCouldChangeTheCommand(String uri) {
        assertThatThrownBy(() -> GrammarPlan.of(request(List.of(GrammarSpec.uri(uri)), false, 1, List.of()), DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldMakeOneInlineVoiceGrammarOfEveryPhraseWithTheKeysSpoken() {
        GrammarPlan plan = GrammarPlan.of(request(List.of(GrammarSpec.phrases(List.of(new Phrase("sales", "sales"))),
                GrammarSpec.phrases(List.of(new Phrase("support", "support")))), true, 1,
                List.of(new Phrase("1", "sales"), new Phrase("2", "support"))), DEFAULTS);
        assertThat(plan.text()).startsWith("inline:<?xml ").contains(">sales<", ">support<", ">one<", ">two<")
                .contains("mode=\"voice\"");
        assertThat(plan.inBody()).isTrue();
        assertThat(plan.keysFromRecognizer()).isFalse();
    }

    @Test
    void shouldLeaveTheKeysOutOfTheGrammarWhenTheRequestTakesNoKeys() {
        GrammarPlan plan = GrammarPlan.of(request(List.of(GrammarSpec.phrases(List.of(new Phrase("sales", "sales")))),
                false, 1, List.of(new Phrase("1", "sales"))), DEFAULTS);
        assertThat(plan.text()).doesNotContain(">one<");
    }

    @Test
    void shouldMakeAnInlineDtmfGrammarWhenThereAreOnlyKeys() {
        GrammarPlan plan = GrammarPlan.of(request(List.of(), true, 1, List.of(new Phrase("1", "sales"))), DEFAULTS);
        assertThat(plan.text()).startsWith("inline:").contains("mode=\"dtmf\"");
        assertThat(plan.keysFromRecognizer()).isTrue();
    }

    @Test
    void shouldTranscribeWhenNothingIsGiven() {
        assertThat(GrammarPlan.of(request(List.of(), false, 1, List.of()), DEFAULTS).text())
                .isEqualTo("builtin:speech/transcribe");
    }

    @Test
    void shouldRefusePhrasesTogetherWithAUriSinceModUnimrcpTakesAnInlineGrammarOnlyAlone() {
        assertThatThrownBy(() -> GrammarPlan.of(request(List.of(GrammarSpec.builtin("yesno"),
                GrammarSpec.phrases(List.of(new Phrase("maybe", "maybe")))), false, 1, List.of()), DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alone");
    }

    @Test
    void shouldRecogniseSeveralUrisTogetherAsOneList() {
        GrammarPlan plan = GrammarPlan.of(request(List.of(GrammarSpec.builtin("yesno"),
                GrammarSpec.uri("http://g.example.com/extra.grxml")), false, 1, List.of()), DEFAULTS);
        assertThat(plan.text()).isEqualTo("builtin:grammar/boolean\r\nhttp://g.example.com/extra.grxml");
        assertThat(plan.inBody()).isTrue();
    }
}
