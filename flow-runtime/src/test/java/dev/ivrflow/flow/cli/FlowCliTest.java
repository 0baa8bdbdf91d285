package dev.ivrflow.flow.cli;

import dev.ivrflow.flow.FlowToolkit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class FlowCliTest {
    private static final FlowToolkit TOOLKIT = new FlowToolkit();

    private static final String GOOD = """
            {
              "schema": "ivr-flow/1",
              "id": "hello",
              "name": "Hello",
              "defaultLanguage": "en-US",
              "start": "menu",
              "nodes": [
                {
                  "id": "menu",
                  "type": "menu",
                  "settings": {
                    "prompt": { "en-US": { "tts": "Press 1 for sales" } },
                    "options": [{ "exit": "sales", "digits": "1" }]
                  },
                  "exits": { "failure": "bye", "sales": "thanks" }
                },
                {
                  "id": "thanks",
                  "type": "say",
                  "settings": { "text": { "en-US": "Thank you" } },
                  "exits": { "next": "bye" }
                },
                { "id": "bye", "type": "hangup", "settings": {} }
              ]
            }
            """;

    private static final String TESTS = """
            {
              "scenarios": [
                { "name": "sales", "steps": [{ "press": "1" }],
                  "expect": { "path": ["menu", "thanks", "bye"], "heard": ["Press 1 for sales", "Thank you"] } },
                { "name": "silence", "steps": [{ "silence": true }, { "silence": true }, { "silence": true }],
                  "expect": { "path": ["menu", "bye"] } }
              ]
            }
            """;

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private FlowCli cli;

    @BeforeEach
    void setUp() {
        cli = new FlowCli(TOOLKIT, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void shouldAcceptAValidFlowWithExitCodeZero() throws IOException {
        write("hello.flow.json", GOOD);

        int code = cli.run("validate", dir.toString());

        assertThat(code).isZero();
        assertThat(out()).contains("hello.flow.json: ok");
    }

    @Test
    void shouldRejectABrokenFlowNamingTheJsonPointerAndTheNode() throws IOException {
        write("broken.flow.json", GOOD.replace("\"failure\": \"bye\", \"sales\": \"thanks\"", "\"sales\": \"nowhere\""));

        int code = cli.run("validate", dir.toString());

        assertThat(code).isEqualTo(1);
        assertThat(out()).contains("broken.flow.json: INVALID")
                .contains("EXIT_TARGET_UNKNOWN /nodes/0/exits/sales node 'menu' exit 'sales'")
                .contains("EXIT_UNWIRED /nodes/0/exits/failure node 'menu' exit 'failure'");
    }

    @Test
    void shouldReportDocumentErrorsWithPointersAndNoStackTrace() throws IOException {
        write("bad.flow.json", GOOD.replace("\"defaultLanguage\": \"en-US\",", "\"defaultLanguage\": 7,"));

        int code = cli.run("validate", dir.toString());

        assertThat(code).isEqualTo(1);
        assertThat(out()).contains("ERROR /defaultLanguage").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void shouldPrintMachineReadableIssuesWithJson() throws IOException {
        write("broken.flow.json", GOOD.replace("\"sales\": \"thanks\"", "\"sales\": \"nowhere\""));

        int code = cli.run("validate", "--json", dir.toString());

        JsonNode report = JsonMapper.builder().build().readTree(out());
        assertThat(code).isEqualTo(1);
        assertThat(report.get("valid").asBoolean()).isFalse();
        JsonNode issue = null;
        for (JsonNode i : report.get("files").get(0).get("issues")) {
            if (i.get("code").asString().equals("EXIT_TARGET_UNKNOWN")) issue = i;
        }
        assertThat(issue).as("an EXIT_TARGET_UNKNOWN issue").isNotNull();
        assertThat(issue.get("nodeId").asString()).isEqualTo("menu");
        assertThat(issue.get("pointer").asString()).isEqualTo("/nodes/0/exits/sales");
    }

    @Test
    void shouldListFilesThatAreNotCanonicalAndThenFormatThem() throws IOException {
        Path file = write("hello.flow.json", GOOD);

        assertThat(cli.run("fmt", "--check", dir.toString())).isEqualTo(1);
        assertThat(out()).contains("not canonical: " + file);

        assertThat(cli.run("fmt", dir.toString())).isZero();
        String formatted = Files.readString(file);
        assertThat(cli.run("fmt", "--check", dir.toString())).isZero();
        assertThat(Files.readString(file)).isEqualTo(formatted);
        assertThat(formatted).endsWith("}\n").contains("          { \"exit\": \"sales\", \"digits\": \"1\" }\n");
    }

    @Test
    void shouldRunFlowTestsAndPrintTheClosingCounts() throws IOException {
        write("hello.flow.json", GOOD);
        write("hello.test.json", TESTS);

        int code = cli.run("test", dir.toString());

        assertThat(code).isZero();
        assertThat(out()).contains("PASS sales").contains("PASS silence").contains("exits covered: 3/3")
                .contains("2 passed, 0 failed");
    }

    @Test
    void shouldFailWhenAScenarioDoesSomethingElse() throws IOException {
        write("hello.flow.json", GOOD);
        write("hello.test.json", TESTS.replace("[\"menu\", \"thanks\", \"bye\"]", "[\"menu\", \"bye\"]"));

        int code = cli.run("test", dir.toString());

        assertThat(code).isEqualTo(1);
        assertThat(out()).contains("FAIL sales").contains("path: expected [menu, bye] but was [menu, thanks, bye]")
                .contains("1 passed, 1 failed");
    }

    @Test
    void shouldReportAMalformedTestFileWithAPointer() throws IOException {
        write("hello.flow.json", GOOD);
        write("hello.test.json", "{ \"scenarios\": [ { \"name\": \"x\", \"stepz\": [] } ] }");

        int code = cli.run("test", dir.toString());

        assertThat(code).isEqualTo(1);
        assertThat(out()).contains("ERROR hello.test.json: /scenarios/0/stepz");
    }

    @Test
    void shouldExplainUsageErrorsWithExitCodeTwo() {
        assertThat(cli.run()).isEqualTo(2);
        assertThat(cli.run("frobnicate")).isEqualTo(2);
        assertThat(cli.run("validate", dir.resolve("missing").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'frobnicate'").contains("no such file");
    }
}
