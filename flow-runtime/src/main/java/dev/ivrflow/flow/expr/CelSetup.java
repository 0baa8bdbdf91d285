package dev.ivrflow.flow.expr;

import dev.cel.common.CelOptions;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.extensions.CelStringExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.ivrflow.flow.model.VariableType;

/**
 * Builds the CEL compiler and runtime: the standard library, the standard macros, and the string functions that
 * cannot multiply the size of a value.
 *
 * <p>Left out on purpose: {@code join} and {@code replace}, because one call can multiply a string's length
 * ({@code ["a" x10].join(sep)} or {@code s.replace("a", s)}), so a short expression could allocate gigabytes
 * before any cost check sees the result; and every extension that declares types, protobuf messages, bindings
 * or two-variable comprehensions. No Java types are registered, so nothing outside CEL's values is reachable.
 */
final class CelSetup {
    private CelSetup() {
    }

    static final CelType MAP_OF_DYN = MapType.create(SimpleType.STRING, SimpleType.DYN);

    private static final CelStringExtensions STRINGS = CelExtensions.strings(
            CelStringExtensions.Function.CHAR_AT,
            CelStringExtensions.Function.INDEX_OF,
            CelStringExtensions.Function.LAST_INDEX_OF,
            CelStringExtensions.Function.LOWER_ASCII,
            CelStringExtensions.Function.UPPER_ASCII,
            CelStringExtensions.Function.QUOTE,
            CelStringExtensions.Function.REVERSE,
            CelStringExtensions.Function.SPLIT,
            CelStringExtensions.Function.SUBSTRING,
            CelStringExtensions.Function.TRIM);

    static CelOptions options(ExpressionLimits limits) {
        return CelOptions.current()
                .maxExpressionCodePointSize(limits.maxSourceLength())
                .maxParseRecursionDepth(limits.maxNestingDepth())
                .comprehensionMaxIterations(limits.maxIterations())
                .maxRegexProgramSize(limits.maxRegexProgramSize())
                .build();
    }

    static CelCompiler compiler(ExpressionScope scope, ExpressionLimits limits) {
        CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(options(limits))
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addLibraries(STRINGS)
                .addVar(ExpressionScope.CALL, MAP_OF_DYN)
                .addVar(ExpressionScope.NODES, MAP_OF_DYN)
                .addVar(ExpressionScope.LAST, MAP_OF_DYN);
        scope.variables().forEach((name, type) -> builder.addVar(name, celType(type)));
        return builder.build();
    }

    static CelRuntime runtime(ExpressionLimits limits) {
        return CelRuntimeFactory.standardCelRuntimeBuilder()
                .setOptions(options(limits))
                .addLibraries(STRINGS)
                .build();
    }

    static CelType celType(VariableType type) {
        return switch (type) {
            case STRING -> SimpleType.STRING;
            case INT -> SimpleType.INT;
            case DOUBLE -> SimpleType.DOUBLE;
            case BOOL -> SimpleType.BOOL;
            case LIST -> ListType.create(SimpleType.DYN);
            case MAP -> MAP_OF_DYN;
        };
    }
}
