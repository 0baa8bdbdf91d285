package dev.ivrflow.app.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/calendar/preview}: what a calendar node decides at an instant, and a 400 naming every problem
 * (a JSON Pointer under /settings, or /at) for anything else. The environment binds the shared calendar
 * paris-office (Mon 09-12 and 14-18, Tue 09-18, French holidays).
 */
class CalendarPreviewApiTest extends ApiTestSupport {
    /** main-line's calendar, in New York, with a lunch range. */
    private static final String NEW_YORK = """
            {"calendar": {
              "timeZone": "America/New_York",
              "weekly": {"mon": ["08:00-18:00"], "tue": ["08:00-18:00"], "wed": ["08:00-18:00"],
                         "thu": ["08:00-18:00"], "fri": ["08:00-18:00"], "sat": ["09:00-13:00"], "sun": []},
              "exceptions": [{"date": "2026-11-27", "hours": [], "label": "Day after Thanksgiving"},
                             {"date": "2026-12-24", "hours": ["08:00-12:00"], "label": "Christmas Eve (early close)"}],
              "holidays": {"country": "US"}
            }}""";
    private static final String WITH_LUNCH = NEW_YORK.replace("\"holidays\"",
            "\"ranges\": [{\"name\": \"lunch\", \"times\": [\"12:00-13:00\"], \"weekdays\": [\"mon-fri\"]}], \"holidays\"");

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        registry.add("ivr.runtime.environment", () -> DesignerEnvironmentFile.write(dataDir));
    }

    private WebTestClient.ResponseSpec preview(WebTestClient as, String body) {
        return as.post().uri("/api/calendar/preview").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body.getBytes(StandardCharsets.UTF_8)).exchange();
    }

    private JsonNode decide(String settings, String at) {
        byte[] body = preview(viewer(), "{\"settings\": " + settings + ", \"at\": \"" + at + "\"}").expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().returnResult().getResponseBodyContent();
        return json(body);
    }

    private JsonNode refused(String body) {
        return problem(preview(viewer(), body), 400);
    }

    @Test
    void shouldDecideOpenWithinTheWeeklyHoursAndGiveTheTimeInTheCalendarsZone() {
        JsonNode d = decide(NEW_YORK, "2026-03-04T15:00:00Z");

        assertThat(d.path("decision").asString()).isEqualTo("open");
        assertThat(d.path("exit").asString()).isEqualTo("open");
        assertThat(d.path("reason").asString()).isEqualTo("weekly hours wed 08:00-18:00");
        assertThat(d.path("localTime").asString()).isEqualTo("2026-03-04T10:00:00-05:00");
        assertThat(d.path("timeZone").asString()).isEqualTo("America/New_York");
    }

    @Test
    void shouldDecideClosedOutsideTheHoursAndOnADatedException() {
        JsonNode evening = decide(NEW_YORK, "2026-03-04T19:30:00-05:00");
        assertThat(evening.path("decision").asString()).isEqualTo("closed");
        assertThat(evening.path("exit").asString()).isEqualTo("closed");
        assertThat(evening.path("reason").asString()).contains("closed outside 08:00-18:00");

        JsonNode afterThanksgiving = decide(NEW_YORK, "2026-11-27T10:00:00-05:00");
        assertThat(afterThanksgiving.path("decision").asString()).isEqualTo("closed");
        assertThat(afterThanksgiving.path("reason").asString()).contains("Day after Thanksgiving");
    }

    @Test
    void shouldDecideHolidayOnAPublicHolidayAndSayWhich() {
        JsonNode d = decide(NEW_YORK, "2026-12-25T10:00:00-05:00");

        assertThat(d.path("decision").asString()).isEqualTo("holiday");
        assertThat(d.path("exit").asString()).isEqualTo("holiday");
        assertThat(d.path("reason").asString()).startsWith("public holiday ").contains("Christmas").endsWith("(US)");
    }

    @Test
    void shouldTakeANamedRangesExitAndStillSayWhatTheHoursDecide() {
        JsonNode lunch = decide(WITH_LUNCH, "2026-03-04T12:30:00-05:00");

        assertThat(lunch.path("exit").asString()).isEqualTo("lunch");
        assertThat(lunch.path("decision").asString()).isEqualTo("open");
        assertThat(lunch.path("reason").asString()).isEqualTo("range lunch");

        JsonNode saturday = decide(WITH_LUNCH, "2026-03-07T12:30:00-05:00");
        assertThat(saturday.path("exit").asString()).as("the range is mon-fri").isEqualTo("open");
    }

    @Test
    void shouldResolveASharedCalendarThroughTheEnvironment() {
        JsonNode lunchBreak = decide("{\"ref\": \"paris-office\"}", "2026-03-02T13:00:00+01:00");
        assertThat(lunchBreak.path("decision").asString()).isEqualTo("closed");
        assertThat(lunchBreak.path("localTime").asString()).isEqualTo("2026-03-02T13:00:00+01:00");

        JsonNode morning = decide("{\"ref\": \"paris-office\"}", "2026-03-02T09:00:00Z");
        assertThat(morning.path("decision").asString()).isEqualTo("open");
        assertThat(morning.path("localTime").asString()).isEqualTo("2026-03-02T10:00:00+01:00");
    }

    @Test
    void shouldRefuseAnUnknownSharedCalendarAtItsName() {
        JsonNode p = refused("{\"settings\": {\"ref\": \"tokyo-office\"}, \"at\": \"2026-03-02T10:00:00+01:00\"}");

        assertThat(pointers(p)).containsExactly("/settings/ref");
        assertThat(p.path("errors").get(0).path("message").asString()).contains("tokyo-office");
        assertThat(p.path("errors").get(0).path("expected").asString()).contains("paris-office");
    }

    @Test
    void shouldListEveryProblemOfTheCalendarAndTheInstantAtOnce() {
        String settings = """
                {"calendar": {
                  "timeZone": "Mars/Olympus_Mons",
                  "weekly": {"mon": ["09:00-12:00", "18:00-08:00"]},
                  "exceptions": [{"from": "2026-12-31", "to": "2026-12-24"}],
                  "holidays": {"country": "DE", "region": "zz"}
                }}""";

        JsonNode p = refused("{\"settings\": " + settings + ", \"at\": \"next tuesday\"}");

        assertThat(pointers(p)).containsExactlyInAnyOrder("/settings/calendar/timeZone",
                "/settings/calendar/weekly/mon/1", "/settings/calendar/exceptions/0/to", "/settings/calendar/holidays/region",
                "/at");
        for (JsonNode e : p.path("errors")) {
            assertThat(e.path("message").asString()).as(e.toString()).isNotBlank();
            assertThat(e.path("expected").asString()).as(e.toString()).isNotBlank();
        }
        assertThat(p.path("errors").toString()).contains("Mars/Olympus_Mons", "18:00-08:00", "zz");
    }

    @Test
    void shouldRefuseSettingsTheSchemaRefusesAtTheirPlace() {
        JsonNode typo = refused("{\"settings\": {\"calendar\": {\"timeZone\": \"Europe/Paris\", \"weekly\": "
                + "{\"mon\": [\"9-17\"]}}}, \"at\": \"2026-03-02T10:00:00+01:00\"}");
        assertThat(pointers(typo)).containsExactly("/settings/calendar/weekly/mon/0");

        JsonNode both = refused("{\"settings\": {\"calendar\": {\"timeZone\": \"Europe/Paris\"}, \"ref\": \"paris-office\"},"
                + " \"at\": \"2026-03-02T10:00:00+01:00\"}");
        assertThat(pointers(both)).allMatch(pointer -> pointer.startsWith("/settings"));

        JsonNode neither = refused("{\"settings\": {}, \"at\": \"2026-03-02T10:00:00+01:00\"}");
        assertThat(pointers(neither)).allMatch(pointer -> pointer.startsWith("/settings"));

        JsonNode unknown = refused("{\"settings\": {\"calendar\": {\"timeZone\": \"Europe/Paris\"}, \"colour\": \"red\"},"
                + " \"at\": \"2026-03-02T10:00:00+01:00\"}");
        assertThat(pointers(unknown)).allMatch(pointer -> pointer.startsWith("/settings"));
        assertThat(unknown.path("errors").toString()).contains("colour");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-03-02T10:00:00\"", "\"2026-03-02\"", "\"\"", "1772442000", "null", "{}"})
    void shouldRefuseAnInstantWithoutAnOffsetAtAt(String at) {
        JsonNode p = refused("{\"settings\": " + NEW_YORK + ", \"at\": " + at + "}");

        assertThat(pointers(p)).containsExactly("/at");
        assertThat(p.path("errors").get(0).path("expected").asString()).contains("2026-03-02T10:00:00+01:00");
    }

    @Test
    void shouldRefuseAMissingInstantAndMissingSettings() {
        assertThat(pointers(refused("{\"settings\": " + NEW_YORK + "}"))).containsExactly("/at");
        assertThat(pointers(refused("{\"at\": \"2026-03-02T10:00:00+01:00\"}"))).containsExactly("/settings");
        assertThat(pointers(refused("{\"settings\": [1, 2], \"at\": \"2026-03-02T10:00:00+01:00\"}"))).containsExactly("/settings");
        assertThat(pointers(refused("{\"settings\": " + NEW_YORK + ", \"at\": \"2026-03-02T10:00:00+01:00\", \"zone\": 1}")))
                .containsExactly("/zone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[]", "\"settings\"", "{\"settings\": ", "{\"settings\": {\"calendar\": null}, \"at\": 1}",
            "{\"settings\": {\"calendar\": {\"timeZone\": 7, \"weekly\": {\"mon\": \"09:00-17:00\"}}}, \"at\": \"2026-03-02T10:00:00Z\"}",
            "{\"settings\": {\"ref\": \"../../etc/passwd\"}, \"at\": \"2026-03-02T10:00:00Z\"}",
            "{\"settings\": {\"calendar\": {\"timeZone\": \"Europe/Paris\", \"ranges\": [{\"name\": \"open\"}, null]}}, \"at\": \"2026-03-02T10:00:00Z\"}"})
    void shouldAnswerGarbageWithA400NeverA500(String body) {
        JsonNode p = refused(body);

        assertThat(p.path("detail").asString()).isNotBlank();
    }

    @Test
    void shouldBeOpenToViewersButNotToAnonymousCallers() {
        String body = "{\"settings\": " + NEW_YORK + ", \"at\": \"2026-03-04T15:00:00Z\"}";
        preview(client.mutateWith(org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf()), body)
                .expectStatus().isUnauthorized();
        preview(viewer(), body).expectStatus().isOk();
    }
}
