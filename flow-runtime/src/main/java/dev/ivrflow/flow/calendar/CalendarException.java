package dev.ivrflow.flow.calendar;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * Hours that replace the weekly hours on one {@code date} or on every day from {@code from} to {@code to}
 * (both inclusive, ISO dates). Empty or missing {@code hours} means closed all day.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"date", "from", "to", "hours", "label"})
public record CalendarException(String date, String from, String to, List<String> hours, String label) {

    public CalendarException {
        hours = Lists.copyOrNull(hours);
    }

    public static CalendarException on(String date, String label, String... hours) {
        return new CalendarException(date, null, null, List.of(hours), label);
    }

    public static CalendarException between(String from, String to, String label, String... hours) {
        return new CalendarException(null, from, to, List.of(hours), label);
    }

    /** How the exception is named in decisions and messages: its label, else its dates. */
    public String describe() {
        if (label != null && !label.isBlank()) return "'" + label + "'";
        return date != null ? date : from + ".." + to;
    }
}
