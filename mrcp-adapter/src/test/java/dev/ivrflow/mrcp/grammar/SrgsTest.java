package dev.ivrflow.mrcp.grammar;

import dev.ivrflow.flow.port.SpeechRequest.Phrase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SrgsTest {

    /** The grammar as a recogniser reads it: each item's words and the string its tag returns. */
    private static Map<String, String> items(String srgs) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(srgs)));
        NodeList items = doc.getElementsByTagName("item");
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            String words = item.getFirstChild().getTextContent();
            String tag = item.getElementsByTagName("tag").item(0).getTextContent();
            assertThat(tag).startsWith("out=\"").endsWith("\";");
            out.put(words, unJs(tag.substring(5, tag.length() - 2)));
        }
        return out;
    }

    /** Reads an ECMAScript string body (the escapes Srgs writes), failing on a quote that would end it early. */
    private static String unJs(String body) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '"') {
                throw new AssertionError("an unescaped quote ends the string early: " + body);
            }
            if (c == '\\') {
                char e = body.charAt(++i);
                if (e == 'u') {
                    out.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
                    i += 4;
                } else {
                    out.append(e);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Test
    void shouldBuildOneItemPerPhraseReturningTheOptionItStandsFor() throws Exception {
        // given a menu's phrases, each standing for an option's exit
        String srgs = Srgs.voice(List.of(new Phrase("sales", "sales"), new Phrase("new order", "sales"),
                new Phrase("billing", "billing")), List.of(), "en-US");
        // then the grammar is SRGS XML with semantics/1.0 tags returning the option
        assertThat(srgs).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<grammar xmlns=\"http://www.w3.org/2001/06/grammar\"")
                .contains("mode=\"voice\"", "xml:lang=\"en-US\"", "tag-format=\"semantics/1.0\"", "root=\"choice\"");
        assertThat(items(srgs)).containsExactly(Map.entry("sales", "sales"), Map.entry("new order", "sales"),
                Map.entry("billing", "billing"));
    }

    @Test
    void shouldAcceptEachOptionsDigitsSpokenAsWellAsItsPhrases() throws Exception {
        String srgs = Srgs.voice(List.of(new Phrase("sales", "sales")),
                List.of(new Phrase("1", "sales"), new Phrase("20", "support"), new Phrase("*9", "repeat")), "en-GB");
        assertThat(items(srgs)).containsExactly(Map.entry("sales", "sales"), Map.entry("1", "sales"),
                Map.entry("one", "sales"), Map.entry("20", "support"), Map.entry("two zero", "support"));
    }

    @Test
    void shouldSpeakDigitsOnlyAsTheyAreInALanguageWithoutDigitWords() throws Exception {
        String srgs = Srgs.voice(List.of(new Phrase("ventes", "sales")), List.of(new Phrase("1", "sales")), "fr-FR");
        assertThat(items(srgs)).containsOnlyKeys("ventes", "1");
    }

    @Test
    void shouldBuildADtmfGrammarOfTheKeys() throws Exception {
        String srgs = Srgs.dtmf(List.of(new Phrase("1", "sales"), new Phrase("#9", "repeat")), "en-US");
        assertThat(srgs).contains("mode=\"dtmf\"");
        assertThat(items(srgs)).containsExactly(Map.entry("1", "sales"), Map.entry("# 9", "repeat"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"</item><item>billing", "\"; out=\"billing", "]]><item>x</item><![CDATA[",
            "<tag>out=\"billing\";</tag>", "${system(reboot)}", "O'Brien \\ back\\slash", "a & b < c > d",
            "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>&e;", "{start-input-timers=true}",
            "line\nbreak\r\ntab\there", "\u2028 line separator \u2029", "emoji \uD83D\uDE00 and lone \uD800 surrogate"})
    void shouldKeepAHostilePhraseAsWordsThatCannotChangeTheGrammar(String phrase) throws Exception {
        // given a phrase (and a meaning) from a flow, trying to break out of its item
        String srgs = Srgs.voice(List.of(new Phrase("sales", "sales"), new Phrase(phrase, phrase + " meaning")),
                List.of(), "en-US");
        // then the grammar still has exactly two items, the phrase's words are its own, and it returns its meaning
        Map<String, String> items = items(srgs);
        assertThat(items).hasSize(2).containsEntry("sales", "sales");
        String words = new ArrayList<>(items.keySet()).get(1);
        assertThat(words).isEqualTo(Srgs.words(phrase).replace('\uD800', ' '));
        assertThat(items.get(words)).isEqualTo(Srgs.words(phrase + " meaning").replace('\uD800', ' '));
        // and nothing FreeSWITCH's argument handling would alter is left in the text
        assertThat(srgs).doesNotContain("'", "\\", "$", "{", "}");
    }

    @Test
    void shouldSkipBlankPhrasesAndKeepTheFirstMeaningOfWordsGivenTwice() throws Exception {
        String srgs = Srgs.voice(List.of(new Phrase("  ", "x"), new Phrase("Sales", "sales"),
                new Phrase("sales", "support"), new Phrase("  many   spaces ", null)), List.of(), "en-US");
        assertThat(items(srgs)).containsExactly(Map.entry("Sales", "sales"), Map.entry("many spaces", "many spaces"));
    }

    @Test
    void shouldFallBackToEnglishForALanguageThatIsNotATag() {
        assertThat(Srgs.voice(List.of(new Phrase("a", "a")), List.of(), "en\" onload=\"x"))
                .contains("xml:lang=\"en-US\"");
    }

    @Test
    void shouldRefuseAGrammarWithNothingToRecognise() {
        assertThatThrownBy(() -> Srgs.voice(List.of(new Phrase(" ", "x")), List.of(), "en-US"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
    }

    @Test
    void shouldRefuseKeysThatAreNotKeys() {
        assertThatThrownBy(() -> Srgs.dtmf(List.of(new Phrase("1<", "x")), "en-US"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key sequence");
    }

    @Test
    void shouldRefuseAnOverlongPhraseAndTooManyChoices() {
        assertThatThrownBy(() -> Srgs.voice(List.of(new Phrase("x".repeat(201), "x")), List.of(), "en-US"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than");
        List<Phrase> many = new ArrayList<>();
        for (int i = 0; i <= Srgs.MAX_CHOICES; i++) {
            many.add(new Phrase("phrase " + i, "p"));
        }
        assertThatThrownBy(() -> Srgs.voice(many, List.of(), "en-US"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than");
    }
}
