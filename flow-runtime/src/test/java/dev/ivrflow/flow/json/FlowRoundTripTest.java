package dev.ivrflow.flow.json;

import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.model.Node;
import dev.ivrflow.flow.model.NodeType;
import dev.ivrflow.flow.nodes.NodeKinds;
import dev.ivrflow.flow.nodes.calendar.CalendarSettings;
import dev.ivrflow.flow.nodes.menu.MenuSettings;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FlowRoundTripTest {
    private final FlowReader reader = new FlowReader();
    private final FlowWriter writer = new FlowWriter();

    @Test
    void shouldWriteACanonicalFileBackByteForByte() {
        // given
        byte[] canonical = Fixtures.bytes(Fixtures.ALL_NODE_TYPES);

        // when
        byte[] written = writer.write(read(canonical));

        // then
        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(new String(canonical, StandardCharsets.UTF_8));
        assertThat(written).isEqualTo(canonical);
    }

    @Test
    void shouldGiveIdenticalBytesWhenReadAndWrittenTwice() {
        // given the fixture minified, with its top-level keys in another order
        var mapper = JsonMapper.builder().build();
        var tree = (tools.jackson.databind.node.ObjectNode) mapper.readTree(Fixtures.bytes(Fixtures.ALL_NODE_TYPES));
        var shuffled = mapper.createObjectNode();
        List.of("layout", "nodes", "variables", "start", "fallback", "languages", "defaultLanguage", "description",
                "name", "id", "schema").forEach(k -> shuffled.set(k, tree.get(k)));
        byte[] messy = mapper.writeValueAsBytes(shuffled);

        // when
        byte[] first = writer.write(read(messy));
        byte[] second = writer.write(read(first));

        // then
        assertThat(second).isEqualTo(first);
        assertThat(first).isEqualTo(Fixtures.bytes(Fixtures.ALL_NODE_TYPES));
    }

    @Test
    void shouldUseEveryNodeTypeInTheFixture() {
        // when
        Flow flow = read(Fixtures.bytes(Fixtures.ALL_NODE_TYPES));

        // then
        assertThat(flow.nodes()).extracting(Node::type).contains(NodeType.values());
        for (Node node : flow.nodes()) {
            assertThat(node.settings()).as(node.id()).isInstanceOf(NodeKinds.settingsClass(node.type()));
        }
    }

    @Test
    void shouldBindSettingsToTheRecordsOfTheirNodeType() {
        // when
        Flow flow = read(Fixtures.bytes(Fixtures.ALL_NODE_TYPES));

        // then
        MenuSettings menu = flow.node("mainMenu").orElseThrow().settingsAs(MenuSettings.class);
        assertThat(menu.options()).hasSize(6);
        assertThat(menu.options().getFirst().phrases()).containsExactly("sales", "buy");
        assertThat(menu.prompt().byLanguage().get("fr-FR").file()).isEqualTo("ivr/fr/main_menu.wav");
        assertThat(menu.maxTries()).isEqualTo(3);
        CalendarSettings hours = flow.node("hours").orElseThrow().settingsAs(CalendarSettings.class);
        assertThat(hours.calendar().hoursOf("mon")).containsExactly("09:00-12:00", "13:00-18:00");
        assertThat(hours.calendar().holidays().country()).isEqualTo("FR");
    }

    @Test
    void shouldReadInitialValuesAsPlainJavaValues() {
        // when
        Flow flow = read(Fixtures.bytes(Fixtures.ALL_NODE_TYPES));

        // then
        var variables = flow.variablesOrEmpty();
        assertThat(variables.get("attempts").initial()).isEqualTo(0L);
        assertThat(variables.get("balance").initial()).isEqualTo(0.0d);
        assertThat(variables.get("vip").initial()).isEqualTo(false);
        assertThat(variables.get("tags").initial()).isEqualTo(List.of("ivr"));
        assertThat(variables.get("customer").initial()).isEqualTo(Map.of());
        assertThat(variables.get("issue").initial()).isNull();
    }

    @Test
    void shouldKeepNestedMapInitialValuesSortedAndLongsForIntegers() {
        // given
        String json = """
                {"schema": "ivr-flow/1", "id": "t", "name": "T", "defaultLanguage": "en-US", "start": "a",
                 "variables": {"m": {"type": "map", "initial": {"z": 1, "a": [2.5, "x", {"k": true}]}}},
                 "nodes": [{"id": "a", "type": "hangup", "settings": {}}]}
                """;

        // when
        Flow flow = reader.read(json).asOptional().orElseThrow();

        // then
        Object initial = flow.variablesOrEmpty().get("m").initial();
        assertThat(initial).isEqualTo(Map.of("a", List.of(2.5d, "x", Map.of("k", true)), "z", 1L));
        assertThat(List.copyOf(((Map<?, ?>) initial).keySet())).isEqualTo(List.of("a", "z"));
    }

    private Flow read(byte[] json) {
        ReadResult<Flow> result = reader.read(json);
        assertThat(result.errors()).isEmpty();
        return result.asOptional().orElseThrow();
    }
}
