package dev.ivrflow.flow.schema;

import dev.ivrflow.flow.model.NodeType;
import dev.ivrflow.flow.nodes.NodeValidators;
import dev.ivrflow.flow.validate.FieldRange;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The designer's form takes its limits from the schema and the validator from its own ranges, so the two must be
 * one set of limits: every range a node validator declares is the schema's bounds for the same field, and every
 * bounded number in the schema is a range its validator declares (a flow built in code is checked the same).
 */
class SchemaValidatorRangesTest {
    private static final List<String> BOUNDS = List.of("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum");

    private final JsonNode flowSchema = FlowSchema.document();
    private final NodeValidators validators = NodeValidators.standard();

    @Test
    void shouldGiveEveryValidatorRangeTheSchemasBoundsForThatField() {
        // given: the bounds as the validators declare them and as the schema states them, field by field
        Map<String, String> declared = new TreeMap<>();
        Map<String, String> stated = new TreeMap<>();
        for (NodeType type : NodeType.values()) {
            for (FieldRange<?> range : validators.get(type).ranges()) {
                String previous = declared.put(type.json() + range.pointer(), words(range));
                assertThat(previous).as("two ranges for " + type.json() + range.pointer()).isNull();
            }
            JsonNode fragment = flowSchema.at("/$defs/" + FlowSchema.settingsDef(type));
            SchemaWalk.properties(fragment, (pointer, property) -> {
                String bounds = words(property);
                if (bounds != null) stated.put(type.json() + fieldPointer(pointer), bounds);
            });
        }
        // when
        List<String> drift = new ArrayList<>();
        Set<String> fields = new TreeSet<>(declared.keySet());
        fields.addAll(stated.keySet());
        for (String field : fields) {
            String validator = declared.getOrDefault(field, "no range");
            String schema = stated.getOrDefault(field, "no bounds");
            if (!validator.equals(schema)) {
                drift.add(field + ": the validator has " + validator + ", the schema " + schema);
            }
        }
        // then
        assertThat(stated).as("the schema's bounded numbers").isNotEmpty();
        assertThat(drift).isEmpty();
    }

    @Test
    void shouldDescribeARangeTheWayTheSchemaStatesIt() {
        // given: a duration that must be more than zero, a count from one, and a version with no upper bound
        FieldRange<Object> above = FieldRange.above("/seconds", o -> 1, 0, 300, "seconds");
        FieldRange<Object> from = FieldRange.from("/times", o -> 1, 1, 100, "times");
        FieldRange<Object> atLeast = FieldRange.atLeast("/version", o -> 1, 1, null);
        // then
        assertThat(words(above)).isEqualTo("exclusiveMinimum 0, maximum 300");
        assertThat(words(from)).isEqualTo("minimum 1, maximum 100");
        assertThat(words(atLeast)).isEqualTo("minimum 1");
        assertThat(above.contains(0)).isFalse();
        assertThat(above.contains(300)).isTrue();
        assertThat(from.contains(1)).isTrue();
        assertThat(from.contains(101)).isFalse();
        assertThat(atLeast.contains(Integer.MAX_VALUE)).isTrue();
    }

    /** "minimum 1, maximum 10", in the schema's own keywords. */
    private static String words(FieldRange<?> range) {
        List<String> out = new ArrayList<>();
        out.add((range.minExcluded() ? "exclusiveMinimum " : "minimum ") + number(BigDecimal.valueOf(range.min())));
        if (range.max() != null) out.add("maximum " + number(BigDecimal.valueOf(range.max())));
        return String.join(", ", out);
    }

    /** The same words for a schema property, or null when it states no bound. */
    private static String words(JsonNode property) {
        List<String> out = new ArrayList<>();
        for (String keyword : BOUNDS) {
            if (property.has(keyword)) out.add(keyword + " " + number(property.get(keyword).decimalValue()));
        }
        return out.isEmpty() ? null : String.join(", ", out);
    }

    private static String number(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    /** "/properties/grammar/properties/uri" in the fragment is "/grammar/uri" in the settings. */
    private static String fieldPointer(String schemaPointer) {
        return schemaPointer.replace("/properties/", "/").replace("/items", "/*").replace("/additionalProperties", "/*");
    }
}
