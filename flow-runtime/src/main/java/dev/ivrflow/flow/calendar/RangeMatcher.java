package dev.ivrflow.flow.calendar;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Whether a local date-time falls in a named range. Only used on validated calendars. */
final class RangeMatcher {

    private RangeMatcher() {
    }

    static boolean matches(NamedRange range, LocalDateTime local) {
        return anyTime(range.times(), local)
                && anySpan(range.weekdays(), CyclicSpan::weekdays, local.getDayOfWeek().getValue())
                && anySpan(range.daysOfMonth(), CyclicSpan::daysOfMonth, local.getDayOfMonth())
                && anySpan(range.months(), CyclicSpan::months, local.getMonthValue());
    }

    private static boolean anyTime(List<String> times, LocalDateTime local) {
        if (times == null || times.isEmpty()) return true;
        return times.stream().anyMatch(t -> TimeRange.parse(t).orElseThrow().contains(local.toLocalTime()));
    }

    private static boolean anySpan(List<String> items, Function<String, Optional<CyclicSpan>> parser, int value) {
        if (items == null || items.isEmpty()) return true;
        return items.stream().anyMatch(item -> parser.apply(item).orElseThrow().contains(value));
    }
}
