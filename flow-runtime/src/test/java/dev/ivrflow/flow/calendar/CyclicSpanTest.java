package dev.ivrflow.flow.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CyclicSpanTest {

    @Test
    void shouldParseSingleValuesAndSpans() {
        assertThat(CyclicSpan.weekdays("wed")).contains(new CyclicSpan(3, 3));
        assertThat(CyclicSpan.weekdays("mon-fri")).contains(new CyclicSpan(1, 5));
        assertThat(CyclicSpan.months("jul-aug")).contains(new CyclicSpan(7, 8));
        assertThat(CyclicSpan.daysOfMonth("1-31")).contains(new CyclicSpan(1, 31));
        assertThat(CyclicSpan.daysOfMonth("15")).contains(new CyclicSpan(15, 15));
    }

    @Test
    void shouldWrapASpanWhoseFirstValueIsAfterItsLast() {
        // given
        CyclicSpan longWeekend = CyclicSpan.weekdays("fri-mon").orElseThrow();
        CyclicSpan winter = CyclicSpan.months("nov-feb").orElseThrow();

        // then
        assertThat(longWeekend.contains(5)).isTrue();
        assertThat(longWeekend.contains(7)).isTrue();
        assertThat(longWeekend.contains(1)).isTrue();
        assertThat(longWeekend.contains(3)).isFalse();
        assertThat(winter.contains(1)).isTrue();
        assertThat(winter.contains(3)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"monday", "Mon", "mon-", "-fri", "mon-funday", "mon,tue", "1"})
    void shouldRefuseUnknownWeekdays(String text) {
        assertThat(CyclicSpan.weekdays(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "32", "01", "1-32", "1 - 5", "first", "-1"})
    void shouldRefuseDaysOfMonthOutsideOneToThirtyOne(String text) {
        assertThat(CyclicSpan.daysOfMonth(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"january", "13", "Jan", "jan-", "jan-december"})
    void shouldRefuseUnknownMonths(String text) {
        assertThat(CyclicSpan.months(text)).isEmpty();
    }
}
