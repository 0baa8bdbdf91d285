package dev.ivrflow.mrcp.result;

import dev.ivrflow.flow.port.SpeechCommands.RecognitionOutcome;
import dev.ivrflow.flow.port.SpeechCommands.SpeechEvent;
import dev.ivrflow.flow.port.SpeechResult;
import dev.ivrflow.flow.port.SpeechResult.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RecognitionReaderTest {
    private static final String BILLING = "<?xml version=\"1.0\"?><result><interpretation grammar=\"session:m\" "
            + "confidence=\"0.93\"><instance>billing</instance><input mode=\"speech\">billing</input>"
            + "</interpretation></result>";

    private final RecognitionReader reader = new RecognitionReader(new NlsmlParser());

    private static SpeechEvent detected(String cause, String body) {
        return new SpeechEvent("detected-speech", cause == null ? Map.of("Speech-Type", "detected-speech")
                : Map.of("Speech-Type", "detected-speech", "ASR-Completion-Cause", cause), body);
    }

    private RecognitionReader.Reading read(String response, String result, SpeechEvent... events) {
        return reader.read(new RecognitionOutcome(response, result, List.of(events)), 2);
    }

    @Test
    void shouldReadARecognisedUtteranceFromTheResultVariable() {
        RecognitionReader.Reading r = read("DONE", BILLING, new SpeechEvent("begin-speaking", Map.of(), null),
                detected("0", BILLING));
        assertThat(r.result().status()).isEqualTo(Status.RECOGNIZED);
        assertThat(r.result().best().interpretation()).isEqualTo("billing");
        assertThat(r.recognizerDown()).isFalse();
    }

    @Test
    void shouldBlameTheProfileWhenTheRecogniserCouldNotBeOpened() {
        RecognitionReader.Reading r = read("ASR INIT ERROR", null);
        assertThat(r.result().status()).isEqualTo(Status.ERROR);
        assertThat(r.result().error()).contains("ASR INIT ERROR");
        assertThat(r.recognizerDown()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"GRAMMAR ERROR, grammar", "USAGE ERROR, USAGE ERROR", "ERROR, ERROR"})
    void shouldReportEveryOtherFailureOfTheApplicationAsAnErrorNotTheProfiles(String response, String said) {
        RecognitionReader.Reading r = read(response, null);
        assertThat(r.result().status()).isEqualTo(Status.ERROR);
        assertThat(r.result().error()).contains(said);
        assertThat(r.recognizerDown()).isFalse();
    }

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource({"Completion-Cause: 002, NO_INPUT", "Completion-Cause: 001, NO_MATCH",
            "Completion-Cause: 015, NO_MATCH", "Completion-Cause: 004, ERROR", "Completion-Cause: 006, ERROR",
            "Completion-Cause: 099, ERROR", "completion-cause:002, NO_INPUT", "Completion-Cause: 000, NO_MATCH"})
    void shouldReadTheCompletionCauseModUnimrcpLeavesWhenTheServerSentNoBody(String result, Status status) {
        assertThat(read("DONE", result).result().status()).isEqualTo(status);
    }

    @Test
    void shouldReportAnUnreadableCompletionCauseAsAnError() {
        SpeechResult r = read("DONE", "Completion-Cause: <script>").result();
        assertThat(r.status()).isEqualTo(Status.ERROR);
        assertThat(r.error()).contains("unreadable completion cause");
    }

    @Test
    void shouldLetTheEventsCompletionCauseDecideOverTheNlsml() {
        // given NLSML that reads as a match, but mod_unimrcp's header says the server ended with no-match
        SpeechResult r = read("DONE", BILLING, detected("1", BILLING)).result();
        // then it is a no-match, keeping the hypothesis for the journal
        assertThat(r.status()).isEqualTo(Status.NO_MATCH);
        assertThat(r.hypotheses()).hasSize(1);
    }

    @Test
    void shouldTakeAnErrorCauseAsAnErrorWhateverTheBodySays() {
        SpeechResult r = read("DONE", BILLING, detected("9", BILLING)).result();
        assertThat(r.status()).isEqualTo(Status.ERROR);
        assertThat(r.error()).contains("uri-failure");
    }

    @Test
    void shouldReadSuccessWithNothingThatMatchedAsNoMatchAndNoteIt() {
        RecognitionReader.Reading r = read("DONE", "<result/>", detected("0", "<result/>"));
        assertThat(r.result().status()).isEqualTo(Status.NO_MATCH);
        assertThat(r.notes()).isNotEmpty();
    }

    @Test
    void shouldLetACauseSayNoInputEvenWhenTheBodyIsGarbage() {
        RecognitionReader.Reading r = read("DONE", "<<garbage", detected("2", "<<garbage"));
        assertThat(r.result().status()).isEqualTo(Status.NO_INPUT);
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("not well-formed"));
    }

    @Test
    void shouldReportMalformedNlsmlAsAnErrorWithTheReason() {
        SpeechResult r = read("DONE", "<result><interpretation>").result();
        assertThat(r.status()).isEqualTo(Status.ERROR);
        assertThat(r.error()).contains("not well-formed NLSML");
    }

    @Test
    void shouldIgnoreAnUnreadableHeaderCauseAndReadTheBody() {
        RecognitionReader.Reading r = read("DONE", BILLING, detected("n/a", BILLING));
        assertThat(r.result().status()).isEqualTo(Status.RECOGNIZED);
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("does not read"));
    }

    @Test
    void shouldReadTheEventsBodyWhenTheVariableIsEmpty() {
        assertThat(read("DONE", "", detected(null, BILLING)).result().status()).isEqualTo(Status.RECOGNIZED);
    }

    @Test
    void shouldReadNoResultAndNoCauseAsNoInputAndNoteIt() {
        RecognitionReader.Reading r = read("DONE", null);
        assertThat(r.result().status()).isEqualTo(Status.NO_INPUT);
        assertThat(r.notes()).isNotEmpty();
    }

    @Test
    void shouldReadAnUnexpectedResponseAsDoneAndNoteIt() {
        RecognitionReader.Reading r = read("WHATEVER", BILLING);
        assertThat(r.result().status()).isEqualTo(Status.RECOGNIZED);
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("WHATEVER"));
    }

    @Test
    void shouldReadNoInputAndNoMatchFromTheNlsmlAloneWhenNoCauseCame() {
        assertThat(read("DONE", "<result><interpretation><input><noinput/></input></interpretation></result>")
                .result().status()).isEqualTo(Status.NO_INPUT);
        assertThat(read("DONE", "<result><interpretation><input><nomatch/>umm</input></interpretation></result>")
                .result().status()).isEqualTo(Status.NO_MATCH);
    }

    @Test
    void shouldReadTheLastDetectedSpeechEventOnly() {
        SpeechResult r = read("DONE", BILLING, detected("2", null), new SpeechEvent("begin-speaking", Map.of(), null),
                detected("0", BILLING)).result();
        assertThat(r.status()).isEqualTo(Status.RECOGNIZED);
    }
}
