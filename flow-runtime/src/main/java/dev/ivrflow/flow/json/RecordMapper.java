package dev.ivrflow.flow.json;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/** The Jackson mapper between records and trees, for both reading and canonical writing. */
final class RecordMapper {
    // Jackson 3 sorts properties alphabetically by default; a record without @JsonPropertyOrder should read
    // in its declaration order instead, which is the order its author chose.
    static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private RecordMapper() {
    }
}
