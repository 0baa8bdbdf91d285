package dev.ivrflow.flow.expr;

import org.junit.jupiter.api.Test;

import static dev.ivrflow.flow.expr.ExpressionFixtures.ENGINE;
import static dev.ivrflow.flow.expr.ExpressionFixtures.SCOPE;
import static dev.ivrflow.flow.expr.ExpressionFixtures.context;
import static dev.ivrflow.flow.expr.ExpressionFixtures.errorOf;
import static dev.ivrflow.flow.expr.ExpressionFixtures.onlyError;
import static org.assertj.core.api.Assertions.assertThat;

class ExpressionTemplateTest {

    private static EvalResult render(String template) {
        return ENGINE.compileTemplate(template, SCOPE).orElseThrow().render(context());
    }

    @Test
    void shouldFillSeveralPlaceholders() {
        // given TTS text with placeholders reading a variable, call data and a node result
        String text = "Hello {{ profile.name }}, your balance is {{ balance }} euros."
                + " Tier: {{nodes.crm.body.customer.tier}}. Caller {{ call.callerNumber }}.";

        // when rendered / then each placeholder is replaced by its value
        assertThat(render(text)).isEqualTo(new EvalResult.Value(
                "Hello Ada, your balance is 12.5 euros. Tier: gold. Caller +33612345678."));
    }

    @Test
    void shouldRenderValuesNaturally() {
        // given values of every kind / when rendered
        // then null is empty, whole doubles lose ".0", and lists and maps are compact JSON
        assertThat(render("[{{ null }}]")).isEqualTo(new EvalResult.Value("[]"));
        assertThat(render("{{ 3.0 }} {{ 1e20 }} {{ attempts }} {{ vip }}"))
                .isEqualTo(new EvalResult.Value("3 100000000000000000000 2 true"));
        assertThat(render("{{ choices }} {{ {\"a\": [1, null, \"x\\\"y\"]} }}"))
                .isEqualTo(new EvalResult.Value("[\"sales\",\"support\"] {\"a\":[1,null,\"x\\\"y\"]}"));
    }

    @Test
    void shouldLeaveTextWithoutPlaceholdersAsItIs() {
        // given text with no placeholder and a stray closing pair / when compiled / then it is constant
        CompiledTemplate template = ENGINE.compileTemplate("Press 1 for sales }}", SCOPE).orElseThrow();
        assertThat(template.isConstant()).isTrue();
        assertThat(template.render(context())).isEqualTo(new EvalResult.Value("Press 1 for sales }}"));
    }

    @Test
    void shouldAllowBracesAndStringsInsidePlaceholders() {
        // given a map literal ending in "}}" and a string holding "}}" / when rendered / then both are whole
        assertThat(render("{{ {\"a\": {\"b\": 1}}.a.b }}|{{ \"}}\" }}|{{ \"{{\" }}"))
                .isEqualTo(new EvalResult.Value("1|}}|{{"));
    }

    @Test
    void shouldPlaceErrorsInTheWholeTemplateText() {
        // given a misspelt name in the second placeholder, on the second line
        String text = "Hello {{ profile.name }},\nyour balance is {{ balanse }}.";

        // when compiled / then line, column and offset are counted in the whole text
        ExpressionError error = onlyError(ENGINE.compileTemplate(text, SCOPE));
        assertThat(error).isEqualTo(new ExpressionError(
                "unknown name 'balanse' (did you mean 'balance'?)", 2, 20, text.indexOf("balanse")));
    }

    @Test
    void shouldReportAnUnclosedPlaceholderAtItsOpening() {
        // given a placeholder that never closes / when compiled / then the error points at its "{{"
        ExpressionError error = onlyError(ENGINE.compileTemplate("Hi {{ profile.name }} and {{ call.uuid", SCOPE));
        assertThat(error.offset()).isEqualTo(26);
        assertThat(error.column()).isEqualTo(27);
        assertThat(error.message()).startsWith("this '{{' is never closed with '}}'");
    }

    @Test
    void shouldReportEveryBadPlaceholder() {
        // given an unknown name, an empty placeholder and a syntax error
        String text = "{{ nope }} {{ }} {{ attempts + }}";

        // when compiled / then all three are reported, each where it is
        assertThat(ENGINE.compileTemplate(text, SCOPE).errors())
                .extracting(ExpressionError::offset)
                .containsExactly(3, 13, 31);
    }

    @Test
    void shouldNameThePlaceholderThatFailedAtRunTime() {
        // given a placeholder reading a key the CRM did not return / when rendered
        String message = errorOf(render("Dear {{ nodes.crm.body.customer.name }}, hello"));

        // then the error names the placeholder and points into the template
        assertThat(message).isEqualTo("in {{ nodes.crm.body.customer.name }}: key 'name' is not present in map"
                + " (at line 1, column 32)");
    }
}
