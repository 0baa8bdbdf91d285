package dev.ivrflow.flow.calendar;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Locale;

/**
 * Whose public holidays close the calendar: an ISO 3166 alpha-2 {@code country} Jollyday knows, and an
 * optional Jollyday {@code region} below it ("by" for Bavaria in DE). A deeper region is a path: "by/ag".
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"country", "region"})
public record HolidayRegion(String country, String region) {

    public static HolidayRegion of(String country) {
        return new HolidayRegion(country, null);
    }

    /** "FR", or "DE-BY" with a region: how a holiday's origin is shown in a decision. */
    public String describe() {
        return region == null || region.isBlank() ? country : country + "-" + region.toUpperCase(Locale.ROOT);
    }
}
