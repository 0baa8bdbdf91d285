package dev.ivrflow.flow.json;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalJsonTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Test
    void shouldWriteFlatContainersOnOneLineAndEmptyOnesAsBrackets() {
        // when
        String text = print("{\"a\": {\"x\": 0, \"y\": 0}, \"b\": [\"sales\", \"buy\"], \"c\": {}, \"d\": [], \"e\": {\"f\": [], \"g\": 1}}");

        // then
        assertThat(text).isEqualTo("""
                {
                  "a": { "x": 0, "y": 0 },
                  "b": ["sales", "buy"],
                  "c": {},
                  "d": [],
                  "e": { "f": [], "g": 1 }
                }
                """);
    }

    @Test
    void shouldBreakAFlatContainerWhoseLineWouldPassOneHundredColumns() {
        // given a line of exactly 100 columns with its comma, and a last one of 101 without a comma
        String fits = "x".repeat(100 - "  \"k\": [\"\"],".length());
        String tooLong = fits + "xx";

        // when
        String text = print("{\"k\": [\"" + fits + "\"], \"l\": [\"" + tooLong + "\"]}");

        // then
        assertThat(text.lines().toList().get(1)).hasSize(100).isEqualTo("  \"k\": [\"" + fits + "\"],");
        assertThat(text.lines().toList().get(2)).isEqualTo("  \"l\": [");
    }

    @Test
    void shouldPutNestedContainersOneMemberPerLine() {
        // when
        String text = print("[[1], {\"a\": [true]}]");

        // then
        assertThat(text).isEqualTo("""
                [
                  [1],
                  {
                    "a": [true]
                  }
                ]
                """);
    }

    @Test
    void shouldEscapeOnlyWhatJsonRequires() {
        // given
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("s", "q\" b\\ n\n t\t c\u0007 é ☎ 😀 \ud800!");

        // when
        String text = CanonicalJson.print(node);

        // then
        assertThat(text).isEqualTo("{ \"s\": \"q\\\" b\\\\ n\\n t\\t c\\u0007 é ☎ 😀 \\ud800!\" }\n");
        assertThat(MAPPER.readTree(text).get("s").asString()).isEqualTo(node.get("s").asString());
    }

    @Test
    void shouldWriteIntegersAsIntegersAndDecimalsInShortestForm() {
        // when
        String text = print("{\"i\": 3, \"l\": 9007199254740993, \"d\": 5.0, \"f\": 0.7, \"n\": -1.5e-7}");

        // then
        assertThat(text).isEqualTo("{ \"i\": 3, \"l\": 9007199254740993, \"d\": 5.0, \"f\": 0.7, \"n\": -1.5E-7 }\n");
    }

    @Test
    void shouldLeaveNullMembersOutOfObjectsButKeepThemInLists() {
        // when
        String text = print("{\"a\": null, \"b\": [null, 1]}");

        // then
        assertThat(text).isEqualTo("""
                {
                  "b": [null, 1]
                }
                """);
    }

    private static String print(String json) {
        JsonNode tree = MAPPER.readTree(json);
        return CanonicalJson.print(tree);
    }
}
