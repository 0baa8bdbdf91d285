package dev.ivrflow.flow.calendar;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static dev.ivrflow.flow.calendar.Calendars.PARIS;
import static dev.ivrflow.flow.calendar.Calendars.office;
import static dev.ivrflow.flow.calendar.Calendars.weekly;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hours are wall-clock time in the calendar's zone. The instants here are written in UTC on purpose, so each
 * test pins down which side of a daylight-saving change it is on.
 */
class CalendarDaylightSavingTest {

    private static final String NEW_YORK = "America/New_York";

    private final CalendarEvaluator evaluator = new CalendarEvaluator();

    @Test
    void shouldOpenAtLocalThreeOClockRightAfterParisSpringsForward() {
        // given Sunday 29 March 2026: at 01:00 UTC Paris jumps from 02:00 CET to 03:00 CEST
        CalendarSpec spec = weekly(PARIS, Map.of("sun", List.of("03:00-04:00")));

        // then
        assertThat(exit(spec, "2026-03-29T00:59:59Z")).isEqualTo("closed");
        assertThat(evaluator.evaluate(spec, Instant.parse("2026-03-29T01:00:00Z")))
                .isEqualTo(new CalendarDecision("open", "weekly hours sun 03:00-04:00"));
        assertThat(exit(spec, "2026-03-29T01:59:59Z")).isEqualTo("open");
        assertThat(exit(spec, "2026-03-29T02:00:00Z")).isEqualTo("closed");
    }

    @Test
    void shouldNeverOpenForHoursInsideTheSpringForwardGap() {
        // given hours that only exist on the wall clock on other Sundays
        CalendarSpec spec = weekly(PARIS, Map.of("sun", List.of("02:00-03:00")));

        // then the local time goes from 01:59:59 straight to 03:00:00
        assertThat(exit(spec, "2026-03-29T00:59:59Z")).isEqualTo("closed");
        assertThat(exit(spec, "2026-03-29T01:00:00Z")).isEqualTo("closed");
        // and a week later the same hours open at 00:00 UTC (02:00 CEST)
        assertThat(exit(spec, "2026-04-05T00:00:00Z")).isEqualTo("open");
    }

    @Test
    void shouldOpenTwiceDuringTheRepeatedHourWhenParisFallsBack() {
        // given Sunday 25 October 2026: at 01:00 UTC Paris goes back from 03:00 CEST to 02:00 CET
        CalendarSpec spec = weekly(PARIS, Map.of("sun", List.of("02:00-03:00")));

        // then 02:30 happens once in summer time and once in winter time
        assertThat(exit(spec, "2026-10-24T23:59:59Z")).isEqualTo("closed");
        assertThat(exit(spec, "2026-10-25T00:30:00Z")).isEqualTo("open");
        assertThat(exit(spec, "2026-10-25T01:30:00Z")).isEqualTo("open");
        assertThat(exit(spec, "2026-10-25T02:00:00Z")).isEqualTo("closed");
    }

    @Test
    void shouldOpenAtNineLocalTimeOnBothSidesOfTheParisChange() {
        // given the office week; 09:00 is 08:00 UTC in winter and 07:00 UTC in summer
        CalendarSpec spec = office(PARIS);

        // then on Friday 27 March (CET) and Monday 30 March (CEST)
        assertThat(exit(spec, "2026-03-27T07:59:59Z")).isEqualTo("closed");
        assertThat(exit(spec, "2026-03-27T08:00:00Z")).isEqualTo("open");
        assertThat(exit(spec, "2026-03-30T06:59:59Z")).isEqualTo("closed");
        assertThat(exit(spec, "2026-03-30T07:00:00Z")).isEqualTo("open");
    }

    @Test
    void shouldOpenAtNineLocalTimeOnBothSidesOfTheNewYorkChange() {
        // given New York springs forward on Sunday 8 March 2026; 09:00 is 14:00 UTC before, 13:00 UTC after
        CalendarSpec spec = office(NEW_YORK);

        // then on Friday 6 March (EST) and Monday 9 March (EDT)
        assertThat(exit(spec, "2026-03-06T13:30:00Z")).isEqualTo("closed");
        assertThat(exit(spec, "2026-03-06T14:00:00Z")).isEqualTo("open");
        assertThat(exit(spec, "2026-03-09T12:59:59Z")).isEqualTo("closed");
        assertThat(exit(spec, "2026-03-09T13:00:00Z")).isEqualTo("open");
    }

    @Test
    void shouldOpenTwiceDuringTheRepeatedHourWhenNewYorkFallsBack() {
        // given Sunday 1 November 2026: at 06:00 UTC New York goes back from 02:00 EDT to 01:00 EST
        CalendarSpec spec = weekly(NEW_YORK, Map.of("sun", List.of("01:00-02:00")));

        // then
        assertThat(exit(spec, "2026-11-01T04:59:59Z")).isEqualTo("closed");
        assertThat(exit(spec, "2026-11-01T05:30:00Z")).isEqualTo("open");
        assertThat(exit(spec, "2026-11-01T06:30:00Z")).isEqualTo("open");
        assertThat(exit(spec, "2026-11-01T07:00:00Z")).isEqualTo("closed");
    }

    @Test
    void shouldKeepAWholeDayOpenOnTheShortAndLongDays() {
        // given a Sunday open around the clock, on the 23-hour and the 25-hour Sundays
        CalendarSpec spec = weekly(PARIS, Map.of("sun", List.of("00:00-24:00")));

        // then every hour of both days is open, and the days around them are not
        for (String day : List.of("2026-03-29", "2026-10-25")) {
            Instant start = LocalDate.parse(day).atStartOfDay(ZoneId.of(PARIS)).toInstant();
            Instant end = LocalDate.parse(day).plusDays(1).atStartOfDay(ZoneId.of(PARIS)).toInstant();
            for (Instant t = start; t.isBefore(end); t = t.plusSeconds(1800)) {
                assertThat(evaluator.evaluate(spec, t).exit()).as("at %s", t).isEqualTo("open");
            }
            assertThat(evaluator.evaluate(spec, end).exit()).isEqualTo("closed");
            assertThat(evaluator.evaluate(spec, start.minusSeconds(1)).exit()).isEqualTo("closed");
        }
    }

    @Test
    void shouldMatchANamedRangeByLocalTimeAcrossTheChange() {
        // given a night range on Sundays
        CalendarSpec spec = Calendars.withRanges(weekly(PARIS, Map.of()),
                Calendars.range("night", List.of("00:00-06:00"), List.of("sun")));

        // then 05:59 CEST on the spring-forward day is 03:59 UTC, and 06:00 CEST is 04:00 UTC
        assertThat(exit(spec, "2026-03-29T03:59:00Z")).isEqualTo("night");
        assertThat(exit(spec, "2026-03-29T04:00:00Z")).isEqualTo("closed");
    }

    private String exit(CalendarSpec spec, String utc) {
        return evaluator.evaluate(spec, Instant.parse(utc)).exit();
    }
}
