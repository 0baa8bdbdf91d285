package dev.ivrflow.flow.schema;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.ivrflow.flow.calendar.CalendarSpec;
import dev.ivrflow.flow.model.Environment;
import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.model.Node;
import dev.ivrflow.flow.model.NodeType;
import dev.ivrflow.flow.model.Position;
import dev.ivrflow.flow.model.PromptVariant;
import dev.ivrflow.flow.model.VariableDecl;
import dev.ivrflow.flow.nodes.NodeKinds;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema and the records describe the same documents, so neither can drift: every record component is a
 * property of its schema and every property a component, in the order the records write them, down through
 * nested records; and every schema default means what the record does when the value is left out.
 */
class SchemaRecordsAgreementTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build();

    private final JsonNode flowSchema = FlowSchema.document();

    @Test
    void shouldMatchEverySettingsRecordWithItsFragment() {
        List<String> drift = new ArrayList<>();
        for (NodeType type : NodeType.values()) {
            compare(NodeKinds.settingsClass(type), flowSchema.at("/$defs/" + FlowSchema.settingsDef(type)), flowSchema,
                    type.json() + "Settings", drift);
        }
        assertThat(drift).isEmpty();
    }

    @Test
    void shouldMatchTheDocumentRecordsWithTheBaseSchema() {
        List<String> drift = new ArrayList<>();
        compare(Flow.class, flowSchema, flowSchema, "flow", drift);
        compare(Node.class, flowSchema.at("/$defs/node"), flowSchema, "node", drift);
        compare(VariableDecl.class, flowSchema.at("/$defs/variableDecl"), flowSchema, "variableDecl", drift);
        compare(PromptVariant.class, flowSchema.at("/$defs/promptVariant"), flowSchema, "promptVariant", drift);
        compare(Position.class, flowSchema.at("/$defs/position"), flowSchema, "position", drift);
        compare(CalendarSpec.class, flowSchema.at("/$defs/calendar"), flowSchema, "calendar", drift);
        JsonNode environment = EnvironmentSchema.document();
        compare(Environment.class, environment, environment, "environment", drift);
        assertThat(drift).isEmpty();
    }

    @Test
    void shouldGiveEachSchemaDefaultTheMeaningOfLeavingTheValueOut() throws Exception {
        List<String> disagreements = new ArrayList<>();
        for (NodeType type : NodeType.values()) {
            Class<?> settings = NodeKinds.settingsClass(type);
            JsonNode fragment = flowSchema.at("/$defs/" + FlowSchema.settingsDef(type));
            Object omitted = MAPPER.treeToValue(MAPPER.createObjectNode(), settings);
            for (var p : fragment.path("properties").properties()) {
                if (!p.getValue().has("default")) continue;
                ObjectNode explicit = MAPPER.createObjectNode();
                explicit.set(p.getKey(), p.getValue().get("default"));
                Object given = MAPPER.treeToValue(explicit, settings);
                for (Method m : derived(settings)) {
                    if (!Objects.equals(m.invoke(omitted), m.invoke(given))) {
                        disagreements.add(type.json() + "." + p.getKey() + ": " + m.getName() + "() is " + m.invoke(omitted)
                                + " when left out but " + m.invoke(given) + " with the default");
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void shouldStateEveryOrDefaultValueAsTheSchemaDefaultOfItsField() throws Exception {
        // given: each xOrDefault() of a settings record, and the field it stands in for (x, xSeconds or xMs)
        List<String> disagreements = new ArrayList<>();
        for (NodeType type : NodeType.values()) {
            Class<?> settings = NodeKinds.settingsClass(type);
            JsonNode properties = flowSchema.at("/$defs/" + FlowSchema.settingsDef(type) + "/properties");
            Object omitted = MAPPER.treeToValue(MAPPER.createObjectNode(), settings);
            for (Method m : derived(settings)) {
                if (!m.getName().endsWith("OrDefault")) continue;
                String stem = m.getName().substring(0, m.getName().length() - "OrDefault".length());
                List<String> fields = properties.propertyNames().stream()
                        .filter(p -> p.equals(stem) || p.equals(stem + "Seconds") || p.equals(stem + "Ms")).toList();
                String where = type.json() + "." + m.getName() + "()";
                // when
                if (fields.size() != 1) {
                    disagreements.add(where + " stands in for no single field of the schema, but for " + fields);
                    continue;
                }
                JsonNode stated = properties.get(fields.getFirst()).get("default");
                Object value = m.invoke(omitted);
                // then
                if (stated == null) {
                    disagreements.add(where + " is " + value + ", but the schema gives " + fields.getFirst()
                            + " no default");
                } else if (!Objects.equals(value, MAPPER.treeToValue(stated, boxed(m.getReturnType())))) {
                    disagreements.add(where + " is " + value + ", but the schema's default for " + fields.getFirst()
                            + " is " + stated);
                }
            }
        }
        assertThat(disagreements).isEmpty();
    }

    private static Class<?> boxed(Class<?> type) {
        if (type == int.class) return Integer.class;
        if (type == long.class) return Long.class;
        if (type == double.class) return Double.class;
        if (type == boolean.class) return Boolean.class;
        return type;
    }

    /** The record's own behaviour: public no-argument methods that are not its components or Object's. */
    private static List<Method> derived(Class<?> record) {
        List<String> components = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
        return Arrays.stream(record.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getParameterCount() == 0 && !components.contains(m.getName()))
                .filter(m -> !List.of("toString", "hashCode").contains(m.getName()))
                .toList();
    }

    private static void compare(Class<?> record, JsonNode schema, JsonNode root, String where, List<String> drift) {
        schema = resolve(schema, root);
        List<String> properties = new ArrayList<>(schema.path("properties").propertyNames());
        List<String> components = jsonOrder(record);
        if (!properties.equals(components)) {
            drift.add(where + ": record " + record.getSimpleName() + " writes " + components + " but the schema has " + properties);
        }
        for (RecordComponent c : record.getRecordComponents()) {
            JsonNode property = schema.path("properties").get(c.getName());
            if (property == null) continue;
            Type nested = nestedRecord(c.getGenericType(), property, root);
            if (nested instanceof Class<?> cls) compare(cls, target(c.getGenericType(), property, root), root, where + "." + c.getName(), drift);
        }
    }

    /** The JSON order of a record's properties: its @JsonPropertyOrder, then the rest in declaration order. */
    private static List<String> jsonOrder(Class<?> record) {
        List<String> out = new ArrayList<>();
        JsonPropertyOrder order = record.getAnnotation(JsonPropertyOrder.class);
        if (order != null) out.addAll(List.of(order.value()));
        for (RecordComponent c : record.getRecordComponents()) if (!out.contains(c.getName())) out.add(c.getName());
        return out;
    }

    private static Type nestedRecord(Type type, JsonNode property, JsonNode root) {
        Class<?> raw = raw(type);
        if (raw.isRecord()) return writesItself(raw) ? null : raw;
        if (type instanceof ParameterizedType p && (List.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw))) {
            Type element = p.getActualTypeArguments()[p.getActualTypeArguments().length - 1];
            return raw(element).isRecord() && !writesItself(raw(element)) ? raw(element) : null;
        }
        return null;
    }

    /** The schema of the nested record: the property itself, its items, or its map values. */
    private static JsonNode target(Type type, JsonNode property, JsonNode root) {
        JsonNode p = resolve(property, root);
        Class<?> raw = raw(type);
        if (List.class.isAssignableFrom(raw)) return p.get("items");
        if (Map.class.isAssignableFrom(raw)) return p.get("additionalProperties");
        return p;
    }

    // A record with @JsonValue (a Prompt) is written as something else, a map; its variants are checked apart.
    private static boolean writesItself(Class<?> record) {
        return Arrays.stream(record.getMethods()).anyMatch(m -> m.isAnnotationPresent(JsonValue.class));
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) return c;
        if (type instanceof ParameterizedType p) return (Class<?>) p.getRawType();
        return Object.class;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode root) {
        while (schema != null && schema.has("$ref") && !schema.has("properties")) {
            schema = root.at(schema.get("$ref").asString().substring(1));
        }
        return schema;
    }
}
