package dev.ivrflow.esl.inbound;

import dev.ivrflow.esl.codec.EslEvent;
import dev.ivrflow.esl.codec.EventFormat;
import dev.ivrflow.esl.fssim.inbound.CapturedEvents;
import dev.ivrflow.esl.fssim.inbound.InboundFreeSwitch;
import dev.ivrflow.esl.fssim.inbound.SimulatedConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.ivrflow.esl.inbound.Fixtures.PASSWORD;
import static dev.ivrflow.esl.inbound.Fixtures.WAIT;
import static dev.ivrflow.esl.inbound.Fixtures.await;
import static dev.ivrflow.esl.inbound.Fixtures.config;
import static dev.ivrflow.esl.inbound.Fixtures.eventually;
import static dev.ivrflow.esl.inbound.Fixtures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InboundClientEventsTest {
    private static final String CALL = "c1a6a04a-8424-453b-a8ee-22133e812403";

    private final InboundFreeSwitch fs = InboundFreeSwitch.start(PASSWORD);
    private InboundClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        fs.close();
    }

    private SimulatedConnection connect() {
        client = InboundClient.create(config(fs).build());
        await(client.connect());
        return fs.awaitConnection(1, WAIT);
    }

    @ParameterizedTest
    @EnumSource(value = EventFormat.class, names = {"PLAIN", "JSON"})
    void shouldDeliverEveryEventInOrderOffTheIoThread(EventFormat format) {
        // given
        SimulatedConnection connection = connect();
        List<EslEvent> heard = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        client.addEventListener(event -> {
            heard.add(event);
            threads.add(Thread.currentThread().getName());
        });

        // when
        await(client.subscribe(format, List.of("CHANNEL_ANSWER", "DTMF")));
        fs.emit(CapturedEvents.channelAnswer(CALL));
        for (int i = 0; i < 300; i++) {
            fs.emit(CapturedEvents.dtmf(CALL, String.valueOf("0123456789*#".charAt(i % 12))));
        }
        eventually("301 events", () -> heard.size() == 301);

        // then
        assertThat(connection.commandLines()).contains("event " + format.wire() + " CHANNEL_ANSWER DTMF");
        assertThat(connection.format()).isEqualTo(format);
        assertThat(heard.getFirst().name()).isEqualTo("CHANNEL_ANSWER");
        assertThat(heard.subList(1, 301)).allSatisfy(e -> assertThat(e.uniqueId()).contains(CALL));
        List<Long> sequence = heard.stream().map(e -> Long.parseLong(e.header("Event-Sequence").orElseThrow())).toList();
        assertThat(sequence).isSorted().doesNotHaveDuplicates();
        assertThat(heard.get(12).dtmfDigit()).contains("#");
        assertThat(threads).noneMatch(name -> name.startsWith("esl-inbound-io"));
    }

    @Test
    void shouldSubscribeToCustomSubclassesAfterTheWordCustom() {
        // given
        SimulatedConnection connection = connect();
        List<EslEvent> heard = new CopyOnWriteArrayList<>();
        client.addEventListener(heard::add);

        // when
        await(client.subscribeCustom(EventFormat.JSON, List.of("conference::maintenance")));
        fs.emit(CapturedEvents.with(CapturedEvents.api(), "Event-Name", "CUSTOM", "Event-Subclass", "callcenter::info"));
        fs.emit(CapturedEvents.with(CapturedEvents.api(), "Event-Name", "CUSTOM", "Event-Subclass",
                "conference::maintenance", "Action", "add-member"));
        eventually("the conference event", () -> !heard.isEmpty());

        // then
        assertThat(connection.commandLines()).contains("event json CUSTOM conference::maintenance");
        assertThat(heard).singleElement().satisfies(e -> {
            assertThat(e.subclass()).contains("conference::maintenance");
            assertThat(e.header("Action")).contains("add-member");
        });
    }

    @Test
    void shouldKeepDeliveringToOtherListenersAndLaterEventsAfterAListenerThrows() {
        // given
        connect();
        AtomicInteger calls = new AtomicInteger();
        List<EslEvent> heard = new CopyOnWriteArrayList<>();
        client.addEventListener(event -> {
            calls.incrementAndGet();
            throw new IllegalStateException("a listener bug");
        });
        client.addEventListener(heard::add);
        await(client.subscribe(EventFormat.JSON, "DTMF"));

        // when
        fs.emit(CapturedEvents.dtmf(CALL, "1"));
        fs.emit(CapturedEvents.dtmf(CALL, "2"));
        eventually("both events", () -> heard.size() == 2);

        // then
        assertThat(calls).hasValue(2);
        assertThat(heard).extracting(e -> e.dtmfDigit().orElseThrow()).containsExactly("1", "2");
    }

    @Test
    void shouldStopCallingAListenerOnceItIsRemoved() {
        // given
        connect();
        List<EslEvent> removed = new CopyOnWriteArrayList<>();
        List<EslEvent> kept = new CopyOnWriteArrayList<>();
        ListenerRegistration registration = client.addEventListener(removed::add);
        client.addEventListener(kept::add);
        await(client.subscribe(EventFormat.PLAIN, "DTMF"));

        // when
        registration.close();
        fs.emit(CapturedEvents.dtmf(CALL, "5"));
        eventually("the event", () -> kept.size() == 1);

        // then
        assertThat(removed).isEmpty();
    }

    @Test
    void shouldApplyFiltersSoOnlyMatchingEventsArrive() {
        // given
        SimulatedConnection connection = connect();
        List<EslEvent> heard = new CopyOnWriteArrayList<>();
        client.addEventListener(heard::add);
        await(client.subscribe(EventFormat.JSON, "DTMF"));

        // when
        await(client.addFilter("Unique-ID", CALL));
        fs.emit(CapturedEvents.dtmf("another-call", "1"));
        fs.emit(CapturedEvents.dtmf(CALL, "2"));
        eventually("the matching event", () -> !heard.isEmpty());

        // then
        assertThat(connection.commandLines()).contains("filter Unique-ID " + CALL);
        assertThat(heard).singleElement().satisfies(e -> assertThat(e.dtmfDigit()).contains("2"));
    }

    @Test
    void shouldRefuseFormatsAndWordsItCannotHonour() {
        // given
        connect();

        // when / then
        assertThatThrownBy(() -> client.subscribe(EventFormat.XML, "DTMF"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PLAIN or JSON");
        assertThatThrownBy(() -> client.subscribe(EventFormat.JSON, "CUSTOM", "conference::maintenance"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subscribeCustom");
        assertThatThrownBy(() -> client.subscribe(EventFormat.JSON, "DTMF\napi system reboot"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldFailASubscriptionFreeSwitchRefuses() {
        // given
        connect();

        // when
        Throwable error = failure(client.subscribe(EventFormat.JSON, "12345"));

        // then
        assertThat(error).isInstanceOf(EslCommandException.class)
                .hasMessageContaining("refused 'event json 12345': -ERR no keywords supplied");
        assertThat(((EslCommandException) error).replyText()).isEqualTo("-ERR no keywords supplied");
    }

    @Test
    void shouldRecordASubscriptionMadeBeforeConnectingAndSendItAfterAuth() {
        // given
        client = InboundClient.create(config(fs).build());
        await(client.subscribe(EventFormat.PLAIN, Set.of("CHANNEL_HANGUP_COMPLETE")));

        // when
        await(client.connect());

        // then
        assertThat(fs.awaitConnection(1, WAIT).commandLines())
                .containsExactly("auth " + PASSWORD, "event plain CHANNEL_HANGUP_COMPLETE");
    }
}
