package dev.ivrflow.flow.calendar;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import static dev.ivrflow.flow.calendar.Problems.at;
import static dev.ivrflow.flow.calendar.Problems.quote;

/** Checks the named ranges: names usable as exit names, and every weekday, day, month and time item. */
final class NamedRangeChecks {

    static final String NAME_PATTERN = "^[A-Za-z][A-Za-z0-9_]{0,39}$";
    /** The calendar node's own exits: a range by one of these names could never be told apart. */
    static final Set<String> RESERVED = Set.of(
            CalendarDecision.OPEN, CalendarDecision.CLOSED, CalendarDecision.HOLIDAY, CalendarDecision.ERROR);

    private static final Pattern NAME = Pattern.compile(NAME_PATTERN);

    private NamedRangeChecks() {
    }

    static void check(Problems problems, List<NamedRange> ranges) {
        if (ranges == null) return;
        Map<String, Integer> firstUse = new HashMap<>();
        for (int i = 0; i < ranges.size(); i++) {
            String pointer = at("/ranges", i);
            NamedRange range = ranges.get(i);
            if (range == null) {
                problems.add(pointer, CalendarProblemCode.BAD_RANGE_NAME, "found null; expected a range with a name");
                continue;
            }
            checkName(problems, pointer, range.name(), i, firstUse);
            TimeRangeChecks.check(problems, pointer + "/times", range.times(), false);
            checkItems(problems, pointer + "/weekdays", range.weekdays(), CyclicSpan::weekdays,
                    CalendarProblemCode.BAD_DAY, "a day (mon, tue, wed, thu, fri, sat, sun) or a span such as mon-fri");
            checkItems(problems, pointer + "/daysOfMonth", range.daysOfMonth(), CyclicSpan::daysOfMonth,
                    CalendarProblemCode.BAD_DAY_OF_MONTH, "a day of the month from 1 to 31 or a span such as 1-5");
            checkItems(problems, pointer + "/months", range.months(), CyclicSpan::months,
                    CalendarProblemCode.BAD_MONTH, "a month (jan, feb, ..., dec) or a span such as jul-aug");
        }
    }

    private static void checkName(Problems problems, String pointer, String name, int index,
                                  Map<String, Integer> firstUse) {
        String namePointer = pointer + "/name";
        if (name == null || !NAME.matcher(name).matches()) {
            problems.add(namePointer, CalendarProblemCode.BAD_RANGE_NAME, "found " + quote(name)
                    + "; expected a letter then up to 39 letters, digits or underscores, such as lunch or lateShift");
        } else if (RESERVED.contains(name)) {
            problems.add(namePointer, CalendarProblemCode.BAD_RANGE_NAME, "found " + quote(name)
                    + ", which is already an exit of the calendar node; expected a name other than open, closed,"
                    + " holiday and error");
        } else if (firstUse.containsKey(name)) {
            problems.add(namePointer, CalendarProblemCode.DUPLICATE_RANGE_NAME, "found " + quote(name)
                    + ", already used at " + at("/ranges", firstUse.get(name), "name")
                    + "; expected each range name once, since each becomes its own exit");
        } else {
            firstUse.put(name, index);
        }
    }

    private static void checkItems(Problems problems, String pointer, List<String> items,
                                   Function<String, Optional<CyclicSpan>> parser, String code, String expected) {
        if (items == null) return;
        for (int i = 0; i < items.size(); i++) {
            if (parser.apply(items.get(i)).isEmpty()) {
                problems.add(at(pointer, i), code, "found " + quote(items.get(i)) + "; expected " + expected);
            }
        }
    }
}
