package dev.ivrflow.flow.schema;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaCompilerTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Test
    void shouldIgnoreDesignerAnnotations() {
        // given
        var schema = SchemaCompiler.compile(MAPPER.readTree("""
                {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
                 "properties": {"a": {"type": "integer", "x-widget": "anything", "x-order": 3}}}"""));

        // then
        assertThat(schema.validate(MAPPER.readTree("{\"a\": 1}"))).isEmpty();
        assertThat(schema.validate(MAPPER.readTree("{\"a\": \"b\"}"))).hasSize(1);
    }

    @Test
    void shouldRefuseAMisspelledKeyword() {
        assertThatThrownBy(() -> SchemaCompiler.compile(MAPPER.readTree("""
                {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "additionalproperties": false}""")))
                .hasMessageContaining("additionalproperties");
    }

    @Test
    void shouldFindWhatIsWrongWithASchema() {
        assertThat(SchemaCompiler.checkAgainstMetaSchema(MAPPER.readTree("{\"type\": \"text\", \"minimum\": \"one\"}"))).isNotEmpty();
    }
}
