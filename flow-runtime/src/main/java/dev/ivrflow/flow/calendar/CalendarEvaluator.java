package dev.ivrflow.flow.calendar;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides which exit a calendar takes at an instant. The instant is turned into the calendar's local date and
 * wall-clock time first, so hours mean what the admin wrote on either side of a daylight-saving change.
 *
 * <p>Precedence: a dated exception covering the local date decides open or closed (even on a public
 * holiday, so an admin can open on one); then a public holiday gives "holiday"; then the first named range
 * that matches gives its name; then the weekly hours decide open or closed.
 *
 * <p>An invalid calendar is not an exception: it yields the "error" exit with the first problem as reason.
 */
public final class CalendarEvaluator {

    private final PublicHolidays holidays;
    private final CalendarValidator validator;

    public CalendarEvaluator(PublicHolidays holidays) {
        this.holidays = holidays;
        this.validator = new CalendarValidator(holidays);
    }

    public CalendarEvaluator() {
        this(PublicHolidays.shared());
    }

    // A calendar is checked once, not on every call: specs are immutable and live as long as their compiled flow,
    // so they are remembered by identity (weak keys) and dropped with the flow.
    private final Cache<CalendarSpec, Optional<CalendarProblem>> firstError =
            Caffeine.newBuilder().weakKeys().maximumSize(10_000).build();

    private Optional<CalendarProblem> firstErrorOf(CalendarSpec spec) {
        return validator.validate(spec).stream().filter(problem -> CalendarProblemCode.isError(problem.code())).findFirst();
    }

    public CalendarDecision evaluate(CalendarSpec spec, Instant at) {
        Objects.requireNonNull(at, "at");
        Optional<CalendarProblem> invalid = spec == null ? firstErrorOf(null) : firstError.get(spec, this::firstErrorOf);
        if (invalid.isPresent()) {
            CalendarProblem problem = invalid.get();
            return new CalendarDecision(CalendarDecision.ERROR,
                    "invalid calendar at " + problem.pointer() + ": " + problem.message());
        }
        LocalDateTime local = LocalDateTime.ofInstant(at, ZoneId.of(spec.timeZone()));
        LocalDate date = local.toLocalDate();

        Optional<CalendarException> exception = exceptionOn(spec, date);
        if (exception.isPresent()) {
            CalendarException found = exception.get();
            return hoursDecision("exception " + found.describe(), found.hours(), local.toLocalTime());
        }
        Optional<CalendarDecision> holiday = holidayOn(spec.holidays(), date);
        if (holiday.isPresent()) return holiday.get();

        for (NamedRange range : Lists.orEmpty(spec.ranges())) {
            if (RangeMatcher.matches(range, local)) {
                return new CalendarDecision(range.name(), "range " + range.name());
            }
        }
        String day = CalendarNames.keyOf(date.getDayOfWeek());
        return hoursDecision("weekly hours " + day, spec.hoursOf(day), local.toLocalTime());
    }

    /** Every exit the calendar can take besides "error": open, closed, holiday, then each range name. */
    public List<String> exits(CalendarSpec spec) {
        List<String> exits = new ArrayList<>(
                List.of(CalendarDecision.OPEN, CalendarDecision.CLOSED, CalendarDecision.HOLIDAY));
        if (spec != null) {
            for (NamedRange range : Lists.orEmpty(spec.ranges())) {
                if (range != null && range.name() != null && !exits.contains(range.name())) exits.add(range.name());
            }
        }
        return List.copyOf(exits);
    }

    // The first exception in the list wins, so a single day can be carved out of a longer closure.
    private static Optional<CalendarException> exceptionOn(CalendarSpec spec, LocalDate date) {
        for (CalendarException exception : Lists.orEmpty(spec.exceptions())) {
            boolean single = exception.date() != null;
            LocalDate first = CalendarDates.parse(single ? exception.date() : exception.from()).orElseThrow();
            LocalDate last = single ? first : CalendarDates.parse(exception.to()).orElseThrow();
            if (!date.isBefore(first) && !date.isAfter(last)) return Optional.of(exception);
        }
        return Optional.empty();
    }

    private Optional<CalendarDecision> holidayOn(HolidayRegion region, LocalDate date) {
        if (region == null) return Optional.empty();
        List<String> path = holidays.regionPath(region.country(), region.region()).orElseThrow();
        return holidays.holidayOn(region.country(), path, date).map(holiday -> new CalendarDecision(
                CalendarDecision.HOLIDAY, "public holiday " + holiday.name() + " (" + region.describe() + ")"));
    }

    private static CalendarDecision hoursDecision(String source, List<String> hours, LocalTime time) {
        if (hours == null || hours.isEmpty()) {
            return new CalendarDecision(CalendarDecision.CLOSED, source + ": closed all day");
        }
        for (String text : hours) {
            if (TimeRange.parse(text).orElseThrow().contains(time)) {
                return new CalendarDecision(CalendarDecision.OPEN, source + " " + text);
            }
        }
        return new CalendarDecision(CalendarDecision.CLOSED, source + ": closed outside " + String.join(", ", hours));
    }
}
