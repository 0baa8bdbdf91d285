package dev.ivrflow.flow.calendar;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static dev.ivrflow.flow.calendar.Calendars.PARIS;
import static dev.ivrflow.flow.calendar.Calendars.at;
import static dev.ivrflow.flow.calendar.Calendars.office;
import static dev.ivrflow.flow.calendar.Calendars.withExceptions;
import static dev.ivrflow.flow.calendar.Calendars.withHolidays;
import static org.assertj.core.api.Assertions.assertThat;

/** Public holidays from Jollyday's bundled data, on real 2026 dates. */
class CalendarHolidayTest {

    private static final String BERLIN = "Europe/Berlin";
    private static final String NEW_YORK = "America/New_York";

    private final CalendarEvaluator evaluator = new CalendarEvaluator();

    @Test
    void shouldTakeTheHolidayExitOnBastilleDayInFrance() {
        // given a Tuesday that is France's national day
        CalendarSpec spec = withHolidays(office(PARIS), "FR", null);

        // when
        CalendarDecision decision = evaluator.evaluate(spec, at("2026-07-14T10:00", PARIS));

        // then
        assertThat(decision).isEqualTo(new CalendarDecision("holiday", "public holiday National Day (FR)"));
    }

    @Test
    void shouldTakeTheHolidayExitOnChristmasDayInFrance() {
        CalendarSpec spec = withHolidays(office(PARIS), "FR", null);

        assertThat(evaluator.evaluate(spec, at("2026-12-25T10:00", PARIS)))
                .isEqualTo(new CalendarDecision("holiday", "public holiday Christmas (FR)"));
    }

    @Test
    void shouldFollowTheWeeklyHoursOnAnOrdinaryDay() {
        CalendarSpec spec = withHolidays(office(PARIS), "FR", null);

        assertThat(evaluator.evaluate(spec, at("2026-07-15T10:00", PARIS)).exit()).isEqualTo("open");
    }

    @Test
    void shouldBeAHolidayAllDayEvenOutsideOpeningHours() {
        CalendarSpec spec = withHolidays(office(PARIS), "FR", null);

        assertThat(evaluator.evaluate(spec, at("2026-07-14T23:30", PARIS)).exit()).isEqualTo("holiday");
    }

    @Test
    void shouldUseTheLocalDateNotTheUtcDate() {
        // given 22:30 UTC on 13 July, which is already 00:30 on 14 July in Paris
        CalendarSpec spec = withHolidays(office(PARIS), "FR", null);

        // then
        assertThat(evaluator.evaluate(spec, Instant.parse("2026-07-13T22:30:00Z")).exit()).isEqualTo("holiday");
        assertThat(evaluator.evaluate(spec, Instant.parse("2026-07-14T22:30:00Z")).exit()).isEqualTo("closed");
    }

    @Test
    void shouldKeepEpiphanyForBavariaButNotForBerlin() {
        // given 6 January 2026, a Tuesday
        Instant epiphany = at("2026-01-06T10:00", BERLIN);

        // when
        CalendarDecision bavaria = evaluator.evaluate(withHolidays(office(BERLIN), "DE", "by"), epiphany);
        CalendarDecision berlin = evaluator.evaluate(withHolidays(office(BERLIN), "DE", "be"), epiphany);
        CalendarDecision germany = evaluator.evaluate(withHolidays(office(BERLIN), "DE", null), epiphany);

        // then
        assertThat(bavaria).isEqualTo(new CalendarDecision("holiday", "public holiday Epiphany (DE-BY)"));
        assertThat(berlin.exit()).isEqualTo("open");
        assertThat(germany.exit()).isEqualTo("open");
    }

    @Test
    void shouldMatchARegionIgnoringCase() {
        CalendarSpec spec = withHolidays(office(BERLIN), "DE", "BY");

        assertThat(evaluator.evaluate(spec, at("2026-01-06T10:00", BERLIN)).exit()).isEqualTo("holiday");
    }

    @Test
    void shouldFollowANestedRegionPath() {
        // given Augsburg's Peace Festival, a Saturday the office is normally open in the morning
        Instant peaceFestival = at("2026-08-08T10:00", BERLIN);

        // then
        assertThat(evaluator.evaluate(withHolidays(office(BERLIN), "DE", "by/ag"), peaceFestival))
                .isEqualTo(new CalendarDecision("holiday", "public holiday Peace Festival (DE-BY/AG)"));
        assertThat(evaluator.evaluate(withHolidays(office(BERLIN), "DE", "by"), peaceFestival).exit())
                .isEqualTo("open");
    }

