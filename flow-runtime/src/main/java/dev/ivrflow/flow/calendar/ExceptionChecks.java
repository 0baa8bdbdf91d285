package dev.ivrflow.flow.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static dev.ivrflow.flow.calendar.Problems.at;
import static dev.ivrflow.flow.calendar.Problems.quote;

/** Checks the dated exceptions: one date or a from..to span each, real dates in order, valid hours. */
final class ExceptionChecks {

    private static final String EXPECTED_DATE = "expected a date as YYYY-MM-DD such as 2026-12-24";

    private ExceptionChecks() {
    }

    static void check(Problems problems, List<CalendarException> exceptions) {
        if (exceptions == null) return;
        for (int i = 0; i < exceptions.size(); i++) {
            String pointer = at("/exceptions", i);
            CalendarException exception = exceptions.get(i);
            if (exception == null) {
                problems.add(pointer, CalendarProblemCode.BAD_DATE,
                        "found null; expected an exception with a date, or with from and to");
                continue;
            }
            checkDates(problems, pointer, exception);
            TimeRangeChecks.check(problems, pointer + "/hours", exception.hours(), true);
        }
    }

    private static void checkDates(Problems problems, String pointer, CalendarException exception) {
        boolean single = exception.date() != null;
        boolean span = exception.from() != null || exception.to() != null;
        if (single && span) {
            problems.add(pointer, CalendarProblemCode.BAD_DATE,
                    "found both date and from/to; expected either one date, or from and to");
            return;
        }
        if (!single && !span) {
            problems.add(pointer, CalendarProblemCode.BAD_DATE,
                    "found no date; expected a date, or from and to");
            return;
        }
        if (single) {
            parse(problems, pointer + "/date", exception.date());
            return;
        }
        Optional<LocalDate> from = parse(problems, pointer + "/from", exception.from());
        Optional<LocalDate> to = parse(problems, pointer + "/to", exception.to());
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            problems.add(pointer + "/to", CalendarProblemCode.INVERTED_DATES, "found from " + exception.from()
                    + " after to " + exception.to() + "; expected to on or after from");
        }
    }

    private static Optional<LocalDate> parse(Problems problems, String pointer, String text) {
        Optional<LocalDate> date = CalendarDates.parse(text);
        if (date.isEmpty()) {
            String found = text == null ? "no date" : quote(text) + ", which is not a date";
            problems.add(pointer, CalendarProblemCode.BAD_DATE, "found " + found + "; " + EXPECTED_DATE);
        }
        return date;
    }
}
