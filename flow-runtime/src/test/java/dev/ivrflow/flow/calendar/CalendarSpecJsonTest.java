package dev.ivrflow.flow.calendar;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The records read and write exactly the calendar shape of the flow document. */
class CalendarSpecJsonTest {

    static final String EXAMPLE = """
            {
              "timeZone": "Europe/Paris",
              "weekly": { "mon": ["09:00-12:00", "13:00-17:30"], "tue": ["09:00-17:30"], "sat": [] },
              "exceptions": [
                { "date": "2026-12-24", "hours": ["09:00-12:00"], "label": "Christmas Eve" },
                { "from": "2026-08-01", "to": "2026-08-15", "hours": [], "label": "Summer closure" }
              ],
              "holidays": { "country": "FR", "region": null },
              "ranges": [
                { "name": "lunch", "times": ["12:00-13:00"], "weekdays": ["mon", "tue", "wed", "thu", "fri"], "daysOfMonth": ["1-31"], "months": ["jan-dec"] }
              ]
            }
            """;

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void shouldReadTheDocumentedShape() {
        // when
        CalendarSpec spec = mapper.readValue(EXAMPLE, CalendarSpec.class);

        // then
        assertThat(spec.timeZone()).isEqualTo("Europe/Paris");
        assertThat(spec.hoursOf("mon")).containsExactly("09:00-12:00", "13:00-17:30");
        assertThat(spec.hoursOf("sat")).isEmpty();
        assertThat(spec.hoursOf("sun")).isEmpty();
        assertThat(spec.exceptions()).containsExactly(
                CalendarException.on("2026-12-24", "Christmas Eve", "09:00-12:00"),
                CalendarException.between("2026-08-01", "2026-08-15", "Summer closure"));
        assertThat(spec.holidays()).isEqualTo(new HolidayRegion("FR", null));
        assertThat(spec.ranges()).containsExactly(new NamedRange("lunch", List.of("12:00-13:00"),
                List.of("mon", "tue", "wed", "thu", "fri"), List.of("1-31"), List.of("jan-dec")));
        assertThat(new CalendarValidator().validate(spec)).isEmpty();
    }

    @Test
    void shouldWriteFieldsInDocumentOrderDaysInWeekOrderAndNoNulls() {
        // given
        CalendarSpec spec = mapper.readValue(EXAMPLE, CalendarSpec.class);

        // when
        String json = mapper.writeValueAsString(spec);

        // then
        assertThat(json).isEqualTo("{\"timeZone\":\"Europe/Paris\","
                + "\"weekly\":{\"mon\":[\"09:00-12:00\",\"13:00-17:30\"],\"tue\":[\"09:00-17:30\"],\"sat\":[]},"
                + "\"exceptions\":[{\"date\":\"2026-12-24\",\"hours\":[\"09:00-12:00\"],\"label\":\"Christmas Eve\"},"
                + "{\"from\":\"2026-08-01\",\"to\":\"2026-08-15\",\"hours\":[],\"label\":\"Summer closure\"}],"
                + "\"holidays\":{\"country\":\"FR\"},"
                + "\"ranges\":[{\"name\":\"lunch\",\"times\":[\"12:00-13:00\"],"
                + "\"weekdays\":[\"mon\",\"tue\",\"wed\",\"thu\",\"fri\"],\"daysOfMonth\":[\"1-31\"],"
                + "\"months\":[\"jan-dec\"]}]}");
    }

    @Test
    void shouldRoundTripToAnEqualCalendar() {
        CalendarSpec spec = mapper.readValue(EXAMPLE, CalendarSpec.class);

        assertThat(mapper.readValue(mapper.writeValueAsString(spec), CalendarSpec.class)).isEqualTo(spec);
    }

    @Test
    void shouldWriteOnlyTheTimeZoneOfAMinimalCalendar() {
        assertThat(mapper.writeValueAsString(new CalendarSpec("UTC", null, null, null, null)))
                .isEqualTo("{\"timeZone\":\"UTC\"}");
    }

    @Test
    void shouldKeepGarbageForTheValidatorInsteadOfFailingToRead() {
        // given null items and unknown keys in places the schema would refuse
        String json = """
                {"weekly": {"mon": [null, "9-5"], "funday": []}, "exceptions": [null], "ranges": [{"weekdays": [null]}]}
                """;

        // when
        CalendarSpec spec = mapper.readValue(json, CalendarSpec.class);

        // then
        assertThat(new CalendarValidator().validate(spec)).extracting(CalendarProblem::pointer).containsExactly(
                "/timeZone", "/weekly/mon/0", "/weekly/mon/1", "/weekly/funday", "/exceptions/0", "/ranges/0/name",
                "/ranges/0/weekdays/0");
    }

    @Test
    void shouldBeImmutable() {
        CalendarSpec spec = mapper.readValue(EXAMPLE, CalendarSpec.class);

        assertThat(spec.weekly()).isUnmodifiable();
        assertThat(spec.hoursOf("mon")).isUnmodifiable();
        assertThat(spec.exceptions()).isUnmodifiable();
        assertThat(spec.ranges().getFirst().weekdays()).isUnmodifiable();
    }
}
