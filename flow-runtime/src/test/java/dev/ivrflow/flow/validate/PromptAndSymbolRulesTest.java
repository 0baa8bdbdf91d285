package dev.ivrflow.flow.validate;

import dev.ivrflow.flow.model.Environment;
import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.model.Prompt;
import dev.ivrflow.flow.model.PromptVariant;
import dev.ivrflow.flow.nodes.play.PlaySettings;
import dev.ivrflow.flow.nodes.queue.QueueSettings;
import dev.ivrflow.flow.nodes.say.SaySettings;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.ivrflow.flow.validate.TestFlows.flow;
import static dev.ivrflow.flow.validate.TestSettings.hangup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class PromptAndSymbolRulesTest {
    private final FlowValidator validator = new FlowValidator();

    private static Flow sayFlow(Map<String, String> text) {
        return flow().languages("en-US", "fr-FR", "de-DE")
                .node("hello", new SaySettings(text, null, null), "next", "bye").node("bye", hangup()).build();
    }

    @Test
    void shouldWarnAboutLanguagesAPromptLacksAndSayTheDefaultIsPlayed() {
        // when
        ValidationReport report = validator.validate(sayFlow(Map.of("en-US", "Hello")));
        // then
        assertThat(report.withCode(ValidationCodes.PROMPT_LANGUAGE_MISSING)).singleElement().satisfies(i -> {
            assertThat(i.severity()).isEqualTo(Severity.WARNING);
            assertThat(i.pointer()).isEqualTo("/nodes/0/settings/text");
            assertThat(i.message()).contains("fr-FR, de-DE", "default language (en-US)");
        });
        assertThat(report.hasErrors()).isFalse();
    }

    @Test
    void shouldReportAPromptWithoutTheDefaultLanguageAsAnError() {
        ValidationReport report = validator.validate(sayFlow(Map.of("fr-FR", "Bonjour")));

        assertThat(report.withCode(ValidationCodes.PROMPT_DEFAULT_MISSING)).singleElement()
                .extracting(ValidationIssue::severity).isEqualTo(Severity.ERROR);
        assertThat(report.withCode(ValidationCodes.PROMPT_LANGUAGE_MISSING)).isEmpty();
    }

    @Test
    void shouldAcceptAnyLanguageVariantForEveryLanguage() {
        Flow f = flow().languages("en-US", "fr-FR")
                .node("beep", new PlaySettings(new Prompt(Map.of("*", PromptVariant.tone("%(250,0,800)"))), null),
                        "next", "bye")
                .node("bye", hangup()).build();

        assertThat(validator.validate(f).issues()).extracting(ValidationIssue::code)
                .doesNotContain(ValidationCodes.PROMPT_LANGUAGE_MISSING, ValidationCodes.PROMPT_DEFAULT_MISSING);
    }

    @Test
    void shouldReportVariantsWithNoneOrSeveralKindsAndLanguagesTheFlowDoesNotDeclare() {
        // given
        Prompt prompt = new Prompt(Map.of("en-US", new PromptVariant("a.wav", "Hello", null, null, null),
                "it-IT", PromptVariant.tts("Ciao")));
        Flow f = flow().node("p", new PlaySettings(prompt, null), "next", "bye").node("bye", hangup()).build();
        // when
        ValidationReport report = validator.validate(f);
        // then
        assertThat(report.issues()).extracting(ValidationIssue::code, ValidationIssue::pointer)
                .contains(tuple(ValidationCodes.PROMPT_VARIANT_INVALID, "/nodes/0/settings/prompt/en-US"),
                        tuple(ValidationCodes.PROMPT_LANGUAGE_UNDECLARED, "/nodes/0/settings/prompt/it-IT"));
    }

    @Test
    void shouldReportSymbolicNamesOnlyForKindsTheEnvironmentDeclares() {
        // given
        Flow f = flow().node("q", new QueueSettings("sales", null, null, null, null, null, null),
                "answered", "bye", "timeout", "bye").node("bye", hangup()).build();
        Environment queues = new Environment(Map.of("support", "support@default"), null, null, null, null, null, null);
        Environment gatewaysOnly = new Environment(null, Map.of("gw", "carrier"), null, null, null, null, null);
        // when
        ValidationReport checked = validator.validate(f, ValidationOptions.DEFAULTS.withEnvironment(queues));
        ValidationReport unchecked = validator.validate(f, ValidationOptions.DEFAULTS.withEnvironment(gatewaysOnly));
        // then
        assertThat(checked.withCode(ValidationCodes.SYMBOL_UNKNOWN)).singleElement().satisfies(i -> {
            assertThat(i.pointer()).isEqualTo("/nodes/0/settings/queue");
            assertThat(i.message()).contains("queue \"sales\"", "support");
        });
        assertThat(unchecked.withCode(ValidationCodes.SYMBOL_UNKNOWN)).isEmpty();
    }
}
