package dev.ivrflow.mrcp.result;

import dev.ivrflow.flow.port.SpeechResult.Hypothesis;
import dev.ivrflow.flow.port.SpeechResult.Mode;
import dev.ivrflow.mrcp.result.NlsmlParser.Nlsml;
import dev.ivrflow.mrcp.result.NlsmlParser.Parsed;
import dev.ivrflow.mrcp.result.NlsmlParser.Unreadable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NlsmlParserTest {
    private final NlsmlParser parser = new NlsmlParser();

    private Parsed parsed(String nlsml, int version) {
        Nlsml n = parser.parse(nlsml, version);
        assertThat(n).as("%s", n).isInstanceOf(Parsed.class);
        return (Parsed) n;
    }

    private String unreadable(String nlsml) {
        Nlsml n = parser.parse(nlsml, 2);
        assertThat(n).as("%s", n).isInstanceOf(Unreadable.class);
        return ((Unreadable) n).reason();
    }

    @Test
    void shouldReadAnNBestListBestFirstWithWordsMeaningConfidenceModeAndGrammar() {
        // given an MRCPv2 result with three interpretations, as RFC 6787 section 9.6 writes them
        String nlsml = """
                <?xml version="1.0"?>
                <result>
                  <interpretation grammar="session:menu-1" confidence="0.91">
                    <instance>billing</instance>
                    <input mode="speech">billing please</input>
                  </interpretation>
                  <interpretation grammar="session:menu-1" confidence="0.40">
                    <instance>sales</instance>
                    <input mode="speech">sailing please</input>
                  </interpretation>
                  <interpretation grammar="session:menu-1" confidence="0.12">
                    <input mode="speech">bill in peace</input>
                  </interpretation>
                </result>""";
        // when it is read
        Parsed p = parsed(nlsml, 2);
        // then every hypothesis keeps its order and fields
        assertThat(p.matches()).containsExactly(
                new Hypothesis("billing please", "billing", 0.91, Mode.SPEECH, "session:menu-1"),
                new Hypothesis("sailing please", "sales", 0.40, Mode.SPEECH, "session:menu-1"),
                new Hypothesis("bill in peace", null, 0.12, Mode.SPEECH, "session:menu-1"));
        assertThat(p.noMatch()).isFalse();
        assertThat(p.notes()).isEmpty();
    }

    @Test
    void shouldReadMrcpV1ConfidencesOnTheZeroToHundredScale() {
        // given an MRCPv1 server's result (RFC 4463: confidence from 0 to 100)
        String nlsml = "<result><interpretation grammar=\"g\" confidence=\"87\"><instance>yes</instance>"
                + "<input mode=\"speech\">yes</input></interpretation>"
                + "<interpretation confidence=\"1\"><input>yeah</input></interpretation></result>";
        // when it is read for an MRCPv1 profile
        Parsed p = parsed(nlsml, 1);
        // then the confidences are on 0 to 1, including the small one
        assertThat(p.matches()).extracting(Hypothesis::confidence).containsExactly(0.87, 0.01);
    }

    @Test
    void shouldReadAnMrcpV2DocumentWhoseConfidencesExceedOneOnTheHundredScaleAndNoteIt() {
        // given a server that claims MRCPv2 but writes confidences out of 100
        Parsed p = parsed("<result><interpretation confidence=\"75\"><input>sales</input></interpretation>"
                + "<interpretation confidence=\"0.5\"><input>sails</input></interpretation></result>", 2);
        // then the whole document is read on the 0 to 100 scale, and it is noted
        assertThat(p.matches()).extracting(Hypothesis::confidence).containsExactly(0.75, 0.005);
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("0 to 100"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.3", "-40"})
    void shouldReadANegativeConfidenceAsZeroAndNoteIt(String confidence) {
        Parsed p = parsed("<result><interpretation confidence=\"" + confidence + "\"><input>x</input>"
                + "</interpretation></result>", 2);
        assertThat(p.matches().getFirst().confidence()).isZero();
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("negative"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"high", "", "NaN", "Infinity", "0x1p3", "1.5d", "1,5", "  ",
            "9999999999999999999999999999999999999"})
    void shouldReadAConfidenceThatIsNotANumberAsZeroSoItFailsEveryThreshold(String confidence) {
        Parsed p = parsed("<result><interpretation confidence=\"" + confidence + "\"><input>x</input>"
                + "</interpretation></result>", 2);
        assertThat(p.matches().getFirst().confidence()).isZero();
        assertThat(p.notes()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"250", "1e9", "100.5"})
    void shouldReadAConfidenceAboveTheScalesTopAsOne(String confidence) {
        Parsed p = parsed("<result><interpretation confidence=\"" + confidence + "\"><input>x</input>"
                + "</interpretation></result>", 1);
        assertThat(p.matches().getFirst().confidence()).isEqualTo(1.0);
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("above"));
    }

    @Test
    void shouldReadAPercentConfidenceAndOneOnTheInputElement() {
        Parsed p = parsed("<result><interpretation><input confidence=\"80%\">x</input></interpretation></result>", 1);
        assertThat(p.matches().getFirst().confidence()).isCloseTo(0.8, within(1e-9));
    }

    @Test
    void shouldTakeAResultWithoutAConfidenceAsCertain() {
        Parsed p = parsed("<result><interpretation><instance>2</instance><input mode=\"dtmf\">2</input>"
                + "</interpretation></result>", 2);
        assertThat(p.matches()).containsExactly(new Hypothesis("2", "2", 1.0, Mode.DTMF, null));
    }

    @Test
    void shouldReadKeysAsDtmfWhateverTheCaseOfTheMode() {
        Parsed p = parsed("<result><interpretation grammar=\"builtin:dtmf/digits\" confidence=\"1.0\">"
                + "<input mode=\"DTMF\">1234</input></interpretation></result>", 2);
        assertThat(p.matches().getFirst().mode()).isEqualTo(Mode.DTMF);
        assertThat(p.matches().getFirst().grammar()).isEqualTo("builtin:dtmf/digits");
    }

    @Test
    void shouldReportNoInputForANoinputElement() {
        Parsed p = parsed("<result><interpretation><input><noinput/></input></interpretation></result>", 2);
        assertThat(p.noInput()).isTrue();
        assertThat(p.matches()).isEmpty();
    }

    @Test
    void shouldReportNoMatchKeepingWhatWasHeard() {
        Parsed p = parsed("<result><interpretation confidence=\"0.3\"><input mode=\"speech\"><nomatch/>"
                + "do you sell printers</input></interpretation></result>", 2);
        assertThat(p.noMatch()).isTrue();
        assertThat(p.matches()).isEmpty();
        assertThat(p.heard()).containsExactly(new Hypothesis("do you sell printers", null, 0.3, Mode.SPEECH, null));
    }

    @Test
    void shouldReportNoMatchForAResultWithNoInterpretation() {
        assertThat(parsed("<result/>", 2).noMatch()).isTrue();
    }

    @Test
    void shouldReadNlsmlInANamespaceOrWithAPrefix() {
        assertThat(parsed("<result xmlns=\"urn:ietf:params:xml:ns:mrcpv2\"><interpretation confidence=\"0.8\">"
                + "<instance>yes</instance><input>yes</input></interpretation></result>", 2).matches()).hasSize(1);
        assertThat(parsed("<nl:result xmlns:nl=\"http://www.w3c.org/2000/11/nlsml\"><nl:interpretation>"
                + "<nl:input>no</nl:input></nl:interpretation></nl:result>", 2).matches()).hasSize(1);
    }

    @Test
    void shouldReadAStructuredInstanceAsItsPairsInOrder() {
        Parsed p = parsed("<result><interpretation><instance><city>Paris</city><day>Monday</day></instance>"
                + "<input>Paris on Monday</input></interpretation></result>", 2);
        assertThat(p.matches().getFirst().interpretation()).isEqualTo("city=Paris; day=Monday");
    }

    @Test
    void shouldRefuseAnXxePayloadWithoutReadingTheFile(@TempDir Path dir) throws Exception {
        // given a file with a secret, and a result that tries to pull it in through an external entity
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-42");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE result [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<result><interpretation><input>&x;</input></interpretation></result>";
        // when it is read
        Nlsml n = parser.parse(xxe, 2);
        // then it is refused, and the secret appears nowhere
        assertThat(n).isInstanceOf(Unreadable.class);
        assertThat(n.toString()).doesNotContain("TOP-SECRET-42");
    }

    @Test
    void shouldRefuseAParameterEntityXxeAndAnEntityBomb() {
        assertThat(unreadable("<!DOCTYPE r [<!ENTITY % p SYSTEM \"http://127.0.0.1:1/x.dtd\"> %p;]><result/>"))
                .contains("DOCTYPE");
        assertThat(unreadable("""
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
                <result><interpretation><input>&lol3;</input></interpretation></result>""")).contains("DOCTYPE");
    }

    @Test
    void shouldRefuseAnXIncludeInsteadOfFollowingIt(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("s.xml"), "<input>TOP-SECRET-43</input>");
        Nlsml n = parser.parse("<result xmlns:xi=\"http://www.w3.org/2001/XInclude\"><interpretation>"
                + "<xi:include href=\"" + secret.toUri() + "\"/></interpretation></result>", 2);
        assertThat(n.toString()).doesNotContain("TOP-SECRET-43");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<result><interpretation>", "not xml at all", "<result><input>a</inputt></result>",
            "<?xml version=\"1.0\"?>", "<result>\u0000</result>", "<result></result><result/>", "Completion-Cause"})
    void shouldGiveAReasonForMalformedNlsmlRatherThanThrow(String nlsml) {
        assertThat(unreadable(nlsml)).isNotBlank();
    }

    @Test
    void shouldRefuseADocumentWhoseRootIsNotResult() {
        assertThat(unreadable("<html><body>502 Bad Gateway</body></html>")).contains("<html>");
    }

    @Test
    void shouldRefuseAnEmptyResult() {
        assertThat(unreadable("  ")).contains("empty");
        assertThat(unreadable(null)).contains("empty");
    }

    @Test
    void shouldRefuseOversizedNlsml() {
        String huge = "<result><interpretation><input>" + "a".repeat(NlsmlParser.MAX_CHARS) + "</input>"
                + "</interpretation></result>";
        assertThat(unreadable(huge)).contains("more than");
    }

    @Test
    void shouldKeepOnlyTheFirstTenHypothesesAndNoteTheRest() {
        StringBuilder x = new StringBuilder("<result>");
        for (int i = 0; i < 40; i++) {
            x.append("<interpretation confidence=\"0.").append(99 - i).append("\"><input>h").append(i)
                    .append("</input></interpretation>");
        }
        Parsed p = parsed(x.append("</result>").toString(), 2);
        assertThat(p.matches()).hasSize(NlsmlParser.MAX_HYPOTHESES);
        assertThat(p.matches().getFirst().text()).isEqualTo("h0");
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("40 interpretations"));
    }

    @Test
    void shouldCutOverlongWordsAndNoteIt() {
        Parsed p = parsed("<result><interpretation><input>" + "word ".repeat(2_000) + "</input></interpretation>"
                + "</result>", 2);
        assertThat(p.matches().getFirst().text()).hasSize(NlsmlParser.MAX_WORDS);
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("cut"));
    }

    @Test
    void shouldCollapseBlanksAndKeepUnicodeWords() {
        Parsed p = parsed("<result><interpretation><instance> fran\u00e7ais </instance><input>\n  en   fran\u00e7ais\t"
                + "</input></interpretation></result>", 2);
        assertThat(p.matches().getFirst().text()).isEqualTo("en fran\u00e7ais");
        assertThat(p.matches().getFirst().interpretation()).isEqualTo("fran\u00e7ais");
    }

    @Test
    void shouldReadResultsOfManyCallsAtOnceWithOneParser() throws Exception {
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            var results = new java.util.ArrayList<java.util.concurrent.Future<String>>();
            for (int i = 0; i < 400; i++) {
                String word = "word" + i;
                results.add(threads.submit(() -> ((Parsed) parser.parse("<result><interpretation confidence=\"0.5\">"
                        + "<input>" + word + "</input></interpretation></result>", 2)).matches().getFirst().text()));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo("word" + i);
            }
        }
    }

    @Test
    void shouldNeverThrowWhateverBytesTheServerSends() {
        Random random = new Random(20240601);
        String alphabet = "<>/=\"' &;!?[]-xmlresultinterpretationinput\u0000\u00e9\n";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder s = new StringBuilder(random.nextBoolean() ? "<result>" : "");
            int n = random.nextInt(200);
            for (int j = 0; j < n; j++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(parser.parse(s.toString(), 1 + random.nextInt(2))).isNotNull();
        }
    }
}
