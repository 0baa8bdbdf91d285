package dev.ivrflow.esl.inbound;

import dev.ivrflow.esl.codec.EslCommand;
import dev.ivrflow.esl.codec.EventFormat;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventSubscriptionsTest {
    @Test
    void shouldRestoreEverythingInOneEventCommandWithSubclassesAfterCustomThenTheFilters() {
        // given requests made in any order
        EventSubscriptions subscriptions = new EventSubscriptions();
        subscriptions.addSubclasses(EventFormat.PLAIN, List.of("conference::maintenance"));
        subscriptions.addEvents(EventFormat.PLAIN, List.of("channel_answer", "DTMF"));
        subscriptions.addFilter("Unique-ID", "abc");
        subscriptions.addEvents(EventFormat.JSON, List.of("DTMF", "BACKGROUND_JOB"));
        subscriptions.addSubclasses(EventFormat.JSON, List.of("callcenter::info"));
        subscriptions.addFilter("Unique-ID", "abc");

        // when
        List<String> lines = subscriptions.restoreCommands().stream().map(EslCommand::line).toList();

        // then the latest format wins for all, as in FreeSWITCH, and each name is sent once
        assertThat(lines).containsExactly(
                "event json CHANNEL_ANSWER DTMF BACKGROUND_JOB CUSTOM conference::maintenance callcenter::info",
                "filter Unique-ID abc");
    }

    @Test
    void shouldRestoreNothingWhenNothingWasAskedFor() {
        assertThat(new EventSubscriptions().restoreCommands()).isEmpty();
    }

    @Test
    void shouldForgetARemovedFilter() {
        // given
        EventSubscriptions subscriptions = new EventSubscriptions();
        subscriptions.addFilter("Unique-ID", "a");
        subscriptions.addFilter("Unique-ID", "b");

        // when
        subscriptions.removeFilter("Unique-ID", "a");

        // then
        assertThat(subscriptions.restoreCommands()).extracting(EslCommand::line).containsExactly("filter Unique-ID b");
    }

    @Test
    void shouldKnowWhatIsCoveredWithAllCoveringEverything() {
        // given
        EventSubscriptions named = new EventSubscriptions();
        named.addEvents(EventFormat.JSON, List.of("DTMF"));
        EventSubscriptions all = new EventSubscriptions();
        all.addEvents(EventFormat.PLAIN, List.of("all"));

        // then
        assertThat(named.covers("dtmf")).isTrue();
        assertThat(named.covers("BACKGROUND_JOB")).isFalse();
        assertThat(all.covers("BACKGROUND_JOB")).isTrue();
        assertThat(new EventSubscriptions().formatOr(EventFormat.JSON)).isEqualTo(EventFormat.JSON);
        assertThat(all.formatOr(EventFormat.JSON)).isEqualTo(EventFormat.PLAIN);
    }

    @Test
    void shouldRefuseRequestsFreeSwitchWouldReadDifferently() {
        assertThatThrownBy(() -> EventSubscriptions.eventCommand(EventFormat.JSON, List.of("CUSTOM", "x::y")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subscribeCustom");
        assertThatThrownBy(() -> EventSubscriptions.eventCommand(EventFormat.XML, List.of("DTMF")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PLAIN or JSON");
        assertThatThrownBy(() -> EventSubscriptions.eventCommand(EventFormat.JSON, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventSubscriptions.eventCommand(EventFormat.JSON, List.of("DTMF HEARTBEAT")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one word");
        assertThatThrownBy(() -> EventSubscriptions.customCommand(EventFormat.JSON, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one subclass");
    }
}
