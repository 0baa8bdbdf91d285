package dev.ivrflow.flow.json;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class FlowFormatterTest {
    private final FlowFormatter formatter = new FlowFormatter();

    @Test
    void shouldFormatADocumentIntoCanonicalForm() {
        // given
        byte[] messy = """
                {"nodes":[{"settings":{},"type":"hangup","id":"end"}],"start":"end","defaultLanguage":"en-US",
                    "name":"T","id":"t","schema":"ivr-flow/1","layout":{"end":{"y":2,"x":1}}}""".getBytes(StandardCharsets.UTF_8);

        // when
        FormatResult result = formatter.format(messy);

        // then
        assertThat(result).isInstanceOfSatisfying(FormatResult.Formatted.class, f -> assertThat(new String(f.bytes(), StandardCharsets.UTF_8))
                .isEqualTo("""
                        {
                          "schema": "ivr-flow/1",
                          "id": "t",
                          "name": "T",
                          "defaultLanguage": "en-US",
                          "start": "end",
                          "nodes": [
                            { "id": "end", "type": "hangup", "settings": {} }
                          ],
                          "layout": {
                            "end": { "x": 1, "y": 2 }
                          }
                        }
                        """));
    }

    @Test
    void shouldSayACanonicalFileIsCanonical() {
        assertThat(formatter.isCanonical(Fixtures.bytes(Fixtures.ALL_NODE_TYPES))).isTrue();
    }

    @Test
    void shouldSayAReindentedOrUnterminatedFileIsNotCanonical() {
        // given
        String canonical = Fixtures.text(Fixtures.ALL_NODE_TYPES);

        // then
        assertThat(formatter.isCanonical(canonical.replace("  ", "\t").getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(formatter.isCanonical(canonical.strip().getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(formatter.isCanonical(canonical.replace("\"x\": 0,", "\"x\": 0.0,").getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void shouldReturnTheErrorsOfAnInvalidDocumentInsteadOfBytes() {
        // when
        FormatResult result = formatter.format("{\"schema\": 1}".getBytes(StandardCharsets.UTF_8));

        // then
        assertThat(result).isInstanceOfSatisfying(FormatResult.Invalid.class,
                i -> assertThat(i.errors()).extracting(DocumentError::pointer).contains("/schema"));
        assertThat(formatter.isCanonical("{\"schema\": 1}".getBytes(StandardCharsets.UTF_8))).isFalse();
    }
}
