package dev.ivrflow.flow.validate;

import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.nodes.queue.QueueSettings;
import org.junit.jupiter.api.Test;

import static dev.ivrflow.flow.validate.TestFlows.flow;
import static dev.ivrflow.flow.validate.TestSettings.hangup;
import static org.assertj.core.api.Assertions.assertThat;

class QueueAnnouncementTest {
    private final FlowValidator validator = new FlowValidator();

    @Test
    void shouldWarnThatQueueAnnouncementsHaveNoEffectOnFreeSwitch() {
        // given a queue asking for position announcements, which mod_callcenter cannot make
        Flow f = flow()
                .node("q", new QueueSettings("sales", 300, true, null, null, null, null), "answered", "bye", "timeout", "bye")
                .node("bye", hangup())
                .build();

        // when
        ValidationReport report = validator.validate(f);

        // then it is a warning at the setting, not an error, and not silence
        assertThat(report.hasErrors()).isFalse();
        assertThat(report.withCode("QUEUE_ANNOUNCEMENTS_UNSUPPORTED")).singleElement().satisfies(i -> {
            assertThat(i.severity()).isEqualTo(Severity.WARNING);
            assertThat(i.pointer()).isEqualTo("/nodes/0/settings/announcePosition");
            assertThat(i.message()).contains("music on hold");
        });
    }
}
