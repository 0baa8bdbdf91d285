package dev.ivrflow.mrcp.result;

import dev.ivrflow.flow.port.SpeechResult.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CompletionCauseTest {

    @ParameterizedTest(name = "MRCPv2 {0} is {1}: {2}")
    @CsvSource({
            "000, success, RECOGNIZED", "001, no-match, NO_MATCH", "002, no-input-timeout, NO_INPUT",
            "003, hotword-maxtime, NO_MATCH", "004, grammar-load-failure, ERROR",
            "005, grammar-compilation-failure, ERROR", "006, recognizer-error, ERROR",
            "007, speech-too-early, NO_MATCH", "008, success-maxtime, RECOGNIZED", "009, uri-failure, ERROR",
            "010, language-unsupported, ERROR", "011, cancelled, ERROR", "012, semantics-failure, ERROR",
            "013, partial-match, NO_MATCH", "014, partial-match-maxtime, NO_MATCH",
            "015, no-match-maxtime, NO_MATCH", "016, grammar-definition-failure, ERROR"})
    void shouldMapEveryMrcpV2CauseToWhatItMeansForAFlow(String code, String name, Status status) {
        CompletionCause c = CompletionCause.parse(code, 2).orElseThrow();
        assertThat(c.name()).isEqualTo(name);
        assertThat(c.status()).isEqualTo(status);
        assertThat(c.known()).isTrue();
    }

    @ParameterizedTest(name = "MRCPv1 {0} is {1}: {2}")
    @CsvSource({"003, recognition-timeout, NO_MATCH", "004, gram-load-failure, ERROR", "006, error, ERROR",
            "008, too-much-speech-timeout, NO_MATCH"})
    void shouldReadTheNumbersMrcpV1UsesDifferently(String code, String name, Status status) {
        // given the same number from an MRCPv1 server, when read for a v1 profile, then v1's meaning applies
        CompletionCause c = CompletionCause.parse(code, 1).orElseThrow();
        assertThat(c.name()).isEqualTo(name);
        assertThat(c.status()).isEqualTo(status);
    }

    @Test
    void shouldReadTheDecimalFormOfModUnimrcpsHeaderAndANameAfterTheNumber() {
        assertThat(CompletionCause.parse("2", 2).orElseThrow().status()).isEqualTo(Status.NO_INPUT);
        assertThat(CompletionCause.parse("001 no-match", 2).orElseThrow().status()).isEqualTo(Status.NO_MATCH);
        assertThat(CompletionCause.parse("no-input-timeout", 2).orElseThrow().status()).isEqualTo(Status.NO_INPUT);
        assertThat(CompletionCause.parse(" 000 SUCCESS ", 2).orElseThrow().status()).isEqualTo(Status.RECOGNIZED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"099", "17", "999", "042 whatever-this-is", "speech-was-great"})
    void shouldTakeAnUnknownCauseAsAnError(String value) {
        CompletionCause c = CompletionCause.parse(value, 2).orElseThrow();
        assertThat(c.status()).isEqualTo(Status.ERROR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "-1", "1.5", "0x02", "002;rm -rf", "<result/>"})
    void shouldNotReadWhatIsNotACompletionCause(String value) {
        assertThat(CompletionCause.parse(value, 2)).isEmpty();
    }

    @Test
    void shouldNotReadNullOrAnAbsurdlyLongValue() {
        assertThat(CompletionCause.parse(null, 2)).isEmpty();
        assertThat(CompletionCause.parse("0".repeat(500), 2)).isEmpty();
    }
}
