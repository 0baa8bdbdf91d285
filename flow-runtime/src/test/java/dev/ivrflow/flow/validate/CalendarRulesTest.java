package dev.ivrflow.flow.validate;

import dev.ivrflow.flow.calendar.CalendarProblemCode;
import dev.ivrflow.flow.calendar.CalendarSpec;
import dev.ivrflow.flow.calendar.NamedRange;
import dev.ivrflow.flow.model.Environment;
import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.nodes.calendar.CalendarSettings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.ivrflow.flow.validate.TestFlows.flow;
import static dev.ivrflow.flow.validate.TestSettings.hangup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CalendarRulesTest {
    private static final Map<String, List<String>> WEEKDAYS = Map.of("mon", List.of("09:00-17:00"),
            "tue", List.of("09:00-17:00"), "wed", List.of("09:00-17:00"), "thu", List.of("09:00-17:00"),
            "fri", List.of("09:00-17:00"));
    private static final CalendarSpec OFFICE = new CalendarSpec("Europe/Paris", WEEKDAYS, null, null, null);

    private final FlowValidator validator = new FlowValidator();

    private static Flow calendarFlow(CalendarSettings settings, String... extraExits) {
        String[] exits = new String[4 + extraExits.length];
        System.arraycopy(new String[]{"open", "bye", "closed", "bye"}, 0, exits, 0, 4);
        System.arraycopy(extraExits, 0, exits, 4, extraExits.length);
        return flow().node("hours", settings, exits).node("bye", hangup()).build();
    }

    private static Environment calendars(Map<String, CalendarSpec> calendars) {
        return new Environment(null, null, null, calendars, null, null, null);
    }

    @Test
    void shouldAcceptAValidInlineCalendar() {
        assertThat(validator.validate(calendarFlow(new CalendarSettings(OFFICE, null))).errors()).isEmpty();
    }

    @Test
    void shouldReportTheCalendarsProblemsUnderTheNodesSettingsWithTheCalendarsCodes() {
        // given
        CalendarSpec bad = new CalendarSpec("Mars/Olympus", Map.of("mon", List.of("09:00-25:00")), null, null, null);
        // when
        ValidationReport report = validator.validate(calendarFlow(new CalendarSettings(bad, null)));
        // then
        assertThat(report.errors()).extracting(ValidationIssue::code, ValidationIssue::nodeId, ValidationIssue::pointer)
                .containsExactly(tuple(CalendarProblemCode.BAD_TIMEZONE, "hours", "/nodes/0/settings/calendar/timeZone"),
                        tuple(CalendarProblemCode.BAD_TIME, "hours", "/nodes/0/settings/calendar/weekly/mon/0"));
    }

    @Test
    void shouldReportOverlappingHoursAsAWarningOnly() {
        CalendarSpec overlapping = new CalendarSpec("Europe/Paris",
                Map.of("mon", List.of("09:00-12:00", "11:00-14:00")), null, null, null);

        ValidationReport report = validator.validate(calendarFlow(new CalendarSettings(overlapping, null)));

        assertThat(report.withCode(CalendarProblemCode.OVERLAPPING_HOURS)).extracting(ValidationIssue::severity)
                .containsExactly(Severity.WARNING);
    }

    @Test
    void shouldReportANodeWithNeitherOrBothCalendars() {
        assertThat(validator.validate(calendarFlow(new CalendarSettings(null, null)))
                .withCode(ValidationCodes.CALENDAR_SPEC_MISSING)).extracting(ValidationIssue::pointer)
                .containsExactly("/nodes/0/settings");
        assertThat(validator.validate(calendarFlow(new CalendarSettings(OFFICE, "office")))
                .withCode(ValidationCodes.CALENDAR_SPEC_MISSING)).hasSize(1);
    }

    @Test
    void shouldReportASharedCalendarTheEnvironmentDoesNotHave() {
        // given
        Flow f = calendarFlow(new CalendarSettings(null, "ofice"));
        ValidationOptions options = ValidationOptions.DEFAULTS.withEnvironment(calendars(Map.of("office", OFFICE)));
        // when
        ValidationReport report = validator.validate(f, options);
        // then
        assertThat(report.withCode(ValidationCodes.CALENDAR_REF_UNKNOWN)).singleElement().satisfies(i -> {
            assertThat(i.pointer()).isEqualTo("/nodes/0/settings/ref");
            assertThat(i.message()).contains("\"ofice\"", "office");
        });
        assertThat(report.withCode(ValidationCodes.SYMBOL_UNKNOWN)).isEmpty();
    }

    @Test
    void shouldNotCheckSharedCalendarsWhenTheEnvironmentDeclaresNone() {
        Flow f = calendarFlow(new CalendarSettings(null, "office"), "lunch", "bye");

        assertThat(validator.validate(f).errors()).isEmpty();
    }

    @Test
    void shouldTakeASharedCalendarsRangesAsExitsThatMustBeWired() {
        // given
        CalendarSpec withLunch = new CalendarSpec("Europe/Paris", WEEKDAYS, null, null,
                List.of(new NamedRange("lunch", List.of("12:00-13:00"), null, null, null)));
        ValidationOptions options = ValidationOptions.DEFAULTS.withEnvironment(calendars(Map.of("office", withLunch)));
        // when
        ValidationReport unwired = validator.validate(calendarFlow(new CalendarSettings(null, "office")), options);
        ValidationReport wired = validator.validate(calendarFlow(new CalendarSettings(null, "office"), "lunch", "bye"),
                options);
        // then
        assertThat(unwired.withCode(ValidationCodes.EXIT_UNWIRED)).extracting(ValidationIssue::exit)
                .containsExactly("lunch");
        assertThat(wired.errors()).isEmpty();
    }
}
