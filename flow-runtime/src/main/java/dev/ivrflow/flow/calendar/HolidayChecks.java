package dev.ivrflow.flow.calendar;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static dev.ivrflow.flow.calendar.Problems.quote;

/** Checks that the holiday country and region are ones Jollyday has data for. */
final class HolidayChecks {

    private HolidayChecks() {
    }

    static void check(Problems problems, HolidayRegion holidays, PublicHolidays data) {
        if (holidays == null) return;
        String country = holidays.country();
        if (!data.knowsCountry(country)) {
            problems.add("/holidays/country", CalendarProblemCode.UNKNOWN_COUNTRY, "found " + quote(country)
                    + countryHint(country, data) + "; expected an upper-case ISO 3166 alpha-2 code with holiday"
                    + " data, such as FR, DE or US");
            return;
        }
        if (holidays.region() != null) checkRegion(problems, country, holidays.region(), data);
    }

    private static String countryHint(String country, PublicHolidays data) {
        if (country == null) return "";
        String upper = country.toUpperCase(Locale.ROOT);
        return !upper.equals(country) && data.knowsCountry(upper) ? " (write it as " + upper + ")" : "";
    }

    // Walks "by/ag" one level at a time, so the message can name the part that is wrong and list its siblings.
    private static void checkRegion(Problems problems, String country, String region, PublicHolidays data) {
        List<String> path = new ArrayList<>();
        for (String part : region.split("/", -1)) {
            List<String> known = data.subRegions(country, path);
            Optional<String> key = known.stream().filter(part::equalsIgnoreCase).findFirst();
            if (key.isEmpty()) {
                String where = path.isEmpty() ? country : country + " " + String.join("/", path);
                String expected = known.isEmpty()
                        ? "; " + where + " has no regions in the holiday data"
                        : "; expected one of " + String.join(", ", known);
                problems.add("/holidays/region", CalendarProblemCode.UNKNOWN_REGION,
                        "found " + quote(region) + ", and " + quote(part) + " is not a region of " + where + expected);
                return;
            }
            path.add(key.get());
        }
    }
}
