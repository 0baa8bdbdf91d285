package dev.ivrflow.flow.calendar;

import de.focus_shift.jollyday.core.CalendarHierarchy;
import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * Public holidays by country and region, read from the data bundled in Jollyday (offline). A Jollyday
 * manager parses a whole country's XML when it is built, so each country's manager is built once and shared;
 * the managers themselves are safe to call from many threads.
 */
public final class PublicHolidays {

    private static final PublicHolidays SHARED = new PublicHolidays();
    private static final Pattern ALPHA2 = Pattern.compile("^[A-Z]{2}$");
    private static final Set<String> SUPPORTED = Set.copyOf(HolidayManager.getSupportedCalendarCodes());

    private final ConcurrentMap<String, HolidayManager> managers = new ConcurrentHashMap<>();

    /** The process-wide instance, so every calendar node shares the parsed holiday data. */
    public static PublicHolidays shared() {
        return SHARED;
    }

    /** True for an upper-case ISO 3166 alpha-2 code Jollyday has data for. */
    public boolean knowsCountry(String country) {
        return country != null && ALPHA2.matcher(country).matches() && SUPPORTED.contains(country);
    }

    /** The region keys directly below a path ("" = the country), sorted; empty when the path is unknown. */
    public List<String> subRegions(String country, List<String> path) {
        CalendarHierarchy node = manager(country).getCalendarHierarchy();
        for (String key : path) {
            node = node.getChildren().get(key);
            if (node == null) return List.of();
        }
        return List.copyOf(new TreeSet<>(node.getChildren().keySet()));
    }

    /**
     * The region path in Jollyday's own spelling for "by" or "by/ag" (matched ignoring case), the empty path
     * for no region, or empty when some part of it is unknown.
     */
    public Optional<List<String>> regionPath(String country, String region) {
        if (region == null) return Optional.of(List.of());
        List<String> path = new ArrayList<>();
        for (String part : region.split("/", -1)) {
            Optional<String> key = subRegions(country, path).stream().filter(part::equalsIgnoreCase).findFirst();
            if (key.isEmpty()) return Optional.empty();
            path.add(key.get());
        }
        return Optional.of(List.copyOf(path));
    }

    /**
     * The day off observed on {@code date}, if any. Observances (days marked but not taken off) do not count.
     * Neighbouring years are searched too: Jollyday files an observed day under the holiday's own year, and
     * US New Year's Day 2022 is observed on 2021-12-31.
     */
    public Optional<PublicHoliday> holidayOn(String country, List<String> regionPath, LocalDate date) {
        HolidayManager manager = manager(country);
        String[] args = regionPath.toArray(String[]::new);
        Set<String> names = new TreeSet<>();
        for (int year = date.getYear() - 1; year <= date.getYear() + 1; year++) {
            for (Holiday holiday : manager.getHolidays(Year.of(year), args)) {
                if (holiday.getType() != HolidayType.OBSERVANCE && holiday.getDate().equals(date)) {
                    names.add(holiday.getDescription(Locale.ENGLISH));
                }
            }
        }
        return names.isEmpty() ? Optional.empty() : Optional.of(new PublicHoliday(date, String.join(" / ", names)));
    }

    private HolidayManager manager(String country) {
        if (!knowsCountry(country)) throw new IllegalArgumentException("unknown holiday country: " + country);
        return managers.computeIfAbsent(country, PublicHolidays::load);
    }

    /**
     * jollyday finds its holiday data through a ServiceLoader on the thread's context class loader. Inside the
     * packaged application (a Spring Boot jar) a thread of the common fork-join pool has the system class loader,
     * which cannot see the nested jars, so the lookup failed on whichever thread first asked for a country. The
     * manager is made with this library's own class loader, whatever thread asks.
     */
    private static HolidayManager load(String country) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(PublicHolidays.class.getClassLoader());
        try {
            return HolidayManager.getInstance(ManagerParameters.create(country));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
