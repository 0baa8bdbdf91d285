package dev.ivrflow.esl.channel;

import dev.ivrflow.esl.fssim.FsArgSplitter;
import dev.ivrflow.flow.port.Audio;
import dev.ivrflow.flow.port.BridgeRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Nothing a flow renders can become a second command, a second header, another dial destination, or a FreeSWITCH
 * expansion; and what is escaped comes out exactly as given once FreeSWITCH splits it (checked with the simulator's
 * copy of {@code switch_separate_string}).
 */
class ArgumentSafetyTest {

    @Test
    void shouldRefuseAnIdentifierWithALineBreak() {
        assertThatThrownBy(() -> FsArgs.require("queue", "sales\nsendmsg", FsArgs.NAME))
                .isInstanceOf(EslRequestFailed.class)
                .satisfies(e -> assertThat(((EslRequestFailed) e).kind()).isEqualTo(EslRequestFailed.Kind.INVALID_ARGUMENT));
    }

    @Test
    void shouldRefuseVariableExpansionInValuesAndPaths() {
        assertThatThrownBy(() -> FsArgs.value("caller name", "${system(rm -rf /)}")).isInstanceOf(EslRequestFailed.class);
        assertThatThrownBy(() -> FsArgs.location("audio file", "/tmp/${uuid}.wav")).isInstanceOf(EslRequestFailed.class);
        assertThatThrownBy(() -> FsArgs.value("caller name", "Ada\r\nevent-lock: false")).isInstanceOf(EslRequestFailed.class);
    }

    @Test
    void shouldDefuseExpansionInSpokenTextWithoutChangingWhatIsSaid() {
        assertThat(FsArgs.speakable("It costs ${price} today\nthanks")).isEqualTo("It costs $ {price} today thanks");
    }

    @Test
    void shouldSendSpeakTextUnstrippedBecauseModDptoolsTakesItAsItIs() {
        // given text with the characters switch_separate_string would treat as quotes, escapes and separators
        String text = "Don't press 1 | it's 'quoted' and a back\\slash";
        // when the plain-module speech builds the speak argument
        String arg = ModuleSpeech.INSTANCE.speak(new Audio.Speech(text, "en-US", "flite", "kal"), null).arg();
        // then engine and voice split off, and the text after the second pipe is exactly the text
        assertThat(FsArgSplitter.split(arg, '|', 3).subList(0, 2)).containsExactly("flite", "kal");
        assertThat(arg.substring(arg.indexOf('|', arg.indexOf('|') + 1) + 1)).isEqualTo(text);
    }

    @Test
    void shouldKeepAPromptWithSpacesAndQuotesOneArgumentOfPlayAndGetDigits() {
        String prompt = "say:Press 1 for O'Brien's line";
        String arg = "1 4 1 5000 # " + FsArgs.quoted(prompt) + " silence_stream://250 v .+ 2000";
        List<String> parts = FsArgSplitter.split(arg, ' ', 11);
        assertThat(parts).hasSize(10);
        assertThat(parts.get(5)).isEqualTo(prompt);
        assertThat(parts.get(7)).isEqualTo("v");
    }

    @Test
    void shouldKeepEveryPieceOfAFileStringApart() {
        String target = AudioArgs.target(List.of(new Audio.File("/sounds/a!b.wav"), new Audio.Tone("%(200,0,500)"),
                new Audio.Speech("Hello! How's it going?", "en-US", "flite", "kal")));
        assertThat(target).startsWith("file_string://");
        assertThat(FsArgSplitter.split(target.substring("file_string://".length()), '!', 128))
                .containsExactly("/sounds/a!b.wav", "tone_stream://%(200,0,500)", "say:Hello! How's it going?");
    }

    @Test
    void shouldRefuseADestinationThatWouldDialSomethingElse() {
        for (String destination : List.of("1001,1002", "1001|sofia/gateway/x/999", "{x=y}1001", "[x=y]1001", "10 01")) {
            BridgeRequest r = new BridgeRequest(BridgeRequest.Kind.USER, destination, null, Duration.ofSeconds(20),
                    null, null);
            assertThatThrownBy(() -> DialString.of(r, "external")).as(destination).isInstanceOf(EslRequestFailed.class);
        }
        BridgeRequest number = new BridgeRequest(BridgeRequest.Kind.NUMBER, "+1555,0100", "carrier",
                Duration.ofSeconds(20), null, null);
        assertThatThrownBy(() -> DialString.of(number, "external")).isInstanceOf(EslRequestFailed.class);
    }

    @Test
    void shouldDialEachKindThroughTheRightEndpointWithPerLegVariables() {
        assertThat(DialString.of(new BridgeRequest(BridgeRequest.Kind.NUMBER, "+15550100", "carrier",
                Duration.ofSeconds(25), "+15550199", "Main line O'Brien, Ltd"), "external"))
                .isEqualTo("{originate_timeout=25,origination_caller_id_number=+15550199,"
                        + "origination_caller_id_name='Main line O Brien Ltd'}sofia/gateway/carrier/+15550100");
        assertThat(DialString.of(new BridgeRequest(BridgeRequest.Kind.SIP, "sip:agents@acd.example.com", null,
                Duration.ofSeconds(45), null, null), "external"))
                .isEqualTo("{originate_timeout=45}sofia/external/agents@acd.example.com");
        assertThat(DialString.of(new BridgeRequest(BridgeRequest.Kind.USER, "reception", null, Duration.ofSeconds(20),
                null, null), "external")).isEqualTo("{originate_timeout=20}user/reception");
        assertThat(DialString.of(new BridgeRequest(BridgeRequest.Kind.NUMBER, "5550100", null, Duration.ofSeconds(20),
                null, null), "external")).isEqualTo("{originate_timeout=20}loopback/5550100");
    }
}
