package dev.ivrflow.flow.calendar;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.ivrflow.flow.calendar.Calendars.PARIS;
import static dev.ivrflow.flow.calendar.Calendars.at;
import static dev.ivrflow.flow.calendar.Calendars.office;
import static dev.ivrflow.flow.calendar.Calendars.weekly;
import static dev.ivrflow.flow.calendar.Calendars.withExceptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Weekly hours, dated exceptions, midnight and invalid calendars. Holidays, ranges and DST have their own tests. */
class CalendarEvaluatorTest {

    private final CalendarEvaluator evaluator = new CalendarEvaluator();

    @Test
    void shouldBeOpenWithinWeeklyHoursAndNameTheRangeThatMatched() {
        // given a Monday at 10:00 in Paris
        Instant monday = at("2026-01-05T10:00", PARIS);

        // when
        CalendarDecision decision = evaluator.evaluate(office(PARIS), monday);

        // then
        assertThat(decision).isEqualTo(new CalendarDecision("open", "weekly hours mon 09:00-12:00"));
    }

    @Test
    void shouldBeOpenInTheSecondRangeOfTheDay() {
        CalendarDecision decision = evaluator.evaluate(office(PARIS), at("2026-01-05T17:29:59", PARIS));

        assertThat(decision).isEqualTo(new CalendarDecision("open", "weekly hours mon 13:00-17:30"));
    }

    @Test
    void shouldBeClosedAtTheEndOfARangeBecauseTheEndIsExclusive() {
        // when
        CalendarDecision noon = evaluator.evaluate(office(PARIS), at("2026-01-05T12:00", PARIS));
        CalendarDecision evening = evaluator.evaluate(office(PARIS), at("2026-01-05T17:30", PARIS));

        // then
        assertThat(noon).isEqualTo(
                new CalendarDecision("closed", "weekly hours mon: closed outside 09:00-12:00, 13:00-17:30"));
        assertThat(evening.exit()).isEqualTo("closed");
    }

    @Test
    void shouldBeClosedJustBeforeOpening() {
        assertThat(evaluator.evaluate(office(PARIS), at("2026-01-05T08:59:59", PARIS)).exit()).isEqualTo("closed");
        assertThat(evaluator.evaluate(office(PARIS), at("2026-01-05T09:00", PARIS)).exit()).isEqualTo("open");
    }

    @Test
    void shouldBeClosedAllDayOnAMissingDay() {
        // given a Sunday, which the office week leaves out
        CalendarDecision decision = evaluator.evaluate(office(PARIS), at("2026-01-04T10:00", PARIS));

        // then
        assertThat(decision).isEqualTo(new CalendarDecision("closed", "weekly hours sun: closed all day"));
    }

    @Test
    void shouldBeClosedAllDayOnADayWithNoHours() {
        // given
        CalendarSpec spec = weekly(PARIS, Map.of("sat", List.of()));

        // when
        CalendarDecision decision = evaluator.evaluate(spec, at("2026-01-03T10:00", PARIS));

        // then
        assertThat(decision).isEqualTo(new CalendarDecision("closed", "weekly hours sat: closed all day"));
    }

    @Test
    void shouldBeClosedAlwaysWhenThereAreNoWeeklyHours() {
        CalendarSpec spec = new CalendarSpec(PARIS, null, null, null, null);

        assertThat(evaluator.evaluate(spec, at("2026-01-05T10:00", PARIS)).exit()).isEqualTo("closed");
    }

    @Test
    void shouldStayOpenUntilMidnightWhenARangeEndsAt2400() {
        // given Friday evening until midnight, closed on Saturday
        CalendarSpec spec = weekly(PARIS, Map.of("fri", List.of("18:00-24:00")));

        // when
        CalendarDecision lastSecond = evaluator.evaluate(spec, at("2026-01-09T23:59:59", PARIS));
        CalendarDecision midnight = evaluator.evaluate(spec, at("2026-01-10T00:00", PARIS));

        // then
        assertThat(lastSecond).isEqualTo(new CalendarDecision("open", "weekly hours fri 18:00-24:00"));
        assertThat(midnight).isEqualTo(new CalendarDecision("closed", "weekly hours sat: closed all day"));
    }

    @Test
    void shouldBeOpenAroundTheClockWithTheWholeDay() {
        CalendarSpec spec = weekly(PARIS, Map.of("mon", List.of("00:00-24:00")));

        assertThat(evaluator.evaluate(spec, at("2026-01-05T00:00", PARIS)).exit()).isEqualTo("open");
        assertThat(evaluator.evaluate(spec, at("2026-01-05T23:59:59.999", PARIS)).exit()).isEqualTo("open");
    }

    @Test
    void shouldUseTheExceptionHoursInsteadOfTheWeeklyHours() {
        // given Christmas Eve (a Thursday) open in the morning only
        CalendarSpec spec = withExceptions(office(PARIS),
                CalendarException.on("2026-12-24", "Christmas Eve", "09:00-12:00"));

        // when
        CalendarDecision morning = evaluator.evaluate(spec, at("2026-12-24T10:00", PARIS));
        CalendarDecision afternoon = evaluator.evaluate(spec, at("2026-12-24T14:00", PARIS));
        CalendarDecision dayBefore = evaluator.evaluate(spec, at("2026-12-23T14:00", PARIS));

        // then
        assertThat(morning).isEqualTo(new CalendarDecision("open", "exception 'Christmas Eve' 09:00-12:00"));
        assertThat(afternoon).isEqualTo(
                new CalendarDecision("closed", "exception 'Christmas Eve': closed outside 09:00-12:00"));
        assertThat(dayBefore).isEqualTo(new CalendarDecision("open", "weekly hours wed 13:00-17:30"));
    }

