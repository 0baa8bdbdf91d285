package dev.ivrflow.flow.validate;

import dev.ivrflow.flow.expr.ExpressionEngine;
import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.model.Node;
import dev.ivrflow.flow.model.NodeSettings;
import dev.ivrflow.flow.model.NodeType;
import dev.ivrflow.flow.model.Prompt;
import dev.ivrflow.flow.model.PromptVariant;
import dev.ivrflow.flow.nodes.NodeKinds;
import dev.ivrflow.flow.nodes.NodeValidators;
import dev.ivrflow.flow.nodes.condition.ConditionCase;
import dev.ivrflow.flow.nodes.condition.ConditionSettings;
import dev.ivrflow.flow.nodes.menu.MenuOption;
import dev.ivrflow.flow.nodes.menu.MenuSettings;
import dev.ivrflow.flow.nodes.play.PlaySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static dev.ivrflow.flow.validate.TestFlows.flow;
import static dev.ivrflow.flow.validate.TestSettings.hangup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The model may come from code, not only from the schema-checked reader: nulls anywhere give issues, not throws. */
class RobustnessTest {
    private final FlowValidator validator = new FlowValidator();

    @Test
    void shouldReportAMissingFlowInsteadOfThrowing() {
        assertThat(validator.validate(null, null).errors()).extracting(ValidationIssue::code)
                .containsExactly(ValidationCodes.FLOW_MISSING);
    }

    @Test
    void shouldReportAFlowWhoseFieldsAreAllNull() {
        Flow empty = new Flow(null, null, null, null, null, null, null, null, null, null, null);

        assertThat(validator.validate(empty, null).errors()).extracting(ValidationIssue::code)
                .containsExactly(ValidationCodes.FLOW_ID_MISSING, ValidationCodes.LANGUAGE_DEFAULT_MISSING,
                        ValidationCodes.START_MISSING);
    }

    @ParameterizedTest
    @EnumSource(NodeType.class)
    void shouldCheckEveryNodeTypeWithAllSettingsNull(NodeType type) throws Exception {
        // given
        Flow f = flow().node(new Node("n", type, null, allNull(NodeKinds.settingsClass(type)), Map.of())).build();
        // when
        ValidationReport report = validator.validate(f);
        // then
        assertThat(report.withCode(ValidationCodes.VALIDATOR_FAILED)).isEmpty();
        assertThat(report.withCode(ValidationCodes.NODE_SETTINGS_INVALID)).isEmpty();
    }

    @Test
    void shouldReportSettingsThatCannotEvenDescribeTheirExits() {
        // given: a null option makes MenuSettings.exits() itself fail
        MenuSettings menu = new MenuSettings(null, Arrays.asList(new MenuOption("a", "1", null, null), null), null,
                null, null, null, null, null, null, null);
        ConditionSettings condition = new ConditionSettings(Arrays.asList(null, new ConditionCase(null, null)));
        Flow f = flow().node("menu", menu).node("check", condition).build();
        // when
        ValidationReport report = validator.validate(f);
        // then
        assertThat(report.withCode(ValidationCodes.NODE_SETTINGS_INVALID))
                .extracting(ValidationIssue::nodeId, ValidationIssue::pointer)
                .containsExactly(tuple("menu", "/nodes/0/settings"), tuple("check", "/nodes/1/settings"));
        assertThat(report.withCode(ValidationCodes.VALIDATOR_FAILED)).isEmpty();
    }

    @Test
    void shouldTolerateNullIdsExitTargetsAndPromptVariants() {
        // given
        Map<String, String> exits = new HashMap<>();
        exits.put("next", null);
        Map<String, PromptVariant> variants = new HashMap<>();
        variants.put("en-US", null);
        Flow f = flow().start("p")
                .node(new Node(null, NodeType.HANGUP, null, hangup(), null))
                .node(new Node("p", NodeType.PLAY, null, new PlaySettings(new Prompt(variants), null), exits))
                .build();
        // when
        ValidationReport report = validator.validate(f);
        // then
        assertThat(report.errors()).extracting(ValidationIssue::code).contains(ValidationCodes.NODE_ID_INVALID,
                ValidationCodes.EXIT_UNWIRED, ValidationCodes.PROMPT_VARIANT_INVALID);
        assertThat(report.withCode(ValidationCodes.VALIDATOR_FAILED)).isEmpty();
    }

    @Test
    void shouldReportANodeValidatorThatFailsAndStillRunEveryOtherCheck() {
        // given
        NodeValidators failing = NodeValidators.builder().register(NodeType.SAY, check -> {
            throw new IllegalStateException("boom");
        }).build();
        Flow f = flow().node("hello", new dev.ivrflow.flow.nodes.say.SaySettings(Map.of("en-US", "Hi"), null, null))
                .build();
        // when
        ValidationReport report = new FlowValidator(failing, new ExpressionEngine()).validate(f);
        // then
        assertThat(report.errors()).extracting(ValidationIssue::code, ValidationIssue::nodeId)
                .containsExactlyInAnyOrder(tuple(ValidationCodes.VALIDATOR_FAILED, "hello"),
                        tuple(ValidationCodes.EXIT_UNWIRED, "hello"));
    }

    private static NodeSettings allNull(Class<? extends NodeSettings> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Constructor<? extends NodeSettings> constructor = type.getDeclaredConstructor(types);
        return constructor.newInstance(new Object[components.length]);
    }
}
