package dev.ivrflow.flow.expr;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.compiler.CelCompiler;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.ivrflow.flow.model.VariableType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Compiles the expressions and templates in flows. Flows use Google's Common Expression Language (CEL), because
 * it suits expressions written by business admins and run inside live calls:
 * <ul>
 *   <li>It is not Turing-complete. There are no loops, only macros over finite lists, and no recursion, so every
 *       expression ends, and its cost can be bounded (see {@link ExpressionLimits}).</li>
 *   <li>It has no side effects and no access to Java classes, files or the network. An expression can read
 *       only the names it is given and call only CEL's own functions.</li>
 *   <li>It is type-checked when the flow is validated, with line and column, so a misspelt variable or a
 *       string compared with a number is caught in the designer and never during a call.</li>
 *   <li>It is maintained by Google and is the same language as Kubernetes admission policies, Envoy and
 *       Firebase rules, with a specification and implementations in Java, Go and C++.</li>
 *   <li>Its syntax ({@code nodes.crm.body.customer.tier == "gold" && call.callerNumber.startsWith("+33")})
 *       reads like the conditions admins already write in spreadsheets and other tools.</li>
 * </ul>
 *
 * <p>An engine is thread-safe; one per application is enough. It keeps a CEL compiler per distinct
 * {@link ExpressionScope}, since building one costs more than compiling a typical expression.
 */
public final class ExpressionEngine {
    private final ExpressionLimits limits;
    private final CelRuntime runtime;
    private final LoadingCache<ExpressionScope, CelCompiler> compilers;
    // Validating then compiling a flow asks for the same expressions twice, and flows repeat expressions: a
    // compiled result is immutable, so it is shared. Compiling with CEL costs far more than a lookup.
    private final Cache<CacheKey, CompileResult<?>> results = Caffeine.newBuilder().maximumSize(20_000).build();

    private record CacheKey(ExpressionScope scope, String text, boolean template, VariableType expected) {
    }

    public ExpressionEngine() {
        this(ExpressionLimits.DEFAULTS);
    }

    public ExpressionEngine(ExpressionLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.runtime = CelSetup.runtime(limits);
        this.compilers = Caffeine.newBuilder().maximumSize(256).build(scope -> CelSetup.compiler(scope, limits));
    }

    public ExpressionLimits limits() {
        return limits;
    }

    /** Compiles an expression of any result type (a {@code set} value of unknown type, a test assertion). */
    public CompileResult<CompiledExpression> compile(String source, ExpressionScope scope) {
        return compileExpression(source, scope, null);
    }

    /** Compiles a condition ({@code when}): besides {@link #compile}, the result must be able to be a bool. */
    public CompileResult<CompiledExpression> compileCondition(String source, ExpressionScope scope) {
        return compileExpression(source, scope, VariableType.BOOL);
    }

    /**
     * Compiles a value for a variable of type {@code target}: besides {@link #compile}, the result type must fit
     * (an int fits a double; a value only known at run time, such as {@code nodes.crm.body.total}, always
     * passes here and is checked by {@link CompiledExpression#evaluateAs}).
     */
    public CompileResult<CompiledExpression> compileValue(String source, ExpressionScope scope, VariableType target) {
        return compileExpression(source, scope, Objects.requireNonNull(target, "target"));
    }

