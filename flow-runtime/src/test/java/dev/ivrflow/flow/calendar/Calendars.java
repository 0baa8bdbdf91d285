package dev.ivrflow.flow.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Calendars and instants the calendar tests share. */
final class Calendars {

    static final String PARIS = "Europe/Paris";

    private Calendars() {
    }

    /** Mon-Fri 09:00-12:00 and 13:00-17:30, Saturday morning, closed on Sunday. */
    static Map<String, List<String>> officeWeek() {
        List<String> weekday = List.of("09:00-12:00", "13:00-17:30");
        return Map.of("mon", weekday, "tue", weekday, "wed", weekday, "thu", weekday, "fri", weekday,
                "sat", List.of("09:00-12:00"));
    }

    static CalendarSpec office(String zone) {
        return new CalendarSpec(zone, officeWeek(), null, null, null);
    }

    static CalendarSpec weekly(String zone, Map<String, List<String>> weekly) {
        return new CalendarSpec(zone, weekly, null, null, null);
    }

    static CalendarSpec withExceptions(CalendarSpec spec, CalendarException... exceptions) {
        return new CalendarSpec(spec.timeZone(), spec.weekly(), List.of(exceptions), spec.holidays(), spec.ranges());
    }

    static CalendarSpec withHolidays(CalendarSpec spec, String country, String region) {
        return new CalendarSpec(spec.timeZone(), spec.weekly(), spec.exceptions(), new HolidayRegion(country, region),
                spec.ranges());
    }

    static CalendarSpec withRanges(CalendarSpec spec, NamedRange... ranges) {
        return new CalendarSpec(spec.timeZone(), spec.weekly(), spec.exceptions(), spec.holidays(), List.of(ranges));
    }

    static NamedRange range(String name, List<String> times, List<String> weekdays) {
        return new NamedRange(name, times, weekdays, null, null);
    }

    /** The instant at which the wall clock in {@code zone} reads {@code localDateTime}. */
    static Instant at(String localDateTime, String zone) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of(zone)).toInstant();
    }
}
