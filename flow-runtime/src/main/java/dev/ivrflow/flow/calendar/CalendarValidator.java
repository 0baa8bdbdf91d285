package dev.ivrflow.flow.calendar;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static dev.ivrflow.flow.calendar.Problems.at;
import static dev.ivrflow.flow.calendar.Problems.quote;

/**
 * Reports everything wrong with a calendar, as data. It never throws on bad input: null fields, null list
 * items and garbage strings each become a {@link CalendarProblem} at their JSON Pointer.
 */
public final class CalendarValidator {

    private final PublicHolidays holidays;

    public CalendarValidator(PublicHolidays holidays) {
        this.holidays = holidays;
    }

    public CalendarValidator() {
        this(PublicHolidays.shared());
    }

    // getAvailableZoneIds() copies ~600 ids into a new set on every call.
    private static final java.util.Set<String> ZONES = java.util.Set.copyOf(ZoneId.getAvailableZoneIds());

    public List<CalendarProblem> validate(CalendarSpec spec) {
        Problems problems = new Problems();
        if (spec == null) {
            problems.add("", CalendarProblemCode.BAD_TIMEZONE, "found null; expected a calendar with a timeZone");
            return problems.toList();
        }
        checkTimeZone(problems, spec.timeZone());
        checkWeekly(problems, spec.weekly());
        ExceptionChecks.check(problems, spec.exceptions());
        HolidayChecks.check(problems, spec.holidays(), holidays);
        NamedRangeChecks.check(problems, spec.ranges());
        return problems.toList();
    }

    /** True when {@code problems} holds something that stops the calendar from being evaluated. */
    public static boolean hasErrors(List<CalendarProblem> problems) {
        return problems.stream().anyMatch(p -> CalendarProblemCode.isError(p.code()));
    }

    // Only region ids ("Europe/Paris"), not fixed offsets ("+01:00"): an offset ignores daylight saving, so
    // a calendar written with one would be an hour off for half the year.
    private static void checkTimeZone(Problems problems, String zone) {
        if (zone != null && ZONES.contains(zone)) return;
        problems.add("/timeZone", CalendarProblemCode.BAD_TIMEZONE, "found " + (zone == null ? "no time zone"
                : quote(zone)) + "; expected an IANA time zone id such as Europe/Paris or America/New_York");
    }

    private static void checkWeekly(Problems problems, Map<String, List<String>> weekly) {
        if (weekly == null) return;
        weekly.forEach((day, hours) -> {
            String pointer = at("/weekly", day);
            if (CalendarNames.day(day).isEmpty()) {
                problems.add(pointer, CalendarProblemCode.BAD_DAY, "found day " + quote(day)
                        + "; expected one of " + String.join(", ", CalendarNames.DAYS));
            } else {
                TimeRangeChecks.check(problems, pointer, hours, true);
            }
        });
    }
}
