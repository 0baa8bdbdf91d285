package dev.ivrflow.flow.calendar;

/**
 * One thing wrong with a calendar. {@code pointer} is a JSON Pointer relative to the calendar object
 * ("/weekly/mon/1"), so a caller embedding the calendar prefixes its own pointer; {@code code} is one of
 * {@link CalendarProblemCode}; {@code message} names what was found and what was expected.
 */
public record CalendarProblem(String pointer, String code, String message) {
}
