package dev.ivrflow.esl.channel;

import dev.ivrflow.esl.codec.EslEvent;
import dev.ivrflow.esl.codec.EslEventReader;
import dev.ivrflow.esl.codec.EslEventResult;
import dev.ivrflow.esl.codec.EslMessage;
import dev.ivrflow.esl.fssim.Captures;
import dev.ivrflow.flow.port.BridgeResult;
import dev.ivrflow.flow.port.DigitRequest;
import dev.ivrflow.flow.port.DigitResult;
import dev.ivrflow.flow.port.QueueRequest;
import dev.ivrflow.flow.port.QueueResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The results the channel reads, checked against the CHANNEL_EXECUTE_COMPLETE events of the real captures: the
 * variables each application sets, including the stale ones it does not reset.
 */
class CapturedOutcomesTest {

    private static EslEvent completion(String capture, String applicationUuid) {
        for (EslMessage m : Captures.fromSwitch(capture)) {
            if (m.contentType().isEvent() && EslEventReader.read(m) instanceof EslEventResult.Decoded d
                    && d.event().name().equals("CHANNEL_EXECUTE_COMPLETE")
                    && d.event().applicationUuid().filter(applicationUuid::equals).isPresent()) {
                return d.event();
            }
        }
        throw new AssertionError("no completion " + applicationUuid + " in " + capture);
    }

    private static DigitRequest digits(int max, String terminators) {
        return new DigitRequest(1, max, terminators, Duration.ofSeconds(3), Duration.ofSeconds(2), true);
    }

    @Test
    void shouldReadNoDigitsWhenPlayAndGetDigitsTimedOut() {
        // capture 11 (a): nothing pressed; the variable stays unset and read_result says failure
        DigitResult r = Outcomes.digits(completion("11_play_and_get_digits", "11-step-02"), "pagd_a", digits(4, "#"));
        assertThat(r).isEqualTo(DigitResult.timeout());
    }

    @Test
    void shouldReadTheDigitsBeforeTheTerminator() {
        // capture 11 (c): 34#
        DigitResult r = Outcomes.digits(completion("11_play_and_get_digits", "11-step-05"), "pagd_c", digits(4, "#"));
        assertThat(r.digits()).isEqualTo("34");
        assertThat(r.ending()).isEqualTo(DigitResult.Ending.TERMINATOR);
    }

    @Test
    void shouldReadMaxDigitsAsComplete() {
        // capture 11 (c2): 5678 with max 4 (read_terminator_used still says # from before: it is not trusted)
        DigitResult r = Outcomes.digits(completion("11_play_and_get_digits", "11-step-06"), "pagd_c2", digits(4, "#"));
        assertThat(r.digits()).isEqualTo("5678");
        assertThat(r.ending()).isEqualTo(DigitResult.Ending.COMPLETE);
    }

    @Test
    void shouldReadATerminatorAloneAsNoDigits() {
        // capture 11 (d): # only; read_result failure
        DigitResult r = Outcomes.digits(completion("11_play_and_get_digits", "11-step-07"), "pagd_d", digits(4, "#"));
        assertThat(r.empty()).isTrue();
    }

    @Test
    void shouldReturnDigitsFreeSwitchJudgedInvalidSoTheFlowJudgesThem() {
        // capture 11 (b2): 77# then 88# against ^12$: the variable is unset, pagd_b2_invalid holds the last try
        DigitResult r = Outcomes.digits(completion("11_play_and_get_digits", "11-step-04"), "pagd_b2", digits(4, "#"));
        assertThat(r.digits()).isEqualTo("88");
    }

    @Test
    void shouldReadAnAnsweredBridge() {
        BridgeResult r = Outcomes.bridge(completion("12a_bridge_answered", "12a-step-02"));
        assertThat(r).isEqualTo(new BridgeResult(BridgeResult.Outcome.ANSWERED, "NORMAL_CLEARING"));
    }

    @Test
    void shouldReadABusyBridge() {
        BridgeResult r = Outcomes.bridge(completion("12b2_bridge_busy_continue_on_fail", "12b2-step-03"));
        assertThat(r).isEqualTo(new BridgeResult(BridgeResult.Outcome.BUSY, "USER_BUSY"));
    }

    @Test
    void shouldReadAnUnansweredBridge() {
        BridgeResult r = Outcomes.bridge(completion("12c_bridge_noanswer", "12c-step-03"));
        assertThat(r).isEqualTo(new BridgeResult(BridgeResult.Outcome.NO_ANSWER, "NO_ANSWER"));
    }

