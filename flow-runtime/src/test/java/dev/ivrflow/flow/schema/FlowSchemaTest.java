package dev.ivrflow.flow.schema;

import dev.ivrflow.flow.model.NodeType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FlowSchemaTest {
    /** The widgets the designer implements; a new one needs a designer change first. */
    private static final Set<String> WIDGETS = Set.of("prompt", "expression", "template", "nodeRef", "flowRef", "variable",
            "symbol:queue", "symbol:gateway", "symbol:profile", "symbol:mailbox", "symbol:calendar", "symbol:prompt",
            "symbol:conferenceProfile", "menuOptions", "intents", "calendar", "keyValue", "localizedText");

    private final JsonNode schema = FlowSchema.document();

    @Test
    void shouldBeAValidDraft202012Schema() {
        assertThat(schema.get("$schema").asString()).isEqualTo(SchemaCompiler.META_SCHEMA);
        assertThat(schema.get("$id").asString()).isEqualTo(FlowSchema.ID);
        assertThat(SchemaCompiler.checkAgainstMetaSchema(schema)).isEmpty();
    }

    @Test
    void shouldDefineTheSettingsOfEveryNodeType() {
        for (NodeType type : NodeType.values()) {
            JsonNode settings = schema.at("/$defs/" + FlowSchema.settingsDef(type));
            assertThat(settings.isObject()).as(type.json()).isTrue();
            assertThat(settings.get("type").asString()).as(type.json()).isEqualTo("object");
        }
        assertThat(schema.at("/$defs/calendar/properties/timeZone").isObject()).isTrue();
    }

    @Test
    void shouldRouteNodeSettingsByTypeWithIfThenNotOneOf() {
        // given
        JsonNode node = schema.at("/$defs/node");

        // then
        List<String> names = new ArrayList<>();
        node.at("/properties/type/enum").forEach(n -> names.add(n.asString()));
        assertThat(names).containsExactlyElementsOf(Arrays.stream(NodeType.values()).map(NodeType::json).toList());
        assertThat(node.has("oneOf")).isFalse();
        assertThat(node.get("allOf")).hasSize(NodeType.values().length);
        for (JsonNode route : node.get("allOf")) {
            String type = route.at("/if/properties/type/const").asString();
            assertThat(route.at("/if/required/0").asString()).isEqualTo("type");
            assertThat(route.at("/then/properties/settings/$ref").asString()).isEqualTo("#/$defs/" + type + "Settings");
        }
    }

    @Test
    void shouldGiveEveryPropertyATitleAndADescription() {
        List<String> missing = new ArrayList<>();
        SchemaWalk.properties(schema, (pointer, property) -> {
            if (!property.path("title").isString() || property.get("title").asString().isBlank()) missing.add(pointer + " (title)");
            if (!property.path("description").isString() || property.get("description").asString().isBlank()) missing.add(pointer + " (description)");
        });
        assertThat(missing).isEmpty();
    }

    @Test
    void shouldCloseEveryObject() {
        // node settings stay open in the node definition: the route for the node's type closes them
        List<String> open = new ArrayList<>();
        SchemaWalk.forms(schema, "", (pointer, s) -> {
            boolean object = s.has("properties") || "object".equals(s.path("type").asString(""));
            JsonNode additional = s.get("additionalProperties");
            boolean closed = s.has("properties") ? additional != null && additional.isBoolean() && !additional.asBoolean()
                    : additional != null && (additional.isObject() || !additional.asBoolean());
            if (object && !closed && !pointer.equals("/$defs/node/properties/settings")) open.add(pointer);
        });
        assertThat(open).isEmpty();
    }

    @Test
    void shouldOnlyUseWidgetsTheDesignerKnows() {
        List<String> unknown = new ArrayList<>();
        SchemaWalk.forms(schema, "", (pointer, s) -> {
            if (s.has("x-widget") && !WIDGETS.contains(s.get("x-widget").asString())) unknown.add(pointer + ": " + s.get("x-widget"));
        });
        assertThat(unknown).isEmpty();
    }

    @Test
    void shouldGiveDefaultsThatTheirOwnSchemaAccepts() {
        List<String> wrong = new ArrayList<>();
        SchemaWalk.forms(schema, "", (pointer, s) -> {
            if (!s.has("default")) return;
            var copy = ((tools.jackson.databind.node.ObjectNode) s).deepCopy();
            copy.remove("default");
            var wrapper = ((tools.jackson.databind.node.ObjectNode) schema.deepCopy());
            wrapper.remove("$id");
            wrapper.remove("required");
            wrapper.remove("properties");
            wrapper.remove("additionalProperties");
            wrapper.remove("type");
            wrapper.setAll(copy);
            if (!SchemaCompiler.compile(wrapper).validate(s.get("default")).isEmpty()) wrong.add(pointer);
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void shouldServeTheSameDocumentAsText() {
        assertThat(JsonMapper.builder().build().readTree(FlowSchema.json())).isEqualTo(schema);
        assertThat(FlowSchema.json()).endsWith("}\n");
    }

    @Test
    void shouldNotLetCallersChangeTheSchemaInUse() {
        // given
        ((tools.jackson.databind.node.ObjectNode) FlowSchema.document()).put("title", "changed");

        // then
        assertThat(FlowSchema.document().get("title").asString()).isEqualTo("IVR flow");
        assertThat(FlowSchema.compiled().getSchemaNode().get("title").asString()).isEqualTo("IVR flow");
    }

    @Test
    void shouldDescribeEnvironmentsWithTheSameRules() {
        JsonNode environment = EnvironmentSchema.document();
        assertThat(SchemaCompiler.checkAgainstMetaSchema(environment)).isEmpty();
        List<String> problems = new ArrayList<>();
        SchemaWalk.properties(environment, (pointer, p) -> {
            if (!p.has("title") || !p.has("description")) problems.add(pointer);
        });
        SchemaWalk.forms(environment, "", (pointer, s) -> {
            if (s.has("properties") && s.path("additionalProperties").asBoolean(true)) problems.add(pointer);
        });
        assertThat(problems).isEmpty();
    }
}
