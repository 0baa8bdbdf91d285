package dev.ivrflow.flow.json;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Binding after the schema: what the schema cannot rule out still becomes an error, never an exception. */
class FlowBinderTest {

    @Test
    void shouldTurnABindingFailureIntoAnErrorAtJacksonsPath() {
        // given a tree the schema would refuse (the binder must not rely on that)
        var tree = JsonMapper.builder().build().readTree(Fixtures.flowWithNode("""
                {"id": "a", "type": "menu", "settings": {"options": [{"exit": "x", "phrases": "sales"}], "maxTries": 99999999999}}"""));
        List<DocumentError> errors = new ArrayList<>();

        // when
        new FlowBinder().bind(tree, errors);

        // then
        assertThat(errors).singleElement().satisfies(e -> assertThat(e.pointer()).isIn(
                "/nodes/0/settings/maxTries", "/nodes/0/settings/options/0/phrases"));
    }

    @Test
    void shouldReportAnInitialIntegerBeyondALong() {
        // given
        var tree = JsonMapper.builder().build().readTree("""
                {"schema": "ivr-flow/1", "id": "t", "name": "T", "defaultLanguage": "en-US", "start": "a",
                 "variables": {"big": {"type": "int", "initial": 123456789012345678901234567890}},
                 "nodes": [{"id": "a", "type": "hangup", "settings": {}}]}""");
        List<DocumentError> errors = new ArrayList<>();

        // when
        new FlowBinder().bind(tree, errors);

        // then
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.pointer()).isEqualTo("/variables/big/initial");
            assertThat(e.message()).startsWith("expected an integer from -9223372036854775808 to 9223372036854775807");
        });
    }

    @Test
    void shouldReportItThroughTheReaderToo() {
        // when
        List<DocumentError> errors = new FlowReader().read("""
                {"schema": "ivr-flow/1", "id": "t", "name": "T", "defaultLanguage": "en-US", "start": "a",
                 "variables": {"big": {"type": "int", "initial": 123456789012345678901234567890}},
                 "nodes": [{"id": "a", "type": "hangup", "settings": {}}]}""").errors();

        // then
        assertThat(errors).extracting(DocumentError::pointer).containsExactly("/variables/big/initial");
    }
}
