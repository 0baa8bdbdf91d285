package dev.ivrflow.esl.inbound;

import dev.ivrflow.esl.codec.EslEvent;
import dev.ivrflow.esl.codec.EventFormat;
import dev.ivrflow.esl.fssim.inbound.CapturedEvents;
import dev.ivrflow.esl.fssim.inbound.InboundFreeSwitch;
import dev.ivrflow.esl.fssim.inbound.SimulatedConnection;
import dev.ivrflow.mrcp.profile.ProfileHealth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

import static dev.ivrflow.esl.inbound.Fixtures.PASSWORD;
import static dev.ivrflow.esl.inbound.Fixtures.WAIT;
import static dev.ivrflow.esl.inbound.Fixtures.await;
import static dev.ivrflow.esl.inbound.Fixtures.config;
import static dev.ivrflow.esl.inbound.Fixtures.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * mod_unimrcp's profile events reach the profiles' health through the inbound connection, as the application wires
 * them: a subscription to the three CUSTOM subclasses, and every event's subclass and headers handed over.
 */
class ProfileEventsOverInboundTest {
    private static final List<String> SUBCLASSES = List.of(ProfileHealth.PROFILE_CREATE, ProfileHealth.PROFILE_OPEN,
            ProfileHealth.PROFILE_CLOSE);

    private final InboundFreeSwitch fs = InboundFreeSwitch.start(PASSWORD);
    private InboundClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        fs.close();
    }

    /** A CUSTOM event as mod_unimrcp fires it: its subclass, MRCP-Profile and (open, close) MRCP-Resource-Type. */
    private static EslEvent unimrcp(String subclass, String profile, String resource) {
        EslEvent e = CapturedEvents.with(CapturedEvents.api(), "Event-Name", "CUSTOM", "Event-Subclass", subclass,
                "Event-Calling-File", "mod_unimrcp.c", "MRCP-Profile", profile);
        return resource == null ? e : CapturedEvents.with(e, "MRCP-Resource-Type", resource);
    }

    @ParameterizedTest
    @EnumSource(value = EventFormat.class, names = {"PLAIN", "JSON"})
    void shouldTrackAProfilesOpenChannelsFromTheModulesEvents(EventFormat format) {
        // given a health tracker listening to the inbound connection's unimrcp events
        ProfileHealth health = new ProfileHealth(InstantSource.system(), 1, Duration.ofSeconds(30));
        client = InboundClient.create(config(fs).build());
        await(client.connect());
        SimulatedConnection connection = fs.awaitConnection(1, WAIT);
        client.addEventListener(e -> health.onEvent(e.subclass().orElse(null), e.headers().asMap()));
        await(client.subscribeCustom(format, SUBCLASSES));
        health.failed("nuance-en", "ASR INIT ERROR");
        assertThat(health.available("nuance-en")).isFalse();

        // when the switch loads the profile, opens two recognisers and a synthesiser, and closes one recogniser
        fs.emit(unimrcp(ProfileHealth.PROFILE_CREATE, "nuance-en", null));
        fs.emit(unimrcp(ProfileHealth.PROFILE_OPEN, "nuance-en", "ASR"));
        fs.emit(unimrcp(ProfileHealth.PROFILE_OPEN, "nuance-en", "ASR"));
        fs.emit(unimrcp(ProfileHealth.PROFILE_OPEN, "nuance-en", "TTS"));
        fs.emit(unimrcp(ProfileHealth.PROFILE_CLOSE, "nuance-en", "ASR"));
        fs.emit(CapturedEvents.with(CapturedEvents.api(), "Event-Name", "CUSTOM", "Event-Subclass", "callcenter::info"));
        eventually("the close", () -> health.snapshot().containsKey("nuance-en")
                && health.snapshot().get("nuance-en").openTts() == 1
                && health.snapshot().get("nuance-en").openAsr() == 1);

        // then the subscription was the module's three subclasses, and the profile is up with what is open
        assertThat(connection.commandLines()).contains("event " + format.wire() + " CUSTOM "
                + String.join(" ", SUBCLASSES));
        assertThat(health.state("nuance-en")).isEqualTo(ProfileHealth.State.UP);
        assertThat(health.available("nuance-en")).isTrue();
    }
}
