package dev.ivrflow.flow.calendar;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.ivrflow.flow.calendar.Calendars.PARIS;
import static dev.ivrflow.flow.calendar.Calendars.at;
import static dev.ivrflow.flow.calendar.Calendars.office;
import static dev.ivrflow.flow.calendar.Calendars.range;
import static dev.ivrflow.flow.calendar.Calendars.weekly;
import static dev.ivrflow.flow.calendar.Calendars.withExceptions;
import static dev.ivrflow.flow.calendar.Calendars.withHolidays;
import static dev.ivrflow.flow.calendar.Calendars.withRanges;
import static org.assertj.core.api.Assertions.assertThat;

/** Named ranges: their fields, their precedence, and spans that wrap. */
class CalendarRangesTest {

    private static final List<String> WEEKDAYS = List.of("mon", "tue", "wed", "thu", "fri");

    private final CalendarEvaluator evaluator = new CalendarEvaluator();

    @Test
    void shouldTakeTheRangeExitWhenEveryGivenFieldMatches() {
        // given the example lunch range
        CalendarSpec spec = withRanges(office(PARIS),
                new NamedRange("lunch", List.of("12:00-13:00"), WEEKDAYS, List.of("1-31"), List.of("jan-dec")));

        // when
        CalendarDecision decision = evaluator.evaluate(spec, at("2026-01-05T12:30", PARIS));

        // then
        assertThat(decision).isEqualTo(new CalendarDecision("lunch", "range lunch"));
    }

    @Test
    void shouldFallBackToWeeklyHoursWhenAFieldDoesNotMatch() {
        // given lunch on weekdays only
        CalendarSpec spec = withRanges(office(PARIS), range("lunch", List.of("12:00-13:00"), WEEKDAYS));

        // then Saturday 12:30 is just closed, and Monday 11:00 just open
        assertThat(evaluator.evaluate(spec, at("2026-01-10T12:30", PARIS)).exit()).isEqualTo("closed");
        assertThat(evaluator.evaluate(spec, at("2026-01-05T11:00", PARIS)).exit()).isEqualTo("open");
        assertThat(evaluator.evaluate(spec, at("2026-01-05T13:00", PARIS)).exit()).isEqualTo("open");
    }

    @Test
    void shouldTakeARangeEvenWithinOpeningHours() {
        // given a morning rush inside the opening hours
        CalendarSpec spec = withRanges(office(PARIS), range("rush", List.of("09:00-10:00"), List.of("mon")));

        // then
        assertThat(evaluator.evaluate(spec, at("2026-01-05T09:15", PARIS)).exit()).isEqualTo("rush");
    }

    @Test
    void shouldTakeTheFirstMatchingRangeInListOrder() {
        // given two ranges covering the same time
        CalendarSpec spec = withRanges(office(PARIS),
                range("early", List.of("07:00-10:00"), null),
                range("morning", List.of("08:00-12:00"), null));

        // then
        assertThat(evaluator.evaluate(spec, at("2026-01-05T09:00", PARIS)).exit()).isEqualTo("early");
        assertThat(evaluator.evaluate(spec, at("2026-01-05T11:00", PARIS)).exit()).isEqualTo("morning");
    }

    @Test
    void shouldMatchAnythingWithARangeThatGivesNoFields() {
        CalendarSpec spec = withRanges(office(PARIS), new NamedRange("always", null, List.of(), null, null));

        assertThat(evaluator.evaluate(spec, at("2026-06-14T03:00", PARIS)).exit()).isEqualTo("always");
    }

    @Test
    void shouldMatchDaysOfTheMonthAndMonths() {
        // given the last days of the month in summer
        CalendarSpec spec = withRanges(office(PARIS),
                new NamedRange("summerMonthEnd", null, null, List.of("28-31"), List.of("jul-aug")));

        // then
        assertThat(evaluator.evaluate(spec, at("2026-07-30T10:00", PARIS)).exit()).isEqualTo("summerMonthEnd");
        assertThat(evaluator.evaluate(spec, at("2026-08-31T10:00", PARIS)).exit()).isEqualTo("summerMonthEnd");
        assertThat(evaluator.evaluate(spec, at("2026-07-27T10:00", PARIS)).exit()).isEqualTo("open");
        assertThat(evaluator.evaluate(spec, at("2026-09-28T10:00", PARIS)).exit()).isEqualTo("open");
    }

    @Test
    void shouldWrapSpansOverTheEndOfTheWeekMonthAndYear() {
        // given
        CalendarSpec spec = withRanges(weekly(PARIS, Map.of()),
                new NamedRange("longWeekend", null, List.of("fri-mon"), null, List.of("nov-feb")),
                new NamedRange("monthTurn", null, null, List.of("28-3"), null));

        // then
        assertThat(evaluator.evaluate(spec, at("2026-01-04T10:00", PARIS)).exit()).isEqualTo("longWeekend");
        assertThat(evaluator.evaluate(spec, at("2026-12-04T10:00", PARIS)).exit()).isEqualTo("longWeekend");
        assertThat(evaluator.evaluate(spec, at("2026-01-07T10:00", PARIS)).exit()).isEqualTo("closed");
        assertThat(evaluator.evaluate(spec, at("2026-03-02T10:00", PARIS)).exit()).isEqualTo("monthTurn");
        assertThat(evaluator.evaluate(spec, at("2026-03-10T10:00", PARIS)).exit()).isEqualTo("closed");
    }

    @Test
    void shouldMatchAnyOfSeveralTimes() {
        CalendarSpec spec = withRanges(office(PARIS),
                range("peak", List.of("09:00-10:00", "16:00-17:00"), null));

        assertThat(evaluator.evaluate(spec, at("2026-01-05T16:30", PARIS)).exit()).isEqualTo("peak");
        assertThat(evaluator.evaluate(spec, at("2026-01-05T14:30", PARIS)).exit()).isEqualTo("open");
    }

    @Test
    void shouldMatchUntilMidnightWithARangeEndingAt2400() {
        CalendarSpec spec = withRanges(office(PARIS), range("late", List.of("20:00-24:00"), null));

        assertThat(evaluator.evaluate(spec, at("2026-01-05T23:59:59", PARIS)).exit()).isEqualTo("late");
        assertThat(evaluator.evaluate(spec, at("2026-01-06T00:00", PARIS)).exit()).isEqualTo("closed");
    }

    @Test
    void shouldLetAPublicHolidayWinOverARange() {
        // given lunch on a Tuesday that is Bastille Day
        CalendarSpec spec = withHolidays(withRanges(office(PARIS), range("lunch", List.of("12:00-13:00"), WEEKDAYS)),
                "FR", null);

        // then
        assertThat(evaluator.evaluate(spec, at("2026-07-14T12:30", PARIS)).exit()).isEqualTo("holiday");
        assertThat(evaluator.evaluate(spec, at("2026-07-15T12:30", PARIS)).exit()).isEqualTo("lunch");
    }

    @Test
    void shouldLetADatedExceptionWinOverARange() {
        // given
        CalendarSpec spec = withExceptions(withRanges(office(PARIS), range("lunch", List.of("12:00-13:00"), WEEKDAYS)),
                CalendarException.on("2026-12-24", "Christmas Eve", "09:00-12:00"));

        // then
        assertThat(evaluator.evaluate(spec, at("2026-12-24T12:30", PARIS)).exit()).isEqualTo("closed");
    }
}
