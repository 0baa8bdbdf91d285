package dev.ivrflow.flow.calendar;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema fragment the designer builds its calendar form from, and the flow schema embeds. */
class CalendarSchemaTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNode SCHEMA_NODE = MAPPER.readTree(CalendarSchema.json());
    private static final Schema SCHEMA =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(SCHEMA_NODE);

    @Test
    void shouldAcceptTheDocumentedExample() {
        assertThat(validate(CalendarSpecJsonTest.EXAMPLE)).isEmpty();
    }

    @Test
    void shouldAcceptWhatTheRecordsWrite() {
        CalendarSpec spec = MAPPER.readValue(CalendarSpecJsonTest.EXAMPLE, CalendarSpec.class);

        assertThat(validate(MAPPER.writeValueAsString(spec))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "{\"timeZone\": \"UTC\", \"colour\": \"red\"}",
            "{\"timeZone\": \"UTC\", \"weekly\": {\"monday\": []}}",
            "{\"timeZone\": \"UTC\", \"weekly\": {\"mon\": [\"9-5\"]}}",
            "{\"timeZone\": \"UTC\", \"weekly\": {\"mon\": [\"24:00-24:00\"]}}",
            "{\"timeZone\": \"UTC\", \"exceptions\": [{\"date\": \"2026-12-24\", \"from\": \"2026-12-24\", \"to\": \"2026-12-25\"}]}",
            "{\"timeZone\": \"UTC\", \"exceptions\": [{\"date\": \"2026-12-24\", \"to\": \"2026-12-25\"}]}",
            "{\"timeZone\": \"UTC\", \"exceptions\": [{\"from\": \"2026-12-24\"}]}",
            "{\"timeZone\": \"UTC\", \"exceptions\": [{\"label\": \"no date\"}]}",
            "{\"timeZone\": \"UTC\", \"exceptions\": [{\"date\": \"24/12/2026\"}]}",
            "{\"timeZone\": \"UTC\", \"holidays\": {\"region\": \"by\"}}",
            "{\"timeZone\": \"UTC\", \"holidays\": {\"country\": \"fr\"}}",
            "{\"timeZone\": \"UTC\", \"ranges\": [{\"times\": [\"12:00-13:00\"]}]}",
            "{\"timeZone\": \"UTC\", \"ranges\": [{\"name\": \"open\"}]}",
            "{\"timeZone\": \"UTC\", \"ranges\": [{\"name\": \"1st\"}]}",
            "{\"timeZone\": \"UTC\", \"ranges\": [{\"name\": \"a\", \"weekdays\": [\"monday\"]}]}",
            "{\"timeZone\": \"UTC\", \"ranges\": [{\"name\": \"a\", \"daysOfMonth\": [\"32\"]}]}",
            "{\"timeZone\": \"UTC\", \"ranges\": [{\"name\": \"a\", \"months\": [\"july\"]}]}",
            "{\"timeZone\": \"+01:00\"}"})
    void shouldRefuseWhatTheValidatorAlsoRefuses(String json) {
        assertThat(validate(json)).isNotEmpty();
    }

    @Test
    void shouldGiveEveryPropertyATitleAndADescription() {
        List<String> visited = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        walk(SCHEMA_NODE, "", (pointer, node) -> {
            visited.add(pointer);
            if (!node.has("title") || !node.has("description")) missing.add(pointer);
        });

        assertThat(visited).hasSizeGreaterThan(30).contains("/properties/ranges/items/properties/months/items");
        assertThat(missing).isEmpty();
    }

    @Test
    void shouldCloseEveryObjectAgainstUnknownProperties() {
        List<String> open = new ArrayList<>();
        walk(SCHEMA_NODE, "", (pointer, node) -> {
            JsonNode additional = node.path("additionalProperties");
            if (node.has("properties") && !(additional.isBoolean() && !additional.asBoolean())) open.add(pointer);
        });

        assertThat(open).isEmpty();
        assertThat(SCHEMA_NODE.get("required").toString()).isEqualTo("[\"timeZone\"]");
    }

    @Test
    void shouldBeEmbeddableWithoutIdsOrReferences() {
        String text = CalendarSchema.json();

        assertThat(text).doesNotContain("\"$id\"", "\"$ref\"", "\"$schema\"", "\"$defs\"", "\"$anchor\"");
    }

    @Test
    void shouldUseTheSamePatternsAsTheValidator() {
        JsonNode properties = SCHEMA_NODE.get("properties");
        JsonNode range = properties.at("/ranges/items/properties");

        assertThat(properties.at("/weekly/properties/mon/items/pattern").asString()).isEqualTo(TimeRange.PATTERN);
        assertThat(properties.at("/exceptions/items/properties/hours/items/pattern").asString())
                .isEqualTo(TimeRange.PATTERN);
        assertThat(range.at("/times/items/pattern").asString()).isEqualTo(TimeRange.PATTERN);
        assertThat(properties.at("/exceptions/items/properties/date/pattern").asString())
                .isEqualTo(CalendarDates.PATTERN);
        assertThat(range.at("/weekdays/items/pattern").asString()).isEqualTo(CyclicSpan.WEEKDAY_PATTERN);
        assertThat(range.at("/daysOfMonth/items/pattern").asString()).isEqualTo(CyclicSpan.DAY_OF_MONTH_PATTERN);
        assertThat(range.at("/months/items/pattern").asString()).isEqualTo(CyclicSpan.MONTH_PATTERN);
        assertThat(range.at("/name/pattern").asString()).isEqualTo(NamedRangeChecks.NAME_PATTERN);
        for (String day : CalendarNames.DAYS) {
            assertThat(properties.at("/weekly/properties/" + day + "/items/pattern").asString())
                    .as(day).isEqualTo(TimeRange.PATTERN);
        }
        assertThat(properties.at("/weekly/properties").propertyNames()).containsExactlyElementsOf(CalendarNames.DAYS);
    }

    private static List<Error> validate(String json) {
        return SCHEMA.validate(json, InputFormat.JSON);
    }

    /** Calls {@code visit} on the root and on every schema under "properties" and "items". */
    private static void walk(JsonNode node, String pointer, BiConsumer<String, JsonNode> visit) {
        visit.accept(pointer, node);
        JsonNode properties = node.path("properties");
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            walk(property.getValue(), pointer + "/properties/" + property.getKey(), visit);
        }
        if (node.has("items")) walk(node.get("items"), pointer + "/items", visit);
    }
}
