/**
 * Business calendars: weekly opening hours in a time zone, dated exceptions, public holidays (Jollyday) and
 * named ranges. {@link dev.ivrflow.flow.calendar.CalendarSpec} is the JSON shape kept in the flow document,
 * {@link dev.ivrflow.flow.calendar.CalendarValidator} reports every problem in it as data, and
 * {@link dev.ivrflow.flow.calendar.CalendarEvaluator} decides the exit for a given instant. Nothing here reads
 * the system clock: the instant is always passed in.
 */
package dev.ivrflow.flow.calendar;
