package dev.ivrflow.flow.validate;

import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.nodes.menu.MenuOption;
import dev.ivrflow.flow.nodes.menu.MenuSettings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.ivrflow.flow.validate.TestFlows.flow;
import static dev.ivrflow.flow.validate.TestSettings.hangup;
import static dev.ivrflow.flow.validate.TestSettings.menu;
import static dev.ivrflow.flow.validate.TestSettings.option;
import static dev.ivrflow.flow.validate.TestSettings.tts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class MenuRulesTest {
    private final FlowValidator validator = new FlowValidator();

    /** The menu wired so that exits are never the problem: every option and failure go to "bye". */
    private ValidationReport validate(MenuSettings menu) {
        List<String> pairs = new ArrayList<>(List.of("failure", "bye"));
        for (MenuOption o : menu.optionsOrEmpty()) {
            if (o != null && o.exit() != null) pairs.addAll(List.of(o.exit(), "bye"));
        }
        Flow f = flow().node("menu", menu, pairs.toArray(String[]::new)).node("bye", hangup()).build();
        return validator.validate(f);
    }

    @Test
    void shouldReportTwoOptionsWithTheSameDigits() {
        ValidationReport report = validate(menu(option("sales", "1"), option("support", "1")));

        assertThat(report.withCode(ValidationCodes.MENU_DIGITS_DUPLICATE)).singleElement().satisfies(i -> {
            assertThat(i.exit()).isEqualTo("support");
            assertThat(i.pointer()).isEqualTo("/nodes/0/settings/options/1/digits");
            assertThat(i.message()).contains("option 2", "option 1");
        });
    }

    @Test
    void shouldWarnWhenOneOptionsDigitsBeginAnothers() {
        ValidationReport report = validate(menu(option("sales", "1"), option("billing", "12")));

        assertThat(report.withCode(ValidationCodes.MENU_DIGITS_OVERLAP)).singleElement().satisfies(i -> {
            assertThat(i.severity()).isEqualTo(Severity.WARNING);
            assertThat(i.exit()).isEqualTo("sales");
            assertThat(i.pointer()).isEqualTo("/nodes/0/settings/options/0/digits");
            assertThat(i.message()).contains("inter-digit timeout", "2 seconds");
        });
        assertThat(report.hasErrors()).isFalse();
    }

    @Test
    void shouldReportDigitsAPhoneCannotSend() {
        ValidationReport report = validate(menu(option("sales", "1a")));

        assertThat(report.withCode(ValidationCodes.MENU_DIGITS_INVALID))
                .extracting(ValidationIssue::pointer).containsExactly("/nodes/0/settings/options/0/digits");
    }

    @Test
    void shouldReportAnOptionWithNeitherDigitsNorPhrases() {
        ValidationReport report = validate(menu(option("sales", "1"), option("support", null)));

        assertThat(report.withCode(ValidationCodes.MENU_OPTION_EMPTY))
                .extracting(ValidationIssue::exit, ValidationIssue::pointer)
                .containsExactly(tuple("support", "/nodes/0/settings/options/1"));
    }

    @Test
    void shouldReportAPhraseOnTwoOptionsIgnoringCaseAndPunctuation() {
        ValidationReport report = validate(menu(option("sales", "1", "Sales", "buy"),
                option("support", "2", "help", "sales!")));

        assertThat(report.withCode(ValidationCodes.MENU_PHRASE_DUPLICATE))
                .extracting(ValidationIssue::exit, ValidationIssue::pointer)
                .containsExactly(tuple("support", "/nodes/0/settings/options/1/phrases/1"));
    }

    @Test
    void shouldReportTwoOptionsWithOneExitNameAndAnOptionNamedLikeAFixedExit() {
        // given
        ValidationReport report = validate(menu(option("sales", "1"), option("sales", "2"), option("failure", "3")));
        // then
        assertThat(report.withCode(ValidationCodes.EXIT_NAME_DUPLICATE))
                .extracting(ValidationIssue::exit, ValidationIssue::pointer)
                .containsExactly(tuple("sales", "/nodes/0/settings/options/1/exit"),
                        tuple("failure", "/nodes/0/settings/options/2/exit"));
        assertThat(report.withCode(ValidationCodes.EXIT_NAME_DUPLICATE).get(1).message()).contains("fixed exit");
    }

    @Test
    void shouldReportAnOptionWithoutAnExitName() {
        ValidationReport report = validate(menu(option("sales", "1"), option(null, "2")));

        assertThat(report.withCode(ValidationCodes.EXIT_NAME_MISSING))
                .extracting(ValidationIssue::pointer).containsExactly("/nodes/0/settings/options/1/exit");
    }

    @Test
    void shouldReportAMenuWithoutOptionsOrPrompt() {
        MenuSettings empty = new MenuSettings(null, List.of(), null, null, null, null, null, null, null, null);

        assertThat(validate(empty).errors()).extracting(ValidationIssue::code, ValidationIssue::pointer)
                .contains(tuple(ValidationCodes.MENU_OPTIONS_EMPTY, "/nodes/0/settings/options"),
                        tuple(ValidationCodes.SETTING_MISSING, "/nodes/0/settings/prompt"));
    }

    @Test
    void shouldReportTriesAndTimeoutsOutOfRange() {
        MenuSettings m = new MenuSettings(tts("Choose"), List.of(option("sales", "1")), 0.0, null, 50, null, null,
                null, null, null);

        assertThat(validate(m).withCode(ValidationCodes.SETTING_OUT_OF_RANGE)).extracting(ValidationIssue::pointer)
                .containsExactlyInAnyOrder("/nodes/0/settings/maxTries", "/nodes/0/settings/timeoutSeconds");
    }
}
