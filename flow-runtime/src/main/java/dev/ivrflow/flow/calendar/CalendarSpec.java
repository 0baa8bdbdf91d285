package dev.ivrflow.flow.calendar;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A business calendar as written in the flow document. Every field may be null: the record holds what was
 * read, and {@link CalendarValidator} says what is wrong with it. {@code weekly} maps a day key (mon..sun) to
 * its opening hours ("HH:MM-HH:MM"); a missing day is closed all day.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"timeZone", "weekly", "exceptions", "holidays", "ranges"})
public record CalendarSpec(
        String timeZone,
        Map<String, List<String>> weekly,
        List<CalendarException> exceptions,
        HolidayRegion holidays,
        List<NamedRange> ranges) {

    public CalendarSpec {
        weekly = weekly == null ? null : dayOrdered(weekly);
        exceptions = Lists.copyOrNull(exceptions);
        ranges = Lists.copyOrNull(ranges);
    }

    /** The opening hours of one day key as written, empty when the day is missing (closed all day). */
    public List<String> hoursOf(String dayKey) {
        if (weekly == null) return List.of();
        List<String> hours = weekly.get(dayKey);
        return hours == null ? List.of() : hours;
    }

    // Day order (mon..sun) rather than alphabetical, so the written JSON reads like a week.
    private static Map<String, List<String>> dayOrdered(Map<String, List<String>> source) {
        Map<String, List<String>> out = new TreeMap<>(CalendarNames.DAY_KEY_ORDER);
        source.forEach((day, hours) -> out.put(day, Lists.copyOrNull(hours)));
        return Collections.unmodifiableMap(out);
    }
}