    @Test
    void shouldReadFailedBridgesWithTheirCause() {
        assertThat(Outcomes.bridge(completion("12d2_bridge_failed_continue_on_fail", "12d2-step-03")))
                .isEqualTo(new BridgeResult(BridgeResult.Outcome.FAILED, "NO_ROUTE_DESTINATION"));
        assertThat(Outcomes.bridge(completion("12d2_bridge_failed_continue_on_fail", "12d2-step-05")))
                .isEqualTo(new BridgeResult(BridgeResult.Outcome.FAILED, "CHAN_NOT_IMPLEMENTED"));
        assertThat(Outcomes.bridge(completion("12d2_bridge_failed_continue_on_fail", "12d2-step-07")))
                .isEqualTo(new BridgeResult(BridgeResult.Outcome.FAILED, "NORMAL_TEMPORARY_FAILURE"));
    }

    @Test
    void shouldReadAQueueThatTimedOut() {
        QueueRequest request = new QueueRequest("esl_noagent@default", Duration.ofMinutes(5), false, false,
                Duration.ofMinutes(1), null, null);
        QueueResult r = Outcomes.queue(completion("14a_callcenter_timeout_noagent", "14a-step-02"), request, false);
        assertThat(r.outcome()).isEqualTo(QueueResult.Outcome.TIMEOUT);
    }

    @Test
    void shouldReadAQueueAnAgentAnswered() {
        QueueRequest request = new QueueRequest("esl_agent@default", Duration.ofMinutes(5), false, false,
                Duration.ofMinutes(1), null, null);
        QueueResult r = Outcomes.queue(completion("14b_callcenter_agent_answers", "14b-step-02"), request, false);
        assertThat(r.outcome()).isEqualTo(QueueResult.Outcome.ANSWERED);
        assertThat(r.agent()).isEqualTo("78b4cc0d-0e28-40c5-9ccd-ca0beea0cf50");
    }

    @Test
    void shouldTellTheExitKeyTheCallbackKeyAndOurOwnTimerApart() {
        QueueRequest request = new QueueRequest("sales", Duration.ofMinutes(5), false, false, Duration.ofMinutes(1),
                "1", "0");
        assertThat(Outcomes.queue(event(Map.of("cc_cause", "cancel", "cc_cancel_reason", "BREAK_OUT",
                "cc_exit_key", "1")), request, false).outcome()).isEqualTo(QueueResult.Outcome.CALLBACK);
        assertThat(Outcomes.queue(event(Map.of("cc_cause", "cancel", "cc_cancel_reason", "BREAK_OUT",
                "cc_exit_key", "0")), request, false).outcome()).isEqualTo(QueueResult.Outcome.ABANDONED);
        assertThat(Outcomes.queue(event(Map.of("cc_cause", "cancel", "cc_cancel_reason", "BREAK_OUT")), request, true)
                .outcome()).isEqualTo(QueueResult.Outcome.TIMEOUT);
        assertThat(Outcomes.queue(event(Map.of("cc_cause", "cancel", "cc_cancel_reason", "NO_AGENT_TIMEOUT")), request,
                false).outcome()).isEqualTo(QueueResult.Outcome.NO_AGENTS);
        assertThat(Outcomes.queue(event(Map.of()), request, false).outcome()).isEqualTo(QueueResult.Outcome.FULL);
    }

    @Test
    void shouldReadTheLengthOfARecording() {
        // capture 15 (c): a tone until the 5 s limit; (a): silence, record_ms 0
        assertThat(Outcomes.recordLength(completion("15_record", "15-step-04"))).isEqualTo(Duration.ofMillis(4960));
        assertThat(Outcomes.recordLength(completion("15_record", "15-step-02"))).isEqualTo(Duration.ZERO);
    }

    @Test
    void shouldReadTheKeyThatStoppedAPlaybackAndNoneWhenItPlayedToTheEnd() {
        assertThat(Outcomes.terminator(completion("10_playback_bargein", "10-step-03"))).isEqualTo("#");
        assertThat(Outcomes.terminator(completion("10_playback_bargein", "10-step-04"))).isNull();
    }

    private static EslEvent event(Map<String, String> variables) {
        var headers = dev.ivrflow.esl.codec.EslHeaders.builder().add("Event-Name", "CHANNEL_EXECUTE_COMPLETE");
        variables.forEach((k, v) -> headers.add("variable_" + k, v));
        return new EslEvent("CHANNEL_EXECUTE_COMPLETE", headers.build(), null);
    }
}
