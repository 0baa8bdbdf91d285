package dev.ivrflow.esl.channel;

import dev.ivrflow.flow.port.SpeechResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NlsmlSpeechResultParserTest {
    private final NlsmlSpeechResultParser parser = new NlsmlSpeechResultParser();

    @Test
    void shouldReadTheInputTheMeaningAndTheConfidenceOfEachInterpretation() {
        SpeechResult r = parser.parse("""
                <?xml version="1.0"?>
                <result>
                  <interpretation grammar="session:menu" confidence="0.87">
                    <instance>sales</instance>
                    <input mode="speech">I want to buy something</input>
                  </interpretation>
                  <interpretation grammar="session:menu" confidence="0.40">
                    <instance>support</instance>
                    <input mode="speech">I want support</input>
                  </interpretation>
                </result>""");
        assertThat(r.status()).isEqualTo(SpeechResult.Status.RECOGNIZED);
        assertThat(r.hypotheses()).hasSize(2);
        assertThat(r.best().text()).isEqualTo("I want to buy something");
        assertThat(r.best().interpretation()).isEqualTo("sales");
        assertThat(r.best().confidence()).isEqualTo(0.87);
        assertThat(r.best().mode()).isEqualTo(SpeechResult.Mode.SPEECH);
        assertThat(r.best().grammar()).isEqualTo("session:menu");
    }

    @Test
    void shouldScaleAConfidenceGivenOutOfAHundred() {
        SpeechResult r = parser.parse("<result><interpretation confidence=\"92\"><input mode=\"dtmf\">1</input>"
                + "</interpretation></result>");
        assertThat(r.best().confidence()).isEqualTo(0.92);
        assertThat(r.best().mode()).isEqualTo(SpeechResult.Mode.DTMF);
    }

    @Test
    void shouldReadNoInputAndNoMatch() {
        assertThat(parser.parse("").status()).isEqualTo(SpeechResult.Status.NO_INPUT);
        assertThat(parser.parse("<result><interpretation><input><noinput/></input></interpretation></result>").status())
                .isEqualTo(SpeechResult.Status.NO_INPUT);
        SpeechResult noMatch = parser.parse("<result><interpretation confidence=\"0.3\"><input mode=\"speech\">"
                + "<nomatch/>blah blah</input></interpretation></result>");
        assertThat(noMatch.status()).isEqualTo(SpeechResult.Status.NO_MATCH);
        assertThat(noMatch.best().text()).isEqualTo("blah blah");
        assertThat(parser.parse("<result/>").status()).isEqualTo(SpeechResult.Status.NO_MATCH);
    }

    @Test
    void shouldReportMalformedXmlAsAnErrorWithTheReason() {
        SpeechResult r = parser.parse("<result><interpretation>");
        assertThat(r.status()).isEqualTo(SpeechResult.Status.ERROR);
        assertThat(r.error()).contains("not well-formed NLSML");
    }

    @Test
    void shouldRefuseEntitiesThatWouldReadFiles() {
        SpeechResult r = parser.parse("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<result><interpretation><input>&x;</input></interpretation></result>");
        assertThat(r.status()).isEqualTo(SpeechResult.Status.ERROR);
        assertThat(r.hypotheses()).isEmpty();
    }

    @Test
    void shouldRefuseAResultThatIsNotNlsml() {
        assertThat(parser.parse("<html><body>oops</body></html>").status()).isEqualTo(SpeechResult.Status.ERROR);
    }
}
