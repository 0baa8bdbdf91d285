package dev.ivrflow.flow.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/** Dates in exceptions are plain ISO "YYYY-MM-DD", checked strictly (no 2026-02-30). */
final class CalendarDates {

    static final String PATTERN = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";
    private static final Pattern SHAPE = Pattern.compile(PATTERN);

    private CalendarDates() {
    }

    static Optional<LocalDate> parse(String text) {
        if (text == null || !SHAPE.matcher(text).matches()) return Optional.empty();
        try {
            // ISO_LOCAL_DATE resolves strictly, so a day past the month's end is refused, not rolled over.
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
