package dev.ivrflow.flow.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.ivrflow.flow.calendar.Calendars.PARIS;
import static dev.ivrflow.flow.calendar.Calendars.office;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CalendarValidatorTest {

    private final CalendarValidator validator = new CalendarValidator();

    @Test
    void shouldFindNothingWrongWithTheDocumentedExample() {
        // given
        CalendarSpec spec = new CalendarSpec(PARIS,
                Map.of("mon", List.of("09:00-12:00", "13:00-17:30"), "tue", List.of("09:00-17:30"), "sat", List.of()),
                List.of(CalendarException.on("2026-12-24", "Christmas Eve", "09:00-12:00"),
                        CalendarException.between("2026-08-01", "2026-08-15", "Summer closure")),
                new HolidayRegion("FR", null),
                List.of(new NamedRange("lunch", List.of("12:00-13:00"), List.of("mon", "tue", "wed", "thu", "fri"),
                        List.of("1-31"), List.of("jan-dec"))));

        // then
        assertThat(validator.validate(spec)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Paris", "europe/paris", "+01:00", "GMT+1", "Mars/Olympus_Mons"})
    void shouldReportATimeZoneThatIsNotAnIanaRegion(String zone) {
        // when
        List<CalendarProblem> problems = validator.validate(new CalendarSpec(zone, null, null, null, null));

        // then
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/timeZone");
            assertThat(p.code()).isEqualTo("CALENDAR_BAD_TIMEZONE");
            assertThat(p.message()).contains("expected an IANA time zone id such as Europe/Paris");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"25:00-26:00", "9-5", "9:00-17:00", "09:00-17:60", "24:00-24:00", "nine to five", ""})
    void shouldReportHoursThatAreNotATimeRange(String hours) {
        // when
        List<CalendarProblem> problems = validator.validate(
                Calendars.weekly(PARIS, Map.of("mon", List.of("08:00-09:00", hours))));

        // then
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/weekly/mon/1");
            assertThat(p.code()).isEqualTo("CALENDAR_BAD_TIME");
            assertThat(p.message()).contains("'" + hours + "'").contains("expected HH:MM-HH:MM");
        });
    }

    @Test
    void shouldReportANullTimeRangeWithoutThrowing() {
        List<CalendarProblem> problems = validator.validate(
                Calendars.weekly(PARIS, Map.of("tue", Arrays.asList("09:00-12:00", null))));

        assertThat(problems).extracting(CalendarProblem::pointer, CalendarProblem::code, CalendarProblem::message)
                .containsExactly(tuple("/weekly/tue/1", "CALENDAR_BAD_TIME",
                        "found null, which is not a time range; " + TimeRangeChecks.EXPECTED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"17:00-09:00", "09:00-09:00", "22:00-02:00"})
    void shouldReportARangeThatEndsAtOrBeforeItStarts(String hours) {
        List<CalendarProblem> problems = validator.validate(Calendars.weekly(PARIS, Map.of("fri", List.of(hours))));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/weekly/fri/0");
            assertThat(p.code()).isEqualTo("CALENDAR_INVERTED_RANGE");
            assertThat(p.message()).contains("'" + hours + "'").contains("expected an end after the start");
        });
    }

    @Test
    void shouldReportOverlappingHoursOfOneDayAtTheLaterRange() {
        // when
        List<CalendarProblem> problems = validator.validate(Calendars.weekly(PARIS,
                Map.of("mon", List.of("09:00-12:00", "13:00-17:00", "11:00-13:30"))));

        // then the third overlaps the first, and is reported once
        assertThat(problems).extracting(CalendarProblem::pointer, CalendarProblem::code)
                .containsExactly(tuple("/weekly/mon/2", "CALENDAR_OVERLAPPING_HOURS"));
        assertThat(problems.getFirst().message()).contains("11:00-13:30").contains("09:00-12:00 at /weekly/mon/0");
        assertThat(CalendarValidator.hasErrors(problems)).isFalse();
    }

    @Test
    void shouldNotReportRangesThatOnlyTouch() {
        assertThat(validator.validate(Calendars.weekly(PARIS, Map.of("mon", List.of("09:00-12:00", "12:00-24:00")))))
                .isEmpty();
    }

    @Test
    void shouldReportOverlappingHoursInAnException() {
        List<CalendarProblem> problems = validator.validate(Calendars.withExceptions(office(PARIS),
                CalendarException.on("2026-12-24", "Eve", "09:00-12:00", "10:00-11:00")));

        assertThat(problems).extracting(CalendarProblem::pointer, CalendarProblem::code)
                .containsExactly(tuple("/exceptions/0/hours/1", "CALENDAR_OVERLAPPING_HOURS"));
    }

    @Test
    void shouldReportAnUnknownDayKeyAndEscapeItInThePointer() {
        // given
        Map<String, List<String>> weekly = new HashMap<>();
        weekly.put("monday", List.of("09:00-12:00"));
        weekly.put("sat/sun", List.of("09:00-12:00"));

        // when
        List<CalendarProblem> problems = validator.validate(Calendars.weekly(PARIS, weekly));

        // then
        assertThat(problems).extracting(CalendarProblem::pointer, CalendarProblem::code).containsExactly(
                tuple("/weekly/monday", "CALENDAR_BAD_DAY"),
                tuple("/weekly/sat~1sun", "CALENDAR_BAD_DAY"));
        assertThat(problems.getFirst().message())
                .isEqualTo("found day 'monday'; expected one of mon, tue, wed, thu, fri, sat, sun");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30", "26-12-24", "2026-13-01", "2026-12-24T10:00", "tomorrow", ""})
    void shouldReportADateThatIsNotARealIsoDate(String date) {
        List<CalendarProblem> problems = validator.validate(Calendars.withExceptions(office(PARIS),
                CalendarException.on(date, "Bad")));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/exceptions/0/date");
            assertThat(p.code()).isEqualTo("CALENDAR_BAD_DATE");
            assertThat(p.message()).contains("'" + date + "'").contains("expected a date as YYYY-MM-DD");
        });
    }

    @Test
    void shouldReportAnExceptionWithBothADateAndASpanOrWithNeither() {
        // when
        List<CalendarProblem> problems = validator.validate(Calendars.withExceptions(office(PARIS),
                new CalendarException("2026-12-24", "2026-12-24", null, null, null),
                new CalendarException(null, null, null, List.of("09:00-10:00"), "No date")));

        // then
        assertThat(problems).extracting(CalendarProblem::pointer, CalendarProblem::code).containsExactly(
                tuple("/exceptions/0", "CALENDAR_BAD_DATE"),
                tuple("/exceptions/1", "CALENDAR_BAD_DATE"));
        assertThat(problems.get(0).message()).contains("found both date and from/to");
        assertThat(problems.get(1).message()).contains("found no date");
    }

    @Test
    void shouldReportASpanWithOnlyOneEnd() {
        List<CalendarProblem> problems = validator.validate(Calendars.withExceptions(office(PARIS),
                new CalendarException(null, "2026-08-01", null, List.of(), "Open ended")));

        assertThat(problems).extracting(CalendarProblem::pointer, CalendarProblem::code, CalendarProblem::message)
                .containsExactly(tuple("/exceptions/0/to", "CALENDAR_BAD_DATE",
                        "found no date; expected a date as YYYY-MM-DD such as 2026-12-24"));
    }

    @Test
    void shouldReportASpanThatEndsBeforeItStarts() {
        List<CalendarProblem> problems = validator.validate(Calendars.withExceptions(office(PARIS),
                CalendarException.between("2026-08-15", "2026-08-01", "Summer closure")));

        assertThat(problems).extracting(CalendarProblem::pointer, CalendarProblem::code, CalendarProblem::message)
                .containsExactly(tuple("/exceptions/0/to", "CALENDAR_INVERTED_DATES",
                        "found from 2026-08-15 after to 2026-08-01; expected to on or after from"));
    }

    @Test
    void shouldAcceptASpanOfOneDay() {
        assertThat(validator.validate(Calendars.withExceptions(office(PARIS),
                CalendarException.between("2026-08-15", "2026-08-15", "One day")))).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"XX", "FRA", "fr", "France", "NYSE"})
    void shouldReportACountryWithoutHolidayData(String country) {
        List<CalendarProblem> problems = validator.validate(Calendars.withHolidays(office(PARIS), country, null));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/holidays/country");
            assertThat(p.code()).isEqualTo("CALENDAR_UNKNOWN_COUNTRY");
            assertThat(p.message()).contains("expected an upper-case ISO 3166 alpha-2 code");
        });
    }

    @Test
    void shouldSuggestTheUpperCaseSpellingOfAKnownCountry() {
        assertThat(validator.validate(Calendars.withHolidays(office(PARIS), "fr", null)).getFirst().message())
                .startsWith("found 'fr' (write it as FR); expected");
    }

    @Test
    void shouldReportARegionTheCountryDoesNotHaveAndListTheKnownOnes() {
        // when
        List<CalendarProblem> problems = validator.validate(Calendars.withHolidays(office(PARIS), "DE", "bavaria"));

        // then
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/holidays/region");
            assertThat(p.code()).isEqualTo("CALENDAR_UNKNOWN_REGION");
            assertThat(p.message()).startsWith("found 'bavaria', and 'bavaria' is not a region of DE; expected one of")
                    .contains("be, bw, by");
        });
    }

    @Test
    void shouldReportTheUnknownPartOfANestedRegion() {
        List<CalendarProblem> problems = validator.validate(Calendars.withHolidays(office(PARIS), "DE", "by/zz"));

        assertThat(problems).singleElement().extracting(CalendarProblem::message).asString()
                .isEqualTo("found 'by/zz', and 'zz' is not a region of DE by; expected one of ag, in, mu, re, wu");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "by/", "/by"})
    void shouldReportAnEmptyRegionPart(String region) {
        assertThat(validator.validate(Calendars.withHolidays(office(PARIS), "DE", region)))
                .extracting(CalendarProblem::code).containsExactly("CALENDAR_UNKNOWN_REGION");
    }

    @Test
    void shouldAcceptKnownRegionsInAnyCase() {
        assertThat(validator.validate(Calendars.withHolidays(office(PARIS), "DE", "BY/ag"))).isEmpty();
        assertThat(validator.validate(Calendars.withHolidays(office(PARIS), "US", "ny"))).isEmpty();
    }

    @Test
    void shouldNotCheckTheRegionOfAnUnknownCountry() {
        assertThat(validator.validate(Calendars.withHolidays(office(PARIS), "XX", "by")))
                .extracting(CalendarProblem::code).containsExactly("CALENDAR_UNKNOWN_COUNTRY");
    }

    @Test
    void shouldReportBadWeekdaysDaysOfMonthAndMonthsInARange() {
        // given
        NamedRange range = new NamedRange("lunch", null,
                Arrays.asList("mon-fri", "monday", null), List.of("1-5", "32", "0-3"), List.of("jul-aug", "july"));

        // when
        List<CalendarProblem> problems = validator.validate(Calendars.withRanges(office(PARIS), range));

        // then
        assertThat(problems).extracting(CalendarProblem::pointer, CalendarProblem::code).containsExactly(
                tuple("/ranges/0/weekdays/1", "CALENDAR_BAD_DAY"),
                tuple("/ranges/0/weekdays/2", "CALENDAR_BAD_DAY"),
                tuple("/ranges/0/daysOfMonth/1", "CALENDAR_BAD_DAY_OF_MONTH"),
                tuple("/ranges/0/daysOfMonth/2", "CALENDAR_BAD_DAY_OF_MONTH"),
                tuple("/ranges/0/months/1", "CALENDAR_BAD_MONTH"));
        assertThat(problems.get(0).message()).isEqualTo(
                "found 'monday'; expected a day (mon, tue, wed, thu, fri, sat, sun) or a span such as mon-fri");
        assertThat(problems.get(1).message()).startsWith("found null;");
        assertThat(problems.get(2).message()).contains("'32'").contains("from 1 to 31");
        assertThat(problems.get(4).message()).contains("'july'").contains("jul-aug");
    }

    @Test
    void shouldReportBadAndInvertedTimesInARangeButNotOverlaps() {
        NamedRange range = new NamedRange("peak", List.of("09:00-11:00", "10:00-12:00", "25:00-26:00", "13:00-12:00"),
                null, null, null);

        assertThat(validator.validate(Calendars.withRanges(office(PARIS), range)))
                .extracting(CalendarProblem::pointer, CalendarProblem::code).containsExactly(
                        tuple("/ranges/0/times/2", "CALENDAR_BAD_TIME"),
                        tuple("/ranges/0/times/3", "CALENDAR_INVERTED_RANGE"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1st", "has space", "lunch-time", "_lunch", "a12345678901234567890123456789012345678901",
            "open", "closed", "holiday", "error"})
    void shouldReportARangeNameThatCannotBeAnExitName(String name) {
        List<CalendarProblem> problems = validator.validate(
                Calendars.withRanges(office(PARIS), Calendars.range(name, null, null)));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/ranges/0/name");
            assertThat(p.code()).isEqualTo("CALENDAR_BAD_RANGE_NAME");
        });
    }

    @Test
    void shouldAcceptTheLongestAllowedRangeName() {
        String forty = "a" + "1".repeat(39);

        assertThat(validator.validate(Calendars.withRanges(office(PARIS), Calendars.range(forty, null, null))))
                .isEmpty();
    }

    @Test
    void shouldSayWhyAReservedNameIsRefused() {
        assertThat(validator.validate(Calendars.withRanges(office(PARIS), Calendars.range("holiday", null, null)))
                .getFirst().message()).contains("already an exit of the calendar node");
    }

    @Test
    void shouldReportEachRepeatedRangeNameAtItsOwnPointer() {
        // when
        List<CalendarProblem> problems = validator.validate(Calendars.withRanges(office(PARIS),
                Calendars.range("lunch", null, null), Calendars.range("evening", null, null),
                Calendars.range("lunch", null, null), Calendars.range("lunch", null, null)));

        // then
        assertThat(problems).extracting(CalendarProblem::pointer, CalendarProblem::code).containsExactly(
                tuple("/ranges/2/name", "CALENDAR_DUPLICATE_RANGE_NAME"),
                tuple("/ranges/3/name", "CALENDAR_DUPLICATE_RANGE_NAME"));
        assertThat(problems.getFirst().message()).contains("'lunch', already used at /ranges/0/name");
    }

    @Test
    void shouldReportNullListItemsWithoutThrowing() {
        // given
        CalendarSpec spec = new CalendarSpec(PARIS, null, Arrays.asList(null, CalendarException.on("2026-01-01", "x")),
                null, Arrays.asList(Calendars.range("ok", null, null), null));

        // then
        assertThat(validator.validate(spec)).extracting(CalendarProblem::pointer, CalendarProblem::code)
                .containsExactly(
                        tuple("/exceptions/0", "CALENDAR_BAD_DATE"),
                        tuple("/ranges/1", "CALENDAR_BAD_RANGE_NAME"));
    }

    @Test
    void shouldReportANullCalendarWithoutThrowing() {
        assertThat(validator.validate(null)).extracting(CalendarProblem::pointer, CalendarProblem::code)
                .containsExactly(tuple("", "CALENDAR_BAD_TIMEZONE"));
    }

    @Test
    void shouldReportEveryProblemAtOnceInDocumentOrder() {
        // given a calendar that gets everything wrong
        Map<String, List<String>> weekly = new HashMap<>();
        weekly.put("mon", Arrays.asList("9-5", "17:00-09:00", null));
        weekly.put("funday", List.of("09:00-10:00"));
        CalendarSpec spec = new CalendarSpec("Nowhere/Special", weekly,
                List.of(new CalendarException("yesterday", null, null, List.of("00:00-25:00"), null),
                        CalendarException.between("2026-12-31", "2026-01-01", null)),
                new HolidayRegion("DE", "atlantis"),
                List.of(new NamedRange("open", List.of("x"), List.of("someday"), List.of("99"), List.of("smarch")),
                        Calendars.range("open", null, null)));

        // when
        List<CalendarProblem> problems = validator.validate(spec);

        // then
        assertThat(problems).extracting(CalendarProblem::pointer, CalendarProblem::code).containsExactly(
                tuple("/timeZone", "CALENDAR_BAD_TIMEZONE"),
                tuple("/weekly/mon/0", "CALENDAR_BAD_TIME"),
                tuple("/weekly/mon/1", "CALENDAR_INVERTED_RANGE"),
                tuple("/weekly/mon/2", "CALENDAR_BAD_TIME"),
                tuple("/weekly/funday", "CALENDAR_BAD_DAY"),
                tuple("/exceptions/0/date", "CALENDAR_BAD_DATE"),
                tuple("/exceptions/0/hours/0", "CALENDAR_BAD_TIME"),
                tuple("/exceptions/1/to", "CALENDAR_INVERTED_DATES"),
                tuple("/holidays/region", "CALENDAR_UNKNOWN_REGION"),
                tuple("/ranges/0/name", "CALENDAR_BAD_RANGE_NAME"),
                tuple("/ranges/0/times/0", "CALENDAR_BAD_TIME"),
                tuple("/ranges/0/weekdays/0", "CALENDAR_BAD_DAY"),
                tuple("/ranges/0/daysOfMonth/0", "CALENDAR_BAD_DAY_OF_MONTH"),
                tuple("/ranges/0/months/0", "CALENDAR_BAD_MONTH"),
                tuple("/ranges/1/name", "CALENDAR_BAD_RANGE_NAME"));
        assertThat(CalendarValidator.hasErrors(problems)).isTrue();
    }
}
