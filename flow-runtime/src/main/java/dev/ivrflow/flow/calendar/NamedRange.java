package dev.ivrflow.flow.calendar;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * A named slice of time that becomes its own exit of the calendar node. Each field narrows the match; a
 * missing or empty field matches anything. Weekday, day-of-month and month spans may wrap ("fri-mon",
 * "nov-feb", "28-3").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "times", "weekdays", "daysOfMonth", "months"})
public record NamedRange(
        String name,
        List<String> times,
        List<String> weekdays,
        List<String> daysOfMonth,
        List<String> months) {

    public NamedRange {
        times = Lists.copyOrNull(times);
        weekdays = Lists.copyOrNull(weekdays);
        daysOfMonth = Lists.copyOrNull(daysOfMonth);
        months = Lists.copyOrNull(months);
    }
}
