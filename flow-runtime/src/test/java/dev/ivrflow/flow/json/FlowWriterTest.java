package dev.ivrflow.flow.json;

import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.model.Node;
import dev.ivrflow.flow.model.NodeType;
import dev.ivrflow.flow.model.Position;
import dev.ivrflow.flow.nodes.hangup.HangupSettings;
import dev.ivrflow.flow.nodes.say.SaySettings;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FlowWriterTest {
    private final FlowWriter writer = new FlowWriter();

    @Test
    void shouldChangeOnlyTheLayoutLinesWhenANodeMoves() {
        // given
        Flow flow = new FlowReader().read(Fixtures.bytes(Fixtures.ALL_NODE_TYPES)).asOptional().orElseThrow();
        Map<String, Position> layout = new HashMap<>(flow.layoutOrEmpty());
        layout.put("mainMenu", new Position(333, -42));

        // when
        List<String> before = writer.writeString(flow).lines().toList();
        List<String> after = writer.writeString(flow.withLayout(layout)).lines().toList();

        // then
        assertThat(after).hasSameSizeAs(before);
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) if (!before.get(i).equals(after.get(i))) changed.add(i);
        assertThat(changed).hasSize(1);
        assertThat(after.get(changed.getFirst())).isEqualTo("    \"mainMenu\": { \"x\": 333, \"y\": -42 },");
        assertThat(before.subList(0, before.indexOf("  \"layout\": {"))).doesNotContain(after.get(changed.getFirst()));
    }

    @Test
    void shouldPutTheLayoutLastAndEndWithANewline() {
        // when
        String text = writer.writeString(flow(List.of(hangup("end")), Map.of("end", new Position(10, 20))));

        // then
        assertThat(text).isEqualTo("""
                {
                  "schema": "ivr-flow/1",
                  "id": "t",
                  "name": "T",
                  "defaultLanguage": "en-US",
                  "start": "end",
                  "nodes": [
                    {
                      "id": "end",
                      "type": "hangup",
                      "settings": { "cause": "busy" }
                    }
                  ],
                  "layout": {
                    "end": { "x": 10, "y": 20 }
                  }
                }
                """);
    }

    @Test
    void shouldWriteSettingsInTheRecordsOrderAndLeaveNullsOut() {
        // given a record without @JsonPropertyOrder: its declaration order holds
        Node say = new Node("hello", NodeType.SAY, null, new SaySettings(Map.of("fr-FR", "Salut", "en-US", "Hi"), "v1", true),
                Map.of("next", "end"));

        // when
        String text = writer.writeString(flow(List.of(say, hangup("end")), null));

        // then
        assertThat(text).contains("""
                      "settings": {
                        "text": { "en-US": "Hi", "fr-FR": "Salut" },
                        "voice": "v1",
                        "bargeIn": true
                      },
                """);
        assertThat(text).doesNotContain("null").doesNotContain("label").doesNotContain("\"layout\"");
    }

    @Test
    void shouldWriteNonAsciiTextAsUtf8WithoutEscapes() {
        // given
        Node say = new Node("hello", NodeType.SAY, "Accueil – été", new SaySettings(Map.of("fr-FR", "Désolé ☎"), null, null),
                Map.of("next", "end"));

        // when
        byte[] bytes = writer.write(flow(List.of(say, hangup("end")), null));

        // then
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains("\"label\": \"Accueil – été\"").contains("\"fr-FR\": \"Désolé ☎\"").doesNotContain("\\u");
    }

    @Test
    void shouldGiveTheSameBytesForEqualFlowsBuiltDifferently() {
        // given the same maps filled in different orders
        Map<String, String> exitsA = new HashMap<>();
        exitsA.put("next", "end");
        exitsA.put("error", "end");
        Map<String, String> exitsB = new java.util.LinkedHashMap<>();
        exitsB.put("error", "end");
        exitsB.put("next", "end");
        Node a = new Node("x", NodeType.SAY, null, new SaySettings(Map.of("en-US", "Hi"), null, null), exitsA);
        Node b = new Node("x", NodeType.SAY, null, new SaySettings(Map.of("en-US", "Hi"), null, null), exitsB);

        // then
        assertThat(writer.write(flow(List.of(a, hangup("end")), null))).isEqualTo(writer.write(flow(List.of(b, hangup("end")), null)));
    }

    private static Node hangup(String id) {
        return new Node(id, NodeType.HANGUP, null, new HangupSettings("busy"), null);
    }

    private static Flow flow(List<Node> nodes, Map<String, Position> layout) {
        return new Flow(Flow.SCHEMA, "t", "T", null, "en-US", null, nodes.getFirst().id(), null, null, nodes, layout);
    }
}
