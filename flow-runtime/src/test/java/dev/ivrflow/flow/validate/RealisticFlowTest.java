package dev.ivrflow.flow.validate;

import dev.ivrflow.flow.calendar.CalendarSpec;
import dev.ivrflow.flow.model.Environment;
import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.model.Prompt;
import dev.ivrflow.flow.model.PromptVariant;
import dev.ivrflow.flow.model.VariableType;
import dev.ivrflow.flow.nodes.calendar.CalendarSettings;
import dev.ivrflow.flow.nodes.http.HttpSettings;
import dev.ivrflow.flow.nodes.input.InputSettings;
import dev.ivrflow.flow.nodes.menu.MenuOption;
import dev.ivrflow.flow.nodes.menu.MenuSettings;
import dev.ivrflow.flow.nodes.queue.QueueSettings;
import dev.ivrflow.flow.nodes.say.SaySettings;
import dev.ivrflow.flow.nodes.transfer.TransferSettings;
import dev.ivrflow.flow.nodes.voicemail.VoicemailSettings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.ivrflow.flow.validate.TestFlows.flow;
import static dev.ivrflow.flow.validate.TestSettings.condition;
import static dev.ivrflow.flow.validate.TestSettings.hangup;
import static dev.ivrflow.flow.validate.TestSettings.option;
import static dev.ivrflow.flow.validate.TestSettings.set;
import static org.assertj.core.api.Assertions.assertThat;

class RealisticFlowTest {
    private static final Environment PRODUCTION = new Environment(
            Map.of("sales", "sales@default", "support", "support@default"), Map.of("carrier", "carrier-eu"),
            null, null, null, Map.of("general", "1000"), null);

    private final FlowValidator validator = new FlowValidator();

    private static Prompt both(String english, String french) {
        return new Prompt(Map.of("en-US", PromptVariant.tts(english), "fr-FR", PromptVariant.tts(french)));
    }

    private static SaySettings say(String english, String french) {
        return new SaySettings(Map.of("en-US", english, "fr-FR", french), null, null);
    }

    /** A front desk: hours, a menu with speech, a CRM lookup, a VIP branch, queues, an operator and voicemail. */
    static Flow frontDesk() {
        Map<String, List<String>> week = Map.of("mon", List.of("08:30-18:00"), "tue", List.of("08:30-18:00"),
                "wed", List.of("08:30-18:00"), "thu", List.of("08:30-18:00"), "fri", List.of("08:30-17:00"));
        MenuSettings main = new MenuSettings(both("For sales press 1, support 2, your account 3.",
                "Ventes 1, support 2, votre compte 3."),
                List.of(new MenuOption("sales", "1", List.of("sales", "buy"), null),
                        new MenuOption("support", "2", List.of("support", "help"), null),
                        option("account", "3")),
                5.0, 2.0, 3, both("Sorry, that is not a choice.", "Ce choix n'existe pas."), null, true, null, null);
        return flow().id("front-desk").languages("en-US", "fr-FR").fallback("operator")
                .variable("account", VariableType.STRING).variable("tier", VariableType.STRING)
                .variable("visits", VariableType.INT)
                .node("hours", new CalendarSettings(new CalendarSpec("Europe/Paris", week, null, null, null), null),
                        "open", "welcome", "closed", "closedMsg")
                .node("welcome", say("Welcome to Acme.", "Bienvenue chez Acme."), "next", "count")
                .node("count", set("visits", "visits + 1"), "next", "main")
                .node("main", main, "sales", "salesQueue", "support", "crm", "account", "askAccount",
                        "invalid", "sorry", "failure", "operator")
                .node("sorry", say("Let us try again.", "Essayons encore."), "next", "main")
                .node("salesQueue", new QueueSettings("sales", 600, null, null, null, false, null),
                        "answered", "bye", "timeout", "mailbox")
                .node("crm", new HttpSettings("GET", "https://crm.example.com/customers/{{call.callerNumber}}", null,
                        null, 2000, Map.of("tier", "/customer/tier")), "ok", "vip", "error", "supportQueue")
                .node("vip", condition("gold", "tier == \"gold\""), "gold", "priority", "else", "supportQueue")
                .node("priority", new TransferSettings(null, "sip", "sip:vip@desk.example.com", null, null, 25,
                        null, null), "answered", "bye", "failed", "supportQueue")
                .node("supportQueue", new QueueSettings("support", 900, null, null, null, null, null),
                        "answered", "bye", "timeout", "mailbox")
                .node("askAccount", new InputSettings(both("Enter your account number.", "Votre numéro de compte."),
                        "account", 8, 8, "#", "[0-9]{8}", null, null, 3, null, null), "next", "thanks",
                        "failure", "operator")
                .node("thanks", say("Thank you, account {{account}}.", "Merci, compte {{account}}."), "next", "bye")
                .node("operator", new TransferSettings(null, "number", "+33123456789", "carrier", null, null, null,
                        null), "answered", "bye", "failed", "mailbox")
                .node("closedMsg", say("We are closed.", "Nous sommes fermés."), "next", "mailbox")
                .node("mailbox", new VoicemailSettings("general", null), "next", "bye")
                .node("bye", hangup())
                .build();
    }

    @Test
    void shouldFindNothingWrongWithARealisticFlow() {
        ValidationReport report = validator.validate(frontDesk(), ValidationOptions.DEFAULTS.withEnvironment(PRODUCTION));

        assertThat(report.issues()).isEmpty();
    }

    @Test
    void shouldReportEveryProblemOfAFlowWithManyAtOnce() {
        // given: the front desk after a careless edit
        Flow careless = flow().id("careless").fallback("operatr")
                .node("hours", new CalendarSettings(new CalendarSpec("Paris", null, null, null, null), null),
                        "open", "main", "closed", "nowhere")
                .node("main", new MenuSettings(null, List.of(option("sales", "1"), option("support", "1"),
                        option("billing", "12")), null, null, null, null, null, null, null, null),
                        "sales", "spin", "support", "spin", "billing", "spin", "timeout", "main", "failure", "bye",
                        "busy", "bye")
                .node("spin", condition("again", "count > 3"), "again", "again", "else", "again")
                .node("again", set("count", "count +"), "next", "spin")
                .node("bye", hangup())
                .node("bye", hangup())
                .node("island", new SaySettings(Map.of("en-US", "Nobody hears this", "fr-FR", "Personne"), null, null))
                .build();
        // when
        ValidationReport report = validator.validate(careless);
        // then
        assertThat(report.issues()).extracting(ValidationIssue::code).contains(
                ValidationCodes.FALLBACK_UNKNOWN, ValidationCodes.NODE_ID_DUPLICATE,
                "CALENDAR_BAD_TIMEZONE", ValidationCodes.EXIT_TARGET_UNKNOWN, ValidationCodes.EXIT_UNKNOWN,
                ValidationCodes.SETTING_MISSING, ValidationCodes.MENU_DIGITS_DUPLICATE, ValidationCodes.MENU_DIGITS_OVERLAP,
                ValidationCodes.LOOP_WITHOUT_WAIT, ValidationCodes.LOOP_UNBOUNDED, ValidationCodes.VARIABLE_UNDECLARED,
                ValidationCodes.EXPRESSION_INVALID, ValidationCodes.NODE_UNREACHABLE, ValidationCodes.EXIT_UNWIRED,
                ValidationCodes.PROMPT_LANGUAGE_UNDECLARED);
    }
}
