package dev.ivrflow.flow.calendar;

/** The codes a {@link CalendarProblem} carries. Stable strings: the designer and the CLI key on them. */
public final class CalendarProblemCode {

    public static final String BAD_TIMEZONE = "CALENDAR_BAD_TIMEZONE";
    public static final String BAD_TIME = "CALENDAR_BAD_TIME";
    public static final String INVERTED_RANGE = "CALENDAR_INVERTED_RANGE";
    /** Overlapping hours still evaluate correctly (they merge), so this one is only worth a warning. */
    public static final String OVERLAPPING_HOURS = "CALENDAR_OVERLAPPING_HOURS";
    public static final String BAD_DATE = "CALENDAR_BAD_DATE";
    public static final String INVERTED_DATES = "CALENDAR_INVERTED_DATES";
    public static final String UNKNOWN_COUNTRY = "CALENDAR_UNKNOWN_COUNTRY";
    public static final String UNKNOWN_REGION = "CALENDAR_UNKNOWN_REGION";
    public static final String BAD_DAY = "CALENDAR_BAD_DAY";
    public static final String BAD_MONTH = "CALENDAR_BAD_MONTH";
    public static final String BAD_DAY_OF_MONTH = "CALENDAR_BAD_DAY_OF_MONTH";
    public static final String BAD_RANGE_NAME = "CALENDAR_BAD_RANGE_NAME";
    public static final String DUPLICATE_RANGE_NAME = "CALENDAR_DUPLICATE_RANGE_NAME";

    private CalendarProblemCode() {
    }

    /** True for the codes that leave the calendar impossible to evaluate. */
    public static boolean isError(String code) {
        return !OVERLAPPING_HOURS.equals(code);
    }
}
