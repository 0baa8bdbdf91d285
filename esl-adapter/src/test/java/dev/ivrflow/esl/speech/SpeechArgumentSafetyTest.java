package dev.ivrflow.esl.speech;

import dev.ivrflow.esl.fssim.FsArgSplitter;
import dev.ivrflow.esl.fssim.FsScript;
import dev.ivrflow.esl.fssim.SimRecognizer;
import dev.ivrflow.flow.port.Audio;
import dev.ivrflow.flow.port.CallInfo;
import dev.ivrflow.flow.port.SpeechCommands.Recognition;
import dev.ivrflow.flow.port.SpeechRequest;
import dev.ivrflow.flow.port.SpeechRequest.GrammarSpec;
import dev.ivrflow.flow.port.SpeechRequest.Phrase;
import dev.ivrflow.mrcp.UniMrcpSpeech;
import dev.ivrflow.mrcp.profile.MrcpProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What mrcp-adapter writes arrives at mod_unimrcp exactly as meant, once FreeSWITCH has split and cleaned it
 * (checked with the simulator's copies of {@code switch_separate_string}, {@code switch_find_end_paren} and
 * mod_unimrcp's grammar reading), whatever a flow or an operator puts in it.
 */
class SpeechArgumentSafetyTest {
    private static final CallInfo CALL = new CallInfo("c", "+15550100", null, "+15550199", Map.of());

    private static SpeechRequest request(String profile, List<GrammarSpec> grammars, List<Phrase> keys) {
        return new SpeechRequest(grammars, "en-US", profile, Duration.ofSeconds(5), Duration.ofSeconds(15),
                Duration.ofMillis(800), true, !keys.isEmpty(), 1, keys);
    }

    @Test
    void shouldDeliverEveryParameterValueIntactThroughFreeSwitchsThreeSplits() throws Exception {
        // given an operator's profile parameters full of the characters each split treats specially
        Map<String, String> hostile = new LinkedHashMap<>();
        hostile.put("Vendor-Hints", "one,two,three");
        hostile.put("x-quote", "it's \"quoted\"");
        hostile.put("x-backslash", "C:\\grammars\\n\\t");
        hostile.put("x-equals", "a=b=c");
        hostile.put("x-mixed", "'a',\"b\",\\c\\,=d");
        hostile.put("x-unicode", "français, 日本語");
        UniMrcpSpeech speech = TestSpeech.with(List.of(new MrcpProfile("p", "p-fs", List.of(), List.of(), Set.of(),
                null, null, 2, Map.of(), hostile)));
        // when a recognition is built and FreeSWITCH reads it
        Recognition r = speech.recognize("say:Hello", request("p", List.of(GrammarSpec.builtin("yesno")), List.of()),
                CALL);
        SimRecognizer.Detect d = SimRecognizer.parse(r.app().arg(), FsScript.none());
        // then mod_unimrcp receives every value as the operator wrote it, and the rest is untouched
        hostile.forEach((name, value) -> assertThat(d.params()).containsEntry(name.toLowerCase(), value));
        assertThat(d.params()).containsEntry("start-input-timers", "false").containsEntry("no-input-timeout", "5000");
        assertThat(d.engine()).isEqualTo("unimrcp:p-fs");
        assertThat(d.prompt()).isEqualTo("say:Hello");
        assertThat(d.voice()).extracting(GrammarSpec::builtin).containsExactly("yesno");
    }

    @Test
    void shouldDeliverHostilePhrasesAsTheSameWordsAndMeanings() throws Exception {
        // given phrases that try to break the grammar, the parameter block, the argument split and the dialplan
        List<Phrase> phrases = List.of(new Phrase("sales", "sales"),
                new Phrase("O'Brien's \"line\"", "o'brien"),
                new Phrase("back\\slash and {braces}", "x\\y"),
                new Phrase("costs ${system(reboot)}", "money"),
                new Phrase("</item></one-of></rule><rule id=\"x\">", "markup"),
                new Phrase("\"; out=\"billing", "quote"),
                new Phrase("detect:unimrcp {a=b}builtin:grammar/boolean", "detect"));
        // when the recognition is built and FreeSWITCH and mod_unimrcp read it
        Recognition r = TestSpeech.plain().recognize("silence_stream://250",
                request(null, List.of(GrammarSpec.phrases(phrases)), List.of()), CALL);
        SimRecognizer.Detect d = SimRecognizer.parse(r.app().arg(), FsScript.none());
        // then the recogniser has exactly these phrases, each returning its own meaning
        List<Phrase> delivered = d.voice().getFirst().phrases();
        assertThat(delivered).containsExactlyElementsOf(phrases);
        assertThat(d.params()).containsOnlyKeys("start-input-timers", "no-input-timeout", "recognition-timeout",
                "speech-complete-timeout", "speech-language", "n-best-list-length");
        assertThat(d.engine()).isEqualTo("unimrcp");
    }

    @Test
    void shouldDeliverAListOfUrisAsOneGrammarWithTheKeyFormRecognisedByTheServer() throws Exception {
        SpeechRequest digits = new SpeechRequest(List.of(GrammarSpec.builtin("digits")), "en-US", null,
                Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofMillis(800), true, true, 4);
        Recognition r = TestSpeech.plain().recognize("say:Your PIN?", digits, CALL);
        assertThat(r.app().inBody()).isTrue();
        SimRecognizer.Detect d = SimRecognizer.parse(r.app().arg(), FsScript.none());
        assertThat(d.voice()).extracting(GrammarSpec::builtin).containsExactly("digits");
        assertThat(d.dtmf().maxDigits()).isEqualTo(4);
    }

    @Test
    void shouldDeliverMenuKeysAsAnInlineDtmfGrammarWhenThereIsNothingToSay() throws Exception {
        Recognition r = TestSpeech.plain().recognize("say:Press 1 or 2", request(null, List.of(),
                List.of(new Phrase("1", "sales"), new Phrase("#2", "support"))), CALL);
        SimRecognizer.Detect d = SimRecognizer.parse(r.app().arg(), FsScript.none());
        assertThat(d.dtmf().keys()).containsExactly(Map.entry("1", "sales"), Map.entry("#2", "support"));
        assertThat(r.keysFromRecognizer()).isTrue();
    }

    @Test
    void shouldSpeakTextWithQuotesPipesAndBackslashesExactlyAsWritten() {
        String text = "Don't press 1 | it's 'quoted', \"double\" and a back\\slash";
        String arg = TestSpeech.plain().speak(new Audio.Speech(text, "en-US", "flite", "kal"), CALL).arg();
        assertThat(FsArgSplitter.split(arg, '|', 3).subList(0, 2)).containsExactly("flite", "kal");
        assertThat(FsArgSplitter.unstripped(arg, '|', 2)).isEqualTo(text);
    }
}
