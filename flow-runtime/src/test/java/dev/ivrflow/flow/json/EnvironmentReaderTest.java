package dev.ivrflow.flow.json;

import dev.ivrflow.flow.model.Environment;
import dev.ivrflow.flow.model.SymbolKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentReaderTest {
    private final EnvironmentReader reader = new EnvironmentReader();

    @Test
    void shouldReadBindingsAndSharedCalendars() {
        // given
        String json = """
                {
                  "queues": { "sales": "sales@default", "support": "support@default" },
                  "gateways": { "pstn": "provider1" },
                  "calendars": {
                    "office": { "timeZone": "Europe/Paris", "weekly": { "mon": ["09:00-17:00"] }, "holidays": { "country": "FR" } }
                  }
                }
                """;

        // when
        ReadResult<Environment> result = reader.read(json);

        // then
        assertThat(result.errors()).isEmpty();
        Environment env = result.asOptional().orElseThrow();
        assertThat(env.resolve(SymbolKind.QUEUE, "sales")).contains("sales@default");
        assertThat(env.resolve(SymbolKind.MAILBOX, "1000")).contains("1000");
        assertThat(env.calendar("office").orElseThrow().hoursOf("mon")).containsExactly("09:00-17:00");
    }

    @Test
    void shouldReportEveryErrorWithItsPointer() {
        // when
        List<DocumentError> errors = reader.read("""
                {"queues": {"sales": ""}, "trunks": {}, "gateways": {"bad name": "x"},
                 "calendars": {"office": {"weekly": {"monday": []}}}}""").errors();

        // then
        assertThat(errors).extracting(DocumentError::pointer).containsExactly(
                "/queues/sales", "/trunks", "/gateways/bad name", "/calendars/office", "/calendars/office/weekly/monday");
        assertThat(errors.get(1).message()).startsWith("unknown property 'trunks' (allowed: queues, gateways, prompts,");
        assertThat(errors.get(3).message()).isEqualTo("missing required property 'timeZone'");
    }
}