    @Test
    void shouldOpenOnAnExceptionDayThatIsClosedInTheWeeklyHours() {
        // given a Sunday opening
        CalendarSpec spec = withExceptions(office(PARIS),
                CalendarException.on("2026-12-20", "Christmas shopping", "10:00-18:00"));

        // then
        assertThat(evaluator.evaluate(spec, at("2026-12-20T11:00", PARIS)))
                .isEqualTo(new CalendarDecision("open", "exception 'Christmas shopping' 10:00-18:00"));
    }

    @Test
    void shouldCloseEveryDayOfAnExceptionSpanIncludingBothEnds() {
        // given
        CalendarSpec spec = withExceptions(office(PARIS),
                CalendarException.between("2026-08-03", "2026-08-14", "Summer closure"));
        CalendarDecision closed = new CalendarDecision("closed", "exception 'Summer closure': closed all day");

        // then
        assertThat(evaluator.evaluate(spec, at("2026-08-03T10:00", PARIS))).isEqualTo(closed);
        assertThat(evaluator.evaluate(spec, at("2026-08-10T10:00", PARIS))).isEqualTo(closed);
        assertThat(evaluator.evaluate(spec, at("2026-08-14T10:00", PARIS))).isEqualTo(closed);
        assertThat(evaluator.evaluate(spec, at("2026-07-31T10:00", PARIS)).exit()).isEqualTo("open");
        assertThat(evaluator.evaluate(spec, at("2026-08-17T10:00", PARIS)).exit()).isEqualTo("open");
    }

    @Test
    void shouldLetTheFirstListedExceptionWinWhenTwoCoverTheSameDay() {
        // given one open day carved out of a closure
        CalendarSpec spec = withExceptions(office(PARIS),
                CalendarException.on("2026-08-05", "Inventory day", "10:00-12:00"),
                CalendarException.between("2026-08-03", "2026-08-14", "Summer closure"));

        // then
        assertThat(evaluator.evaluate(spec, at("2026-08-05T10:30", PARIS)))
                .isEqualTo(new CalendarDecision("open", "exception 'Inventory day' 10:00-12:00"));
        assertThat(evaluator.evaluate(spec, at("2026-08-06T10:30", PARIS)).reason())
                .isEqualTo("exception 'Summer closure': closed all day");
    }

    @Test
    void shouldNameAnUnlabelledExceptionByItsDates() {
        // given
        CalendarSpec spec = withExceptions(office(PARIS),
                new CalendarException("2026-12-24", null, null, null, null),
                new CalendarException(null, "2026-12-28", "2026-12-31", List.of(), null));

        // then
        assertThat(evaluator.evaluate(spec, at("2026-12-24T10:00", PARIS)).reason())
                .isEqualTo("exception 2026-12-24: closed all day");
        assertThat(evaluator.evaluate(spec, at("2026-12-29T10:00", PARIS)).reason())
                .isEqualTo("exception 2026-12-28..2026-12-31: closed all day");
    }

    @Test
    void shouldTakeTheErrorExitWithTheProblemWhenTheCalendarIsInvalid() {
        // given hours that end before they start
        CalendarSpec spec = weekly(PARIS, Map.of("mon", List.of("17:00-09:00")));

        // when
        CalendarDecision decision = evaluator.evaluate(spec, at("2026-01-05T10:00", PARIS));

        // then
        assertThat(decision.exit()).isEqualTo("error");
        assertThat(decision.isError()).isTrue();
        assertThat(decision.reason()).startsWith("invalid calendar at /weekly/mon/0: found '17:00-09:00'");
    }

    @Test
    void shouldTakeTheErrorExitForAMissingCalendarOrTimeZone() {
        assertThat(evaluator.evaluate(null, Instant.EPOCH).exit()).isEqualTo("error");
        assertThat(evaluator.evaluate(new CalendarSpec(null, null, null, null, null), Instant.EPOCH).reason())
                .startsWith("invalid calendar at /timeZone");
    }

    @Test
    void shouldStillEvaluateWhenHoursOnlyOverlap() {
        // given overlapping hours: worth a warning, but the meaning is clear
        CalendarSpec spec = weekly(PARIS, Map.of("mon", List.of("09:00-12:00", "11:00-14:00")));

        // then
        assertThat(evaluator.evaluate(spec, at("2026-01-05T13:00", PARIS)))
                .isEqualTo(new CalendarDecision("open", "weekly hours mon 11:00-14:00"));
    }

    @Test
    void shouldRequireAnInstant() {
        assertThatThrownBy(() -> evaluator.evaluate(office(PARIS), null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void shouldListOpenClosedHolidayThenEachRangeNameAsExits() {
        // given
        CalendarSpec spec = Calendars.withRanges(office(PARIS),
                Calendars.range("lunch", List.of("12:00-13:00"), null),
                Calendars.range("evening", List.of("17:30-20:00"), null));

        // then
        assertThat(evaluator.exits(spec)).containsExactly("open", "closed", "holiday", "lunch", "evening");
        assertThat(evaluator.exits(office(PARIS))).containsExactly("open", "closed", "holiday");
        assertThat(evaluator.exits(null)).containsExactly("open", "closed", "holiday");
    }
}
