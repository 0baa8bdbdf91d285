package dev.ivrflow.flow.calendar;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.ivrflow.flow.calendar.Problems.at;
import static dev.ivrflow.flow.calendar.Problems.quote;

/** Checks a list of "HH:MM-HH:MM" strings: shape, direction and, for one day's hours, overlaps. */
final class TimeRangeChecks {

    static final String EXPECTED = "expected HH:MM-HH:MM such as 09:00-17:30, with 24:00 allowed as an end";

    private TimeRangeChecks() {
    }

    static void check(Problems problems, String pointer, List<String> items, boolean dayHours) {
        if (items == null) return;
        List<TimeRange> valid = new ArrayList<>();
        List<Integer> validIndex = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String text = items.get(i);
            Optional<TimeRange> parsed = TimeRange.parse(text);
            if (parsed.isEmpty()) {
                problems.add(at(pointer, i), CalendarProblemCode.BAD_TIME,
                        "found " + quote(text) + ", which is not a time range; " + EXPECTED);
            } else if (parsed.get().isInverted()) {
                problems.add(at(pointer, i), CalendarProblemCode.INVERTED_RANGE, "found " + quote(text)
                        + ", which ends at or before it starts; expected an end after the start"
                        + " (for hours past midnight, end this day at 24:00 and start the next day at 00:00)");
            } else {
                if (dayHours) reportOverlap(problems, pointer, i, parsed.get(), valid, validIndex);
                valid.add(parsed.get());
                validIndex.add(i);
            }
        }
    }

    private static void reportOverlap(Problems problems, String pointer, int index, TimeRange range,
                                      List<TimeRange> earlier, List<Integer> earlierIndex) {
        for (int j = 0; j < earlier.size(); j++) {
            if (range.overlaps(earlier.get(j))) {
                problems.add(at(pointer, index), CalendarProblemCode.OVERLAPPING_HOURS, "found " + range
                        + ", which overlaps " + earlier.get(j) + " at " + at(pointer, earlierIndex.get(j))
                        + "; expected the hours of one day not to overlap (merge them into one range)");
                return;
            }
        }
    }
}
