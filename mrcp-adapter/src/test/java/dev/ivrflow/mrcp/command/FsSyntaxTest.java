package dev.ivrflow.mrcp.command;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The escaping rules alone; the round trip through FreeSWITCH's splitting is checked in esl-adapter's tests. */
class FsSyntaxTest {

    @Test
    void shouldLeaveAPlainValueAsItIs() {
        assertThat(FsSyntax.asrParameterValue("speech-language", "en-US")).isEqualTo("en-US");
        assertThat(FsSyntax.asrParameterValue("no-input-timeout", " 5000 ")).isEqualTo("5000");
    }

    @Test
    void shouldEscapeCommasQuotesBackslashesAndEqualsOncePerSplitInnermostFirst() {
        // '=' split, then ',' split, then the blank split of detect: each adds its backslashes
        assertThat(FsSyntax.asrParameterValue("x", "a,b")).isEqualTo("a\\\\,b");
        assertThat(FsSyntax.asrParameterValue("x", "a=b")).isEqualTo("a\\\\\\\\=b");
        assertThat(FsSyntax.asrParameterValue("x", "it's")).isEqualTo("it\\\\\\\\\\\\\\'s");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a}b", "{x=y}", "a\nb", "a\rb", "a\u0000b", "${system(id)}", ""})
    void shouldRefuseAValueThatCannotBeEscapedOrThatFreeSwitchWouldExpand(String value) {
        assertThatThrownBy(() -> FsSyntax.asrParameterValue("x", value)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "a,b", "a=b", "a}", "9lives", "x'y", ""})
    void shouldRefuseAParameterNameThatIsNotPlain(String name) {
        assertThatThrownBy(() -> new AsrParameters().put(name, "1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldWriteParametersInOrderAsOneBlockAndNothingWhenThereAreNone() {
        assertThat(new AsrParameters().block()).isEmpty();
        assertThat(new AsrParameters().put("start-input-timers", "false").millis("no-input-timeout",
                Duration.ofSeconds(5)).millis("recognition-timeout", Duration.ZERO).millis("x", null)
                .put("start-input-timers", "true").block()).isEqualTo("{start-input-timers=true,no-input-timeout=5000}");
    }

    @Test
    void shouldSendSpeakTextAsItIsButForExpansionAndLineBreaks() {
        assertThat(FsSyntax.speakText("O'Brien's | \"quoted\" \\ back", false)).isEqualTo("O'Brien's | \"quoted\" \\ back");
        assertThat(FsSyntax.speakText("It costs ${price}\nthanks", false)).isEqualTo("It costs $ {price} thanks");
        assertThat(FsSyntax.speakText("<speak>\n${x}</speak>", true)).isEqualTo("<speak>\n&#36;{x}</speak>");
    }

    @Test
    void shouldRefuseEmptyOrOverlongSpeakText() {
        assertThatThrownBy(() -> FsSyntax.speakText(" ", false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FsSyntax.speakText("a".repeat(8_001), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldAcceptVoicesWithInnerSpacesButNoQuotesOrPipes() {
        assertThat(FsSyntax.token("voice", "Microsoft Zira", FsSyntax.VOICE)).isEqualTo("Microsoft Zira");
        assertThat(FsSyntax.token("voice", "en-US-Wavenet-D", FsSyntax.VOICE)).isEqualTo("en-US-Wavenet-D");
        for (String bad : new String[] {"kal|x", "kal ", "O'Neil", "a\\b", "a\nb"}) {
            assertThatThrownBy(() -> FsSyntax.token("voice", bad, FsSyntax.VOICE)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
