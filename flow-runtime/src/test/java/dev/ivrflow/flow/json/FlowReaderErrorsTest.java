package dev.ivrflow.flow.json;

import dev.ivrflow.flow.model.Flow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class FlowReaderErrorsTest {
    private final FlowReader reader = new FlowReader();

    @Test
    void shouldReportASyntaxErrorWithLineAndColumn() {
        // given a missing comma on line 3
        String json = """
                {
                  "schema": "ivr-flow/1",
                  "id": "t" "name": "T"
                }
                """;

        // when
        List<DocumentError> errors = errors(json);

        // then
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.pointer()).isEqualTo("");
            assertThat(e.message()).startsWith("invalid JSON at line 3, column 13:");
            assertThat(e.expected()).isEqualTo("well-formed JSON");
        });
    }

    @Test
    void shouldPointASyntaxErrorAtTheValueBeingRead() {
        // when
        List<DocumentError> errors = errors("{\"nodes\": [{\"id\": \"a\"}, {\"id\": tru}]}");

        // then
        assertThat(errors).singleElement().extracting(DocumentError::pointer).isEqualTo("/nodes/1/id");
    }

    @Test
    void shouldReportWrongTypesWithWhatWasFoundAndWhatWasExpected() {
        // given
        String json = Fixtures.flowWithNode("""
                {"id": "a", "type": "menu", "settings": {"prompt": {"en-US": {"tts": "Hi"}},
                 "options": [{"exit": "one", "digits": "1"}], "maxTries": "three", "bargeIn": "yes"}}""");

        // when
        List<DocumentError> errors = errors(json);

        // then
        assertThat(errors).containsExactly(
                new DocumentError("/nodes/0/settings/maxTries", "expected an integer from 1 to 10, found \"three\"",
                        "an integer from 1 to 10"),
                new DocumentError("/nodes/0/settings/bargeIn", "expected true or false, found \"yes\"", "true or false"));
        assertThat(errors.getFirst()).hasToString("/nodes/0/settings/maxTries: expected an integer from 1 to 10, found \"three\"");
    }

    @Test
    void shouldReportMissingRequiredPropertiesAtTheirObject() {
        // when
        List<DocumentError> errors = errors("""
                {"schema": "ivr-flow/1", "id": "t", "name": "T",
                 "nodes": [{"id": "a", "settings": {}}]}""");

        // then
        assertThat(errors).extracting(DocumentError::pointer, DocumentError::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("", "missing required property 'defaultLanguage'"),
                org.assertj.core.groups.Tuple.tuple("", "missing required property 'start'"),
                org.assertj.core.groups.Tuple.tuple("/nodes/0", "missing required property 'type'"));
    }

    @Test
    void shouldReportAnUnknownPropertyAtItselfAndListTheAllowedOnes() {
        // when
        List<DocumentError> errors = errors(Fixtures.flowWithNode(
                "{\"id\": \"a\", \"type\": \"play\", \"settings\": {\"prompt\": {\"en-US\": {\"file\": \"a.wav\"}}, \"loop\": 2}}"));

        // then
        assertThat(errors).containsExactly(new DocumentError("/nodes/0/settings/loop",
                "unknown property 'loop' (allowed: prompt, bargeIn)", "one of prompt, bargeIn"));
    }

    @Test
    void shouldReportADuplicateKeyAtItsPointerWithBothLines() {
        // given
        String json = """
                {"schema": "ivr-flow/1", "id": "t", "name": "T", "defaultLanguage": "en-US", "start": "a",
                 "nodes": [{"id": "a", "type": "hangup", "settings": {},
                            "id": "b"}]}
                """;

        // when
        List<DocumentError> errors = errors(json);

        // then
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.pointer()).isEqualTo("/nodes/0/id");
            assertThat(e.message()).isEqualTo("duplicate property 'id' at line 3, column 13 (first at line 2, column 13)");
        });
    }

    @Test
    void shouldReportEveryDuplicateKeyAndTheSchemaErrorsTogether() {
        // when
        List<DocumentError> errors = errors("""
                {"schema": "ivr-flow/1", "schema": "ivr-flow/1", "id": "t", "name": "T", "defaultLanguage": "en-US",
                 "start": "a", "nodes": [{"id": "a", "type": "hangup", "settings": {"cause": "bye", "cause": "busy"}}]}""");

        // then
        assertThat(errors).extracting(DocumentError::pointer)
                .containsExactly("/schema", "/nodes/0/settings/cause", "/nodes/0/settings/cause");
        assertThat(errors).extracting(DocumentError::message).contains(
                "duplicate property 'schema' at line 1, column 26 (first at line 1, column 2)",
                "duplicate property 'cause' at line 2, column 85 (first at line 2, column 69)",
                "expected one of normal, busy, unavailable, found \"bye\"");
    }

    @Test
    void shouldReportAnUnknownNodeTypeAndNotCheckItsSettings() {
        // when
        List<DocumentError> errors = errors(Fixtures.flowWithNode("{\"id\": \"a\", \"type\": \"fax\", \"settings\": {\"pages\": 3}}"));

        // then
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.pointer()).isEqualTo("/nodes/0/type");
            assertThat(e.message()).startsWith("expected one of play, say, menu,").endsWith(", echo, found \"fax\"");
        });
    }

    @Test
    void shouldReportIdsThatDoNotMatchTheirPattern() {
        // when
        List<DocumentError> errors = errors("""
                {"schema": "ivr-flow/1", "id": "Main_Line", "name": "T", "defaultLanguage": "english", "start": "a",
                 "nodes": [{"id": "2nd", "type": "hangup", "settings": {}, "exits": {"next-step": "a"}}],
                 "layout": {"a/b": {"x": 0, "y": 0}}}""");

        // then
        assertThat(errors).extracting(DocumentError::pointer)
                .containsExactly("/id", "/defaultLanguage", "/nodes/0/id", "/nodes/0/exits/next-step", "/layout/a~1b");
        assertThat(errors.get(2).message()).isEqualTo(
                "expected a node id: a letter or underscore, then up to 63 letters, digits or underscores, found \"2nd\"");
        assertThat(errors.get(3).message()).startsWith("invalid name 'next-step': expected an exit name");
    }

    @Test
    void shouldReportAPromptVariantWithTwoKinds() {
        // when
        List<DocumentError> errors = errors(Fixtures.flowWithNode(
                "{\"id\": \"a\", \"type\": \"play\", \"settings\": {\"prompt\": {\"fr-FR\": {\"file\": \"a.wav\", \"tts\": \"Salut\"}}}}"));

        // then
        assertThat(errors).containsExactly(new DocumentError("/nodes/0/settings/prompt/fr-FR",
                "expected exactly one of file, tts, tone or ref, found both file and tts", "exactly one of file, tts, tone or ref"));
    }

    @Test
    void shouldReportAPromptVariantWithNoKindAndAVoiceWithoutText() {
        // when
        List<DocumentError> errors = errors(Fixtures.flowWithNode(
                "{\"id\": \"a\", \"type\": \"play\", \"settings\": {\"prompt\": {\"*\": {\"voice\": \"anna\"}}}}"));

        // then
        assertThat(errors).extracting(DocumentError::pointer, DocumentError::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/nodes/0/settings/prompt/*",
                        "expected exactly one of file, tts, tone or ref, found none of file, tts, tone, ref"),
                org.assertj.core.groups.Tuple.tuple("/nodes/0/settings/prompt/*/voice",
                        "'voice' is only allowed together with 'tts', which is missing"));
    }

    @Test
    void shouldReportASettingOfTheWrongTypeForItsNodeType() {
        // given settings of a say node on a play node
        String json = Fixtures.flowWithNode("{\"id\": \"a\", \"type\": \"play\", \"settings\": {\"text\": {\"en-US\": \"Hi\"}}}");

        // when
        List<DocumentError> errors = errors(json);

        // then
        assertThat(errors).extracting(DocumentError::pointer, DocumentError::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/nodes/0/settings", "missing required property 'prompt'"),
                org.assertj.core.groups.Tuple.tuple("/nodes/0/settings/text", "unknown property 'text' (allowed: prompt, bargeIn)"));
    }

    @Test
    void shouldReportEveryErrorOfADocumentAtOnceInDocumentOrder() {
        // when
        List<DocumentError> errors = errors("""
                {"schema": "ivr-flow/2", "id": "t", "name": "", "defaultLanguage": "en-US", "start": "a", "colour": "red",
                 "variables": {"n": {"type": "int", "initial": 1.5}, "s": {"type": "text"}},
                 "nodes": [
                   {"id": "a", "type": "wait", "settings": {"seconds": -1}},
                   {"id": "b", "type": "queue", "settings": {"queue": "sales", "callbackDigit": "12"}},
                   {"id": "c", "type": "http", "settings": {"url": "ftp://x", "method": "GET", "timeoutMs": 10}}
                 ],
                 "layout": {"a": {"x": 1.5, "y": "0"}}}""");

        // then
        assertThat(errors).extracting(DocumentError::pointer).containsExactly(
                "/schema", "/name", "/colour", "/variables/n/initial", "/variables/s/type", "/nodes/0/settings/seconds",
                "/nodes/1/settings/callbackDigit", "/nodes/2/settings/url", "/nodes/2/settings/timeoutMs",
                "/layout/a/x", "/layout/a/y");
        assertThat(errors).extracting(DocumentError::message).contains(
                "expected an integer, as the variable's type is int, found 1.5",
                "expected a number greater than 0 and at most 300, found -1",
                "expected an http:// or https:// URL, or a template starting with {{, found \"ftp://x\"",
                "expected an integer from 100 to 10000, found 10");
    }

    @Test
    void shouldRefuseATooLargeInputBeforeParsingIt() {
        // given
        FlowReader small = new FlowReader(new DocumentLimits(1000, 64));
        byte[] big = ("{\"name\": \"" + "x".repeat(2000) + "\"}").getBytes(StandardCharsets.UTF_8);

        // when
        List<DocumentError> errors = small.read(big).errors();

        // then
        assertThat(errors).containsExactly(new DocumentError("", "the document is too large: 2012 bytes, the limit is 1000 bytes",
                "at most 1000 bytes"));
    }

    @Test
    void shouldRefuseAFlowLargerThanFiveMegabytesByDefault() {
        // given
        byte[] big = ("{\"name\": \"" + "x".repeat(5 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

        // then
        assertThat(errors(big)).singleElement().extracting(DocumentError::message).asString().startsWith("the document is too large");
    }

    @Test
    void shouldRefuseATooDeeplyNestedDocument() {
        // given
        String json = "{\"variables\": {\"v\": {\"type\": \"list\", \"initial\": " + "[".repeat(100) + "]".repeat(100) + "}}}";

        // when
        List<DocumentError> errors = errors(json);

        // then
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.message()).isEqualTo("the document nests deeper than 64 levels");
            assertThat(e.pointer()).startsWith("/variables/v/initial/0/0/");
        });
    }

    @Test
    void shouldReportAnEmptyDocumentAndTrailingContent() {
        assertThat(errors("  ")).extracting(DocumentError::message).containsExactly("the document is empty");
        assertThat(errors("{} {}")).extracting(DocumentError::message)
                .containsExactly("invalid JSON at line 1, column 4: more content after the end of the document");
        assertThat(errors("[]")).extracting(DocumentError::message).containsExactly("expected an object, found an empty list");
    }

    @Test
    void shouldReportAFileThatCannotBeReadAsAnError(@TempDir Path dir) {
        // when
        List<DocumentError> errors = reader.read(dir.resolve("missing.json")).errors();

        // then
        assertThat(errors).singleElement().extracting(DocumentError::message).asString().startsWith("cannot read ");
    }

    @Test
    void shouldReadAFlowFromAFile(@TempDir Path dir) throws Exception {
        // given
        Path file = Files.write(dir.resolve("flow.json"), Fixtures.bytes(Fixtures.ALL_NODE_TYPES));

        // when
        ReadResult<Flow> result = reader.read(file);

        // then
        assertThat(result.isValid()).isTrue();
        assertThat(result.asOptional().orElseThrow().id()).isEqualTo("support-line");
    }

    @Test
    void shouldNeverThrowWhateverTheBytes() {
        // given every cut of a real flow and random garbage
        byte[] flow = Fixtures.bytes(Fixtures.ALL_NODE_TYPES);
        Random random = new Random(42);

        // then
        for (int cut = 0; cut < flow.length - 2; cut += 37) {
            byte[] truncated = java.util.Arrays.copyOf(flow, cut);
            assertThatCode(() -> assertThat(reader.read(truncated).errors()).isNotEmpty()).doesNotThrowAnyException();
        }
        for (int i = 0; i < 200; i++) {
            byte[] garbage = flow.clone();
            for (int j = 0; j < 5; j++) garbage[random.nextInt(garbage.length)] = (byte) random.nextInt(256);
            assertThatCode(() -> reader.read(garbage)).doesNotThrowAnyException();
        }
    }

    private List<DocumentError> errors(String json) {
        return errors(json.getBytes(StandardCharsets.UTF_8));
    }

    private List<DocumentError> errors(byte[] json) {
        ReadResult<Flow> result = reader.read(json);
        assertThat(result.isValid()).as("expected errors").isFalse();
        return result.errors();
    }
}
