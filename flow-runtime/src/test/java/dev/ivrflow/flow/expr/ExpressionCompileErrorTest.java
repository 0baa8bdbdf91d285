package dev.ivrflow.flow.expr;

import dev.ivrflow.flow.model.VariableType;
import org.junit.jupiter.api.Test;

import static dev.ivrflow.flow.expr.ExpressionFixtures.ENGINE;
import static dev.ivrflow.flow.expr.ExpressionFixtures.SCOPE;
import static dev.ivrflow.flow.expr.ExpressionFixtures.onlyError;
import static org.assertj.core.api.Assertions.assertThat;

class ExpressionCompileErrorTest {

    @Test
    void shouldPlaceAMisspeltVariableAndSuggestTheRightOne() {
        // given a typo in a variable name / when compiled
        ExpressionError error = onlyError(ENGINE.compile("acountNumber.size() == 8", SCOPE));

        // then the error names it, suggests the declared one, and points at its first letter
        assertThat(error).isEqualTo(new ExpressionError(
                "unknown name 'acountNumber' (did you mean 'accountNumber'?)", 1, 1, 0));
    }

    @Test
    void shouldCountLinesAndColumnsFromOne() {
        // given an unknown name on the second line, indented by two spaces
        ExpressionError error = onlyError(ENGINE.compile("attempts > 1 &&\n  vipp", SCOPE));

        // then it is at line 2, column 3
        assertThat(error).isEqualTo(new ExpressionError("unknown name 'vipp' (did you mean 'vip'?)", 2, 3, 18));
    }

    @Test
    void shouldPlaceASyntaxErrorWhereTheExpressionStopsMakingSense() {
        // given an expression cut short / when compiled / then the error is at its end
        assertThat(onlyError(ENGINE.compile("attempts > ", SCOPE))).isEqualTo(new ExpressionError(
                "syntax error: the expression ends too early (is a value or a closing bracket missing?)", 1, 12, 11));

        // given a stray character / then it is named and placed, without the parser's follow-on guesses
        assertThat(onlyError(ENGINE.compile("attempts # 2", SCOPE)))
                .extracting(ExpressionError::message, ExpressionError::column)
                .containsExactly("syntax error: unexpected character '#'", 10);
    }

    @Test
    void shouldRejectComparingAStringWithANumber() {
        // given a string variable compared with an int / when compiled
        ExpressionError error = onlyError(ENGINE.compile("accountNumber == 12345678", SCOPE));

        // then the operator is shown as written, with the two types
        assertThat(error.message()).isEqualTo("'==' cannot be applied to (string, int)");
        assertThat(error.offset()).isEqualTo(14);
    }

    @Test
    void shouldCountColumnsInUtf16UnitsLikeTheBrowser() {
        // given an emoji (two UTF-16 units, one code point) before the error
        ExpressionError error = onlyError(ENGINE.compile("\"😀\" + nope", SCOPE));

        // then offset and column are where JavaScript would put them
        assertThat(error.offset()).isEqualTo("\"😀\" + ".length()).isEqualTo(7);
        assertThat(error.column()).isEqualTo(8);
    }

    @Test
    void shouldRejectAConditionThatCannotBeTrueOrFalse() {
        // given an int-valued condition / when compiled as a condition
        ExpressionError error = onlyError(ENGINE.compileCondition("  attempts + 1", SCOPE));

        // then it says what the expression gives, at its first character
        assertThat(error).isEqualTo(new ExpressionError(
                "a condition must give true or false, but this expression gives an int", 1, 3, 2));
    }

    @Test
    void shouldRejectAValueOfTheWrongTypeForItsVariable() {
        // given values for an int and a double variable / when compiled
        // then a string does not fit an int, and an int does fit a double
        assertThat(onlyError(ENGINE.compileValue("accountNumber", SCOPE, VariableType.INT)).message())
                .isEqualTo("expected an int, but this expression gives a string");
        assertThat(ENGINE.compileValue("attempts * 2", SCOPE, VariableType.DOUBLE).isSuccess()).isTrue();
        assertThat(ENGINE.compileValue("nodes.crm.body.total", SCOPE, VariableType.INT).isSuccess()).isTrue();
    }

    @Test
    void shouldRejectAnEmptyExpression() {
        // given a blank expression / when compiled / then it is an error, not a crash
        assertThat(onlyError(ENGINE.compile("   ", SCOPE)).message()).isEqualTo("the expression is empty");
    }

    @Test
    void shouldReportEveryErrorInOrder() {
        // given two unknown names / when compiled / then both are reported, in source order
        assertThat(ENGINE.compile("foo || bar", SCOPE).errors())
                .extracting(ExpressionError::message, ExpressionError::offset)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("unknown name 'foo'", 0),
                        org.assertj.core.groups.Tuple.tuple("unknown name 'bar'", 7));
    }
}