    /**
     * Compiles a text with "{{ expression }}" placeholders. Error positions are counted in the whole text. There
     * is no escape: a literal "{{" is written {{ "{{" }}.
     */
    @SuppressWarnings("unchecked")
    public CompileResult<CompiledTemplate> compileTemplate(String text, ExpressionScope scope) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(scope, "scope");
        return (CompileResult<CompiledTemplate>) results.get(new CacheKey(scope, text, true, null),
                key -> compileTemplateNow(text, scope));
    }

    private CompileResult<CompiledTemplate> compileTemplateNow(String text, ExpressionScope scope) {
        SourcePositions positions = new SourcePositions(text);
        if (text.length() > limits.maxTemplateLength()) {
            return new CompileResult.Failure<>(List.of(positions.error(0, "text is too long: " + text.length()
                    + " characters, the limit is " + limits.maxTemplateLength())));
        }
        TemplateParser.Parsed parsed = TemplateParser.parse(text);
        List<ExpressionError> errors = new ArrayList<>();
        List<CompiledTemplate.Piece> pieces = new ArrayList<>();
        for (TemplateParser.Part part : parsed.parts()) {
            switch (part) {
                case TemplateParser.Literal literal -> pieces.add(new CompiledTemplate.Text(literal.text()));
                case TemplateParser.Hole hole -> {
                    var result = compileFragment(text, hole.start(), hole.end(), positions, scope, null);
                    errors.addAll(result.errors());
                    if (result instanceof CompileResult.Success<CompiledExpression>(CompiledExpression e)) {
                        pieces.add(new CompiledTemplate.Placeholder(e, label(text, hole)));
                    }
                }
            }
        }
        parsed.unclosed().ifPresent(open -> errors.add(positions.error(open,
                "this '{{' is never closed with '}}' (or a string inside it is never closed)")));
        if (!errors.isEmpty()) return new CompileResult.Failure<>(sorted(errors));
        return new CompileResult.Success<>(new CompiledTemplate(text, pieces, scope, limits));
    }

    private CompileResult<CompiledExpression> compileExpression(String source, ExpressionScope scope,
                                                                VariableType expected) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(scope, "scope");
        @SuppressWarnings("unchecked")
        CompileResult<CompiledExpression> r = (CompileResult<CompiledExpression>) results.get(
                new CacheKey(scope, source, false, expected),
                key -> compileFragment(source, 0, source.length(), new SourcePositions(source), scope, expected));
        return r;
    }

    /** Compiles {@code text[start, end)}; positions in errors are offsets in {@code text}. */
    private CompileResult<CompiledExpression> compileFragment(String text, int start, int end,
                                                              SourcePositions positions, ExpressionScope scope,
                                                              VariableType expected) {
        String source = text.substring(start, end);
        int firstCharacter = start + (source.length() - source.stripLeading().length());
        if (source.isBlank()) return failure(positions.error(start, "the expression is empty"));
        CelValidationResult result = compilers.get(scope).compile(source);
        if (result.hasError()) {
            List<ExpressionError> errors = new ArrayList<>();
            for (CelIssue issue : result.getErrors()) {
                CelSourceLocation at = issue.getSourceLocation();
                int offset = positions.offsetOf(start, end, at.getLine(), at.getColumn());
                boolean atCall = offset < end && text.charAt(offset) == '(';
                errors.add(positions.error(offset, CompileMessages.friendly(issue.getMessage(), scope, atCall)));
            }
            return new CompileResult.Failure<>(withoutCascades(sorted(errors)));
        }
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            if (expected != null && !fits(ast.getResultType(), expected)) {
                return failure(positions.error(firstCharacter, typeMismatch(ast.getResultType(), expected)));
            }
            CelRuntime.Program program = runtime.createProgram(ast);
            return new CompileResult.Success<>(new CompiledExpression(source, program, ExpressionFacts.of(ast),
                    scope, limits, positions, start, end));
        } catch (CelValidationException | CelEvaluationException e) {
            return failure(positions.error(firstCharacter, "the expression cannot be prepared: " + e.getMessage()));
        }
    }

    private static boolean fits(CelType type, VariableType expected) {
        CelKind kind = type.kind();
        if (kind == CelKind.DYN || kind == CelKind.ANY || kind == CelKind.TYPE_PARAM || kind == CelKind.ERROR) {
            return true;
        }
        return switch (expected) {
            case STRING -> kind == CelKind.STRING || kind == CelKind.NULL_TYPE;
            case INT -> kind == CelKind.INT || kind == CelKind.NULL_TYPE;
            case DOUBLE -> kind == CelKind.DOUBLE || kind == CelKind.INT || kind == CelKind.NULL_TYPE;
            case BOOL -> kind == CelKind.BOOL;
            case LIST -> kind == CelKind.LIST || kind == CelKind.NULL_TYPE;
            case MAP -> kind == CelKind.MAP || kind == CelKind.NULL_TYPE;
        };
    }

    private static String typeMismatch(CelType actual, VariableType expected) {
        String gives = actual.kind() == CelKind.NULL_TYPE ? "null"
                : CompiledExpression.article(actual.name()) + " " + actual.name();
        if (expected == VariableType.BOOL) {
            return "a condition must give true or false, but this expression gives " + gives;
        }
        return "expected " + CompiledExpression.article(expected.json()) + " " + expected.json()
                + ", but this expression gives " + gives;
    }

    private static String label(String text, TemplateParser.Hole hole) {
        String whole = text.substring(hole.open(), hole.end() + 2).replaceAll("\\s+", " ");
        return whole.length() > 60 ? whole.substring(0, 57) + "...}}" : whole;
    }

    private static CompileResult<CompiledExpression> failure(ExpressionError error) {
        return new CompileResult.Failure<>(List.of(error));
    }

    /** After the first syntax error the parser is guessing; what it reports next only confuses. */
    private static List<ExpressionError> withoutCascades(List<ExpressionError> errors) {
        List<ExpressionError> kept = new ArrayList<>();
        boolean syntaxErrorSeen = false;
        for (ExpressionError error : errors) {
            boolean syntax = error.message().startsWith(CompileMessages.SYNTAX_ERROR);
            if (syntax && syntaxErrorSeen) continue;
            syntaxErrorSeen |= syntax;
            kept.add(error);
        }
        return kept;
    }

    private static List<ExpressionError> sorted(List<ExpressionError> errors) {
        return errors.stream().distinct().sorted(Comparator.comparingInt(ExpressionError::offset)).toList();
    }
}
