package dev.ivrflow.mrcp.command;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SsmlTest {

    @Test
    void shouldRecogniseSsmlAsModUnimrcpDoesByItsFirstMarkup() {
        assertThat(Ssml.is("  <speak version=\"1.0\">Hi</speak>")).isTrue();
        assertThat(Ssml.is("<?xml version=\"1.0\"?><speak>Hi</speak>")).isTrue();
        assertThat(Ssml.is("Press <1> now")).isFalse();
        assertThat(Ssml.is(null)).isFalse();
    }

    @Test
    void shouldTurnSsmlIntoItsWordsForAModuleWithoutSsml() {
        assertThat(Ssml.plainText("<speak>Your balance is <say-as interpret-as=\"currency\">$42.10</say-as>."
                + "<break time=\"300ms\"/> Goodbye &amp; thanks.</speak>"))
                .isEqualTo("Your balance is $42.10. Goodbye & thanks.");
    }

    @Test
    void shouldStripTheMarkupOfBrokenSsmlRatherThanReadItAloud() {
        assertThat(Ssml.plainText("<speak>Hello <break time=\"1s\">world")).isEqualTo("Hello world");
    }

    @Test
    void shouldNotFollowAnEntityInSsml() {
        assertThat(Ssml.plainText("<!DOCTYPE s [<!ENTITY e SYSTEM \"file:///etc/hostname\">]><speak>&e;</speak>"))
                .doesNotContain("localhost").doesNotContain("DOCTYPE");
    }
}
