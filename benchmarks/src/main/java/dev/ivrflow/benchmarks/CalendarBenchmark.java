package dev.ivrflow.benchmarks;

import dev.ivrflow.flow.calendar.CalendarDecision;
import dev.ivrflow.flow.calendar.CalendarEvaluator;
import dev.ivrflow.flow.calendar.CalendarProblem;
import dev.ivrflow.flow.calendar.CalendarSpec;
import dev.ivrflow.flow.calendar.CalendarValidator;
import dev.ivrflow.flow.calendar.PublicHolidays;
import dev.ivrflow.flow.nodes.calendar.CalendarSettings;
import dev.ivrflow.flow.sim.SimCall;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a calendar node costs each call that enters it, against the part of it that re-checks the calendar (work the
 * flow validator has already done once per flow): the generated department's calendar, weekly hours in Paris with
 * French public holidays.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class CalendarBenchmark {
    private final CalendarSpec spec = ((CalendarSettings) FlowGenerator.generate(FlowGenerator.SECTION_SIZE + 3)
            .node("s0_hours").orElseThrow().settings()).calendar();
    private final Instant at = SimCall.DEFAULT_TIME;
    private final CalendarEvaluator evaluator = new CalendarEvaluator();
    private final CalendarValidator validator = new CalendarValidator(PublicHolidays.shared());

    /** What {@code CalendarHandler} asks for on every call. */
    @Benchmark
    public CalendarDecision decide() {
        return evaluator.evaluate(spec, at);
    }

    /** The check {@link CalendarEvaluator#evaluate} runs first, every time. */
    @Benchmark
    public List<CalendarProblem> validateSpec() {
        return validator.validate(spec);
    }
}
