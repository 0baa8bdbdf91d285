package dev.ivrflow.flow.calendar;

import java.time.DayOfWeek;
import java.time.Month;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The short lower-case day and month names the calendar JSON uses. */
public final class CalendarNames {

    public static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    public static final List<String> MONTHS =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    /** Known days in week order, then anything else alphabetically (so bad keys still sort stably). */
    static final Comparator<String> DAY_KEY_ORDER = Comparator
            .comparingInt((String key) -> DAYS.contains(key) ? DAYS.indexOf(key) : DAYS.size())
            .thenComparing(Comparator.naturalOrder());

    private CalendarNames() {
    }

    public static Optional<DayOfWeek> day(String key) {
        int index = DAYS.indexOf(key);
        return index < 0 ? Optional.empty() : Optional.of(DayOfWeek.of(index + 1));
    }

    public static Optional<Month> month(String key) {
        int index = MONTHS.indexOf(key);
        return index < 0 ? Optional.empty() : Optional.of(Month.of(index + 1));
    }

    public static String keyOf(DayOfWeek day) {
        return DAYS.get(day.getValue() - 1);
    }
}
