package dev.ivrflow.esl.fssim.inbound;

import dev.ivrflow.esl.codec.EslEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator's event templates are the captured events themselves, and stay so. */
class CapturedEventsTest {
    @Test
    void shouldHoldExactlyTheFirstCapturedEventOfEachName() {
        // given the events FreeSWITCH sent in the capture the templates come from
        List<EslEvent> captured = Captures.frames(CapturedEvents.SOURCE).stream()
                .filter(Captures.Frame::isEvent).map(Captures.Frame::event).toList();

        for (String name : CapturedEvents.names()) {
            // when
            EslEvent template = CapturedEvents.named(name);

            // then
            EslEvent first = captured.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
            assertThat(template).as(name).isEqualTo(first);
        }
        assertThat(CapturedEvents.names()).contains("BACKGROUND_JOB", "API", "DTMF", "CHANNEL_ANSWER");
    }

    @Test
    void shouldReplaceHeaderValuesInPlaceAndAppendOnlyNewOnes() {
        // given
        EslEvent dtmf = CapturedEvents.dtmf();

        // when
        EslEvent changed = CapturedEvents.with(dtmf, "DTMF-Digit", "7", "X-Test", "yes", "DTMF-Source", null);

        // then
        assertThat(changed.dtmfDigit()).contains("7");
        assertThat(changed.header("DTMF-Source")).isEmpty();
        assertThat(changed.headers().names()).endsWith("X-Test");
        assertThat(changed.headers().names().indexOf("DTMF-Digit")).isEqualTo(dtmf.headers().names().indexOf("DTMF-Digit"));
    }

    @Test
    void shouldKeepContentLengthInStepWithANewBody() {
        // when
        EslEvent job = CapturedEvents.withBody(CapturedEvents.backgroundJob(), "-ERR NO_ROUTE_DESTINATION\n");

        // then
        assertThat(job.body()).contains("-ERR NO_ROUTE_DESTINATION\n");
        assertThat(job.header("Content-Length")).contains("26");
    }
}
