package dev.ivrflow.flow.calendar;

import java.time.LocalTime;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A parsed "HH:MM-HH:MM" of local wall-clock time: start inclusive, end exclusive, "24:00" allowed as an end
 * so a range can reach midnight. Parsing keeps an inverted range (end not after start) so the validator can
 * say so; the evaluator only ever sees valid ones.
 */
public record TimeRange(int startMinute, int endMinute) {

    /** Two-digit hours and minutes only: the canonical form is what the schema and the designer produce. */
    public static final String PATTERN = "^([01][0-9]|2[0-3]):[0-5][0-9]-(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$";
    private static final Pattern SHAPE = Pattern.compile(PATTERN);

    /** The range, or empty when the text is not of the form "HH:MM-HH:MM". */
    public static Optional<TimeRange> parse(String text) {
        if (text == null || !SHAPE.matcher(text).matches()) return Optional.empty();
        return Optional.of(new TimeRange(minutes(text.substring(0, 5)), minutes(text.substring(6))));
    }

    public boolean isInverted() {
        return endMinute <= startMinute;
    }

    public boolean contains(LocalTime time) {
        // Compare in seconds so 11:59:59 still falls in "09:00-12:00".
        int second = time.toSecondOfDay();
        return second >= startMinute * 60 && second < endMinute * 60;
    }

    public boolean overlaps(TimeRange other) {
        return startMinute < other.endMinute && other.startMinute < endMinute;
    }

    @Override
    public String toString() {
        return clock(startMinute) + "-" + clock(endMinute);
    }

    private static int minutes(String hhmm) {
        return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3, 5));
    }

    private static String clock(int minute) {
        return String.format("%02d:%02d", minute / 60, minute % 60);
    }
}
