package dev.ivrflow.flow.calendar;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One item of a named range's weekdays, days of month or months: a single value ("mon") or an inclusive span
 * ("mon-fri"). Weeks, months and years are cycles, so a span whose first value is after its last wraps
 * around ("fri-mon", "nov-feb", "28-3") instead of being an error.
 */
public record CyclicSpan(int first, int last) {

    public static final String WEEKDAY_PATTERN = "^(mon|tue|wed|thu|fri|sat|sun)(-(mon|tue|wed|thu|fri|sat|sun))?$";
    public static final String MONTH_PATTERN = "^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
            + "(-(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))?$";
    public static final String DAY_OF_MONTH_PATTERN = "^([1-9]|[12][0-9]|3[01])(-([1-9]|[12][0-9]|3[01]))?$";

    private static final Pattern WEEKDAY = Pattern.compile(WEEKDAY_PATTERN);
    private static final Pattern MONTH = Pattern.compile(MONTH_PATTERN);
    private static final Pattern DAY_OF_MONTH = Pattern.compile(DAY_OF_MONTH_PATTERN);

    /** Days as ISO numbers, Monday = 1. */
    public static Optional<CyclicSpan> weekdays(String text) {
        return parse(text, WEEKDAY, name -> CalendarNames.day(name).orElseThrow().getValue());
    }

    /** Months as numbers, January = 1. */
    public static Optional<CyclicSpan> months(String text) {
        return parse(text, MONTH, name -> CalendarNames.month(name).orElseThrow().getValue());
    }

    public static Optional<CyclicSpan> daysOfMonth(String text) {
        return parse(text, DAY_OF_MONTH, Integer::parseInt);
    }

    public boolean contains(int value) {
        return first <= last ? first <= value && value <= last : value >= first || value <= last;
    }

    private static Optional<CyclicSpan> parse(String text, Pattern shape, Function<String, Integer> value) {
        if (text == null || !shape.matcher(text).matches()) return Optional.empty();
        int dash = text.indexOf('-');
        int first = value.apply(dash < 0 ? text : text.substring(0, dash));
        int last = dash < 0 ? first : value.apply(text.substring(dash + 1));
        return Optional.of(new CyclicSpan(first, last));
    }
}
