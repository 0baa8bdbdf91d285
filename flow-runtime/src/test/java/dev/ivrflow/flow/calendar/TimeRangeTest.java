package dev.ivrflow.flow.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

class TimeRangeTest {

    @Test
    void shouldParseStartInclusiveAndEndExclusive() {
        // given
        TimeRange morning = TimeRange.parse("09:00-12:00").orElseThrow();

        // then
        assertThat(morning.contains(LocalTime.of(9, 0))).isTrue();
        assertThat(morning.contains(LocalTime.of(11, 59, 59, 999_999_999))).isTrue();
        assertThat(morning.contains(LocalTime.of(12, 0))).isFalse();
        assertThat(morning.contains(LocalTime.of(8, 59, 59))).isFalse();
        assertThat(morning).hasToString("09:00-12:00");
    }

    @Test
    void shouldAcceptMidnightAsEndSoTheLastSecondOfTheDayIsIncluded() {
        // given
        TimeRange evening = TimeRange.parse("18:00-24:00").orElseThrow();

        // then
        assertThat(evening.isInverted()).isFalse();
        assertThat(evening.contains(LocalTime.MAX)).isTrue();
        assertThat(evening.contains(LocalTime.MIDNIGHT)).isFalse();
        assertThat(evening).hasToString("18:00-24:00");
    }

    @Test
    void shouldKeepInvertedRangesSoTheValidatorCanNameThem() {
        assertThat(TimeRange.parse("17:00-09:00").orElseThrow().isInverted()).isTrue();
        assertThat(TimeRange.parse("09:00-09:00").orElseThrow().isInverted()).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"25:00-26:00", "9-5", "9:00-17:00", "09:00-17:60", "24:00-24:00", "09:00", " 09:00-10:00",
            "09:00 - 10:00", "09:00-24:01", "nine-five", "09.00-10.00"})
    void shouldRefuseTextThatIsNotAStrictTimeRange(String text) {
        assertThat(TimeRange.parse(text)).isEmpty();
    }

    @Test
    void shouldTreatTouchingRangesAsNotOverlapping() {
        // given
        TimeRange morning = TimeRange.parse("09:00-12:00").orElseThrow();

        // then
        assertThat(morning.overlaps(TimeRange.parse("12:00-13:00").orElseThrow())).isFalse();
        assertThat(morning.overlaps(TimeRange.parse("11:59-13:00").orElseThrow())).isTrue();
        assertThat(morning.overlaps(TimeRange.parse("10:00-11:00").orElseThrow())).isTrue();
    }
}
