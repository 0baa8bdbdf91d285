package dev.ivrflow.app.flows;

import dev.ivrflow.app.flows.FlowDiff.Change;
import dev.ivrflow.app.flows.FlowDiff.ExitChange;
import dev.ivrflow.app.flows.FlowDiff.Move;
import dev.ivrflow.app.flows.FlowDiff.NodeChange;
import dev.ivrflow.app.flows.FlowDiff.Op;
import dev.ivrflow.app.flows.FlowDiff.Point;
import dev.ivrflow.app.flows.FlowDiff.Result;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlowDiffTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A small flow: a menu with two options, a queue and a goodbye. */
    private static ObjectNode flow() {
        return (ObjectNode) JSON.readTree("""
                {
                  "schema": "ivr-flow/1", "id": "shop", "name": "Shop", "defaultLanguage": "en-US", "start": "menu",
                  "variables": { "account": { "type": "string" } },
                  "nodes": [
                    { "id": "menu", "type": "menu", "label": "Main menu",
                      "settings": { "prompt": { "en-US": { "tts": "Press 1 or 2" } }, "maxTries": 3,
                                    "options": [ { "exit": "sales", "digits": "1", "phrases": ["sales", "buy"] },
                                                 { "exit": "support", "digits": "2" } ] },
                      "exits": { "failure": "bye", "sales": "queue", "support": "queue" } },
                    { "id": "queue", "type": "queue", "settings": { "queue": "sales" }, "exits": { "answered": "bye" } },
                    { "id": "bye", "type": "hangup", "settings": {} }
                  ],
                  "layout": { "bye": { "x": 400, "y": 0 }, "menu": { "x": 0, "y": 0 }, "queue": { "x": 200, "y": 0 } }
                }""");
    }

    private static ObjectNode node(ObjectNode flow, String id) {
        for (JsonNode n : flow.get("nodes")) if (n.get("id").asString().equals(id)) return (ObjectNode) n;
        throw new IllegalArgumentException(id);
    }

    private static ObjectNode settings(ObjectNode flow, String id) {
        return (ObjectNode) node(flow, id).get("settings");
    }

    @Test
    void shouldFindNothingBetweenEqualDocuments() {
        Result r = FlowDiff.between(flow(), flow());

        assertThat(r.identical()).isTrue();
        assertThat(r.logicChanged()).isFalse();
        assertThat(r.layoutChanged()).isFalse();
        assertThat(r.flow()).isEmpty();
        assertThat(r.nodes().added()).isEmpty();
        assertThat(r.nodes().removed()).isEmpty();
        assertThat(r.nodes().changed()).isEmpty();
        assertThat(r.layout()).isEmpty();
    }

    @Test
    void shouldReportAChangedSettingAsAPointerWithOldAndNewValues() {
        ObjectNode after = flow();
        settings(after, "menu").put("maxTries", 5);
        ((ObjectNode) settings(after, "menu").get("options").get(1)).put("digits", "3");

        Result r = FlowDiff.between(flow(), after);

        assertThat(r.logicChanged()).isTrue();
        assertThat(r.nodes().changed()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("menu");
            assertThat(c.pointer()).isEqualTo("/nodes/0");
            assertThat(c.exits()).isEmpty();
            assertThat(c.fields()).isEmpty();
            assertThat(c.settings()).containsExactly(
                    new Change(Op.REPLACE, "/settings/maxTries", JSON.readTree("3"), JSON.readTree("5")),
                    new Change(Op.REPLACE, "/settings/options/1/digits", JSON.readTree("\"2\""), JSON.readTree("\"3\"")));
        });
    }

    @Test
    void shouldReportRewiredAddedAndRemovedExits() {
        ObjectNode after = flow();
        ObjectNode exits = (ObjectNode) node(after, "menu").get("exits");
        exits.put("support", "bye");
        exits.remove("failure");
        exits.put("timeout", "bye");

        NodeChange c = FlowDiff.between(flow(), after).nodes().changed().getFirst();

        assertThat(c.exits()).containsExactly(
                new ExitChange("failure", "bye", null),
                new ExitChange("support", "queue", "bye"),
                new ExitChange("timeout", null, "bye"));
        assertThat(c.settings()).isEmpty();
    }

    @Test
    void shouldReportAddedAndRemovedNodesWithTheirPlaces() {
        ObjectNode after = flow();
        ArrayNode nodes = (ArrayNode) after.get("nodes");
        nodes.remove(1);
        nodes.add(JSON.readTree("{ \"id\": \"voicemail\", \"type\": \"voicemail\", \"label\": \"Leave a message\", \"settings\": {} }"));
        ((ObjectNode) after.get("layout")).remove("queue");
        ((ObjectNode) after.get("layout")).set("voicemail", JSON.readTree("{ \"x\": 9, \"y\": 9 }"));

        Result r = FlowDiff.between(flow(), after);

        assertThat(r.nodes().removed()).containsExactly(new FlowDiff.NodeInfo("queue", "queue", null, "/nodes/1"));
        assertThat(r.nodes().added()).containsExactly(new FlowDiff.NodeInfo("voicemail", "voicemail", "Leave a message", "/nodes/2"));
        assertThat(r.layout()).as("positions of added or removed nodes are not moves").isEmpty();
        assertThat(r.nodes().changed()).as("'bye' moved from index 2 to 1 but did not change").isEmpty();
        assertThat(r.nodes().reordered()).isFalse();
    }

    @Test
    void shouldReportLayoutMovesApartFromTheLogic() {
        ObjectNode after = flow();
        ((ObjectNode) after.get("layout").get("queue")).put("x", 250).put("y", 80);

        Result r = FlowDiff.between(flow(), after);

        assertThat(r.identical()).isFalse();
        assertThat(r.logicChanged()).isFalse();
        assertThat(r.layoutChanged()).isTrue();
        assertThat(r.layout()).containsExactly(new Move("queue", new Point(200, 0), new Point(250, 80)));
        assertThat(r.nodes().changed()).isEmpty();
        assertThat(r.flow()).isEmpty();
    }

    @Test
    void shouldReportFlowLevelChanges() {
        ObjectNode after = flow();
        after.put("start", "queue").put("name", "Shop line").put("fallback", "bye");
        ((ObjectNode) after.get("variables").get("account")).put("type", "int");
        after.set("languages", JSON.readTree("[\"en-US\", \"fr-FR\"]"));
        ((ObjectNode) after.get("variables")).set("tier", JSON.readTree("{ \"type\": \"string\" }"));

        Result r = FlowDiff.between(flow(), after);

        assertThat(r.flow()).containsExactlyInAnyOrder(
                new Change(Op.REPLACE, "/name", JSON.readTree("\"Shop\""), JSON.readTree("\"Shop line\"")),
                new Change(Op.REPLACE, "/start", JSON.readTree("\"menu\""), JSON.readTree("\"queue\"")),
                new Change(Op.REPLACE, "/variables/account/type", JSON.readTree("\"string\""), JSON.readTree("\"int\"")),
                new Change(Op.ADD, "/variables/tier", null, JSON.readTree("{ \"type\": \"string\" }")),
                new Change(Op.ADD, "/fallback", null, JSON.readTree("\"bye\"")),
                new Change(Op.ADD, "/languages", null, JSON.readTree("[\"en-US\", \"fr-FR\"]")));
        assertThat(r.nodes().changed()).isEmpty();
        assertThat(r.logicChanged()).isTrue();
    }

    @Test
    void shouldReportAnOptionInsertedAtTheTopAsOneAdditionNotEveryOptionChanged() {
        ObjectNode after = flow();
        ArrayNode options = (ArrayNode) settings(after, "menu").get("options");
        options.insert(0, JSON.readTree("{ \"exit\": \"billing\", \"digits\": \"3\" }"));

        NodeChange c = FlowDiff.between(flow(), after).nodes().changed().getFirst();

        assertThat(c.settings()).containsExactly(
                new Change(Op.ADD, "/settings/options/0", null, JSON.readTree("{ \"exit\": \"billing\", \"digits\": \"3\" }")));
    }

    @Test
    void shouldPointRemovalsIntoTheOlderDocumentAndAdditionsIntoTheNewer() {
        ObjectNode after = flow();
        ArrayNode phrases = (ArrayNode) settings(after, "menu").get("options").get(0).get("phrases");
        phrases.remove(0);                      // "sales" removed at old index 0
        phrases.add("purchase");                // "purchase" added at new index 1

        NodeChange c = FlowDiff.between(flow(), after).nodes().changed().getFirst();

        assertThat(c.settings()).containsExactly(
                new Change(Op.REMOVE, "/settings/options/0/phrases/0", JSON.readTree("\"sales\""), null),
                new Change(Op.ADD, "/settings/options/0/phrases/1", null, JSON.readTree("\"purchase\"")));
    }

    @Test
    void shouldReportTypeAndLabelChangesAsFields() {
        ObjectNode after = flow();
        ObjectNode queue = node(after, "queue");
        queue.put("type", "transfer").put("label", "To sales");
        queue.set("settings", JSON.readTree("{ \"to\": \"sales\" }"));

        NodeChange c = FlowDiff.between(flow(), after).nodes().changed().getFirst();

        assertThat(c.id()).isEqualTo("queue");
        assertThat(c.type()).isEqualTo("transfer");
        assertThat(c.fields()).containsExactly(
                new Change(Op.REPLACE, "/type", JSON.readTree("\"queue\""), JSON.readTree("\"transfer\"")),
                new Change(Op.ADD, "/label", null, JSON.readTree("\"To sales\"")));
        assertThat(c.settings()).containsExactly(
                new Change(Op.REMOVE, "/settings/queue", JSON.readTree("\"sales\""), null),
                new Change(Op.ADD, "/settings/to", null, JSON.readTree("\"sales\"")));
    }

    @Test
    void shouldFlagAReorderedNodeListWithoutCallingItAChange() {
        ObjectNode after = flow();
        ArrayNode nodes = (ArrayNode) after.get("nodes");
        JsonNode first = nodes.remove(0);
        nodes.add(first);

        Result r = FlowDiff.between(flow(), after);

        assertThat(r.nodes().reordered()).isTrue();
        assertThat(r.logicChanged()).isFalse();
        assertThat(r.nodes().changed()).isEmpty();
        assertThat(r.identical()).isFalse();
    }

    @Test
    void shouldEscapePointerTokens() {
        ObjectNode before = flow();
        ((ObjectNode) settings(before, "menu").get("prompt")).set("a/b~c", JSON.readTree("{ \"tts\": \"x\" }"));
        ObjectNode after = before.deepCopy();
        ((ObjectNode) settings(after, "menu").get("prompt").get("a/b~c")).put("tts", "y");

        NodeChange c = FlowDiff.between(before, after).nodes().changed().getFirst();

        assertThat(c.settings()).extracting(Change::pointer).containsExactly("/settings/prompt/a~1b~0c/tts");
    }

    @Test
    void shouldDiffARealFlowByItsText() throws IOException {
        String mainLine = Files.readString(Path.of("../flows-examples/flows/main-line.flow.json"));
        String changed = mainLine.replace("\"digits\": \"3\"", "\"digits\": \"4\"")
                .replace("\"billingQueue\": { \"x\": 750, \"y\": 450 }", "\"billingQueue\": { \"x\": 760, \"y\": 450 }");

        Result r = FlowDiff.between(mainLine, changed);

        assertThat(r.nodes().changed()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("mainMenu");
            assertThat(c.settings()).extracting(Change::pointer).containsExactly("/settings/options/2/digits");
        });
        assertThat(r.layout()).containsExactly(new Move("billingQueue", new Point(750, 450), new Point(760, 450)));
        assertThat(FlowDiff.between(mainLine, mainLine).identical()).isTrue();
    }

    @Test
    void shouldRefuseSomethingThatIsNotAnObject() {
        assertThatThrownBy(() -> FlowDiff.between(JSON.readTree("[]"), flow())).isInstanceOf(IllegalArgumentException.class);
    }
}