    @Test
    void shouldCloseOnTheObservedDayOfAUsHolidayOnASaturday() {
        // given Independence Day 2026 falls on a Saturday and is observed on Friday 3 July
        CalendarSpec spec = withHolidays(office(NEW_YORK), "US", null);

        // then
        assertThat(evaluator.evaluate(spec, at("2026-07-03T10:00", NEW_YORK)))
                .isEqualTo(new CalendarDecision("holiday", "public holiday Independence Day (US)"));
        assertThat(evaluator.evaluate(spec, at("2026-07-04T10:00", NEW_YORK)).exit()).isEqualTo("open");
    }

    @Test
    void shouldFindAnObservedHolidayThatFallsInThePreviousYear() {
        // given New Year's Day 2022 was a Saturday, observed on Friday 31 December 2021
        CalendarSpec spec = withHolidays(office(NEW_YORK), "US", null);

        // then
        assertThat(evaluator.evaluate(spec, at("2021-12-31T10:00", NEW_YORK)))
                .isEqualTo(new CalendarDecision("holiday", "public holiday New Year's Day (US)"));
    }

    @Test
    void shouldTakeTheHolidayExitOnThanksgiving() {
        CalendarSpec spec = withHolidays(office(NEW_YORK), "US", "ny");

        assertThat(evaluator.evaluate(spec, at("2026-11-26T10:00", NEW_YORK)).reason())
                .isEqualTo("public holiday Thanksgiving Day (US-NY)");
    }

    @Test
    void shouldNotCountAnObservanceAsADayOff() {
        // given Good Friday is only an observance in the Netherlands
        CalendarSpec spec = withHolidays(office("Europe/Amsterdam"), "NL", null);

        // then
        assertThat(evaluator.evaluate(spec, at("2026-04-03T10:00", "Europe/Amsterdam")).exit()).isEqualTo("open");
    }

    @Test
    void shouldLetAnExceptionOpenOnAPublicHoliday() {
        // given the office opens on Christmas morning
        CalendarSpec spec = withExceptions(withHolidays(office(PARIS), "FR", null),
                CalendarException.on("2026-12-25", "Christmas hotline", "10:00-12:00"));

        // then
        assertThat(evaluator.evaluate(spec, at("2026-12-25T11:00", PARIS)))
                .isEqualTo(new CalendarDecision("open", "exception 'Christmas hotline' 10:00-12:00"));
        assertThat(evaluator.evaluate(spec, at("2026-12-25T14:00", PARIS)))
                .isEqualTo(new CalendarDecision("closed", "exception 'Christmas hotline': closed outside 10:00-12:00"));
    }

    @Test
    void shouldLetAnExceptionCloseOnAPublicHolidayWithClosedRatherThanHoliday() {
        // given a summer closure spanning Assumption Day
        CalendarSpec spec = withExceptions(withHolidays(office(PARIS), "FR", null),
                CalendarException.between("2026-08-10", "2026-08-21", "Summer closure"));

        // then
        assertThat(evaluator.evaluate(spec, at("2026-08-15T10:00", PARIS)).exit()).isEqualTo("closed");
    }

    @Test
    void shouldGiveTheSameAnswersFromManyThreadsAtOnce() throws Exception {
        // given a fresh holiday source, so the managers are built while the threads race
        CalendarEvaluator fresh = new CalendarEvaluator(new PublicHolidays());
        List<CalendarSpec> specs = List.of(withHolidays(office(PARIS), "FR", null),
                withHolidays(office(BERLIN), "DE", "by"), withHolidays(office(NEW_YORK), "US", null));

        // when
        List<String> exits;
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<String>> futures = IntStream.range(0, 96)
                    .mapToObj(i -> pool.submit(() -> fresh.evaluate(specs.get(i % 3),
                            at("2026-12-25T10:00", specs.get(i % 3).timeZone())).exit()))
                    .toList();
            exits = futures.stream().map(CalendarHolidayTest::get).toList();
        }

        // then
        assertThat(exits).hasSize(96).containsOnly("holiday");
    }

    @Test
    void shouldExposeHolidaysAndRegionsDirectly() {
        PublicHolidays holidays = PublicHolidays.shared();

        assertThat(holidays.knowsCountry("FR")).isTrue();
        assertThat(holidays.knowsCountry("fr")).isFalse();
        assertThat(holidays.knowsCountry("XX")).isFalse();
        assertThat(holidays.knowsCountry(null)).isFalse();
        assertThat(holidays.subRegions("DE", List.of())).contains("by", "be").isSorted();
        assertThat(holidays.regionPath("DE", "BY/Ag")).contains(List.of("by", "ag"));
        assertThat(holidays.regionPath("DE", "zz")).isEmpty();
        assertThat(holidays.holidayOn("DE", List.of("by"), LocalDate.of(2026, 1, 6)))
                .contains(new PublicHoliday(LocalDate.of(2026, 1, 6), "Epiphany"));
    }

    private static String get(Future<String> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
