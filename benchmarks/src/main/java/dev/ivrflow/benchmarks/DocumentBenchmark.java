package dev.ivrflow.benchmarks;

import dev.ivrflow.flow.FlowToolkit;
import dev.ivrflow.flow.compile.Compilation;
import dev.ivrflow.flow.json.ReadResult;
import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.validate.ValidationOptions;
import dev.ivrflow.flow.validate.ValidationReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * What publishing a large flow costs: reading its JSON (strict parse, schema check, binding), validating it,
 * compiling it (validation included, as {@link FlowToolkit#compile} does) and writing it canonically.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DocumentBenchmark {

    @State(Scope.Benchmark)
    public static class Document {
        @Param({"2000", "5000"})
        public int nodes;

        final FlowToolkit toolkit = new FlowToolkit();
        Flow flow;

        @Setup(Level.Trial)
        public void generate() {
            flow = FlowGenerator.generate(nodes);
            ValidationReport report = toolkit.validate(flow, ValidationOptions.DEFAULTS);
            if (report.hasErrors()) throw new IllegalStateException("the generated flow is invalid: " + report.errors());
        }
    }

    /** The document as JSON bytes, for reading. */
    @State(Scope.Benchmark)
    public static class Json {
        @Param({"2000", "5000"})
        public int nodes;

        final FlowToolkit toolkit = new FlowToolkit();
        byte[] json;

        @Setup(Level.Trial)
        public void generate() {
            json = FlowGenerator.json(FlowGenerator.generate(nodes));
            ReadResult<Flow> read = toolkit.reader().read(json);
            if (!read.isValid()) throw new IllegalStateException("the reader refuses the " + nodes + "-node flow ("
                    + json.length + " bytes): " + read.errors());
        }
    }

    @Benchmark
    public ReadResult<Flow> read(Json state) {
        return state.toolkit.reader().read(state.json);
    }

    /**
     * Re-validating a flow the engine has seen (the designer validating after an edit): compiled expressions come
     * from the engine's cache.
     */
    @Benchmark
    public ValidationReport validate(Document state) {
        return state.toolkit.validate(state.flow, ValidationOptions.DEFAULTS);
    }

    /** Validating a flow no expression of which has been compiled yet (a fresh engine, as after a restart). */
    @Benchmark
    public ValidationReport validateCold(Document state) {
        return new FlowToolkit().validate(state.flow, ValidationOptions.DEFAULTS);
    }

    @Benchmark
    public Compilation compile(Document state) {
        return state.toolkit.compile(state.flow, 1, ValidationOptions.DEFAULTS);
    }

    /** Publishing a flow on a fresh engine: validation compiles every expression, compilation reuses them. */
    @Benchmark
    public Compilation compileCold(Document state) {
        return new FlowToolkit().compile(state.flow, 1, ValidationOptions.DEFAULTS);
    }

    @Benchmark
    public byte[] write(Document state) {
        return state.toolkit.writer().write(state.flow);
    }
}
