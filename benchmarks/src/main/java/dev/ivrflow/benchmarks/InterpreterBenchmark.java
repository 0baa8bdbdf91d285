package dev.ivrflow.benchmarks;

import dev.ivrflow.flow.FlowToolkit;
import dev.ivrflow.flow.compile.Compilation;
import dev.ivrflow.flow.intent.LocalIntentClassifier;
import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.port.FlowResolver;
import dev.ivrflow.flow.runtime.CompiledFlow;
import dev.ivrflow.flow.runtime.JournalEvent;
import dev.ivrflow.flow.runtime.RuntimeLimits;
import dev.ivrflow.flow.sim.CallerStep;
import dev.ivrflow.flow.sim.SimCall;
import dev.ivrflow.flow.sim.SimWorld;
import dev.ivrflow.flow.sim.SimulationResult;
import dev.ivrflow.flow.sim.Simulator;
import dev.ivrflow.flow.validate.ValidationOptions;
import org.openjdk.jmh.annotations.AuxCounters;
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

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The interpreter's speed, through the in-memory simulator (real session, handlers and compiled CEL; a scripted
 * caller on a manual clock; the journal kept in memory). Scores are calls per second; {@code longCall:steps} is
 * node steps per second, counted from each call's path (one entry per NODE_ENTERED journal event).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class InterpreterBenchmark {
    static final int ITERATIONS = 100;
    /** Far above any call here: the default limit (2,000 steps) exists to stop runaway loops, not to cap a benchmark. */
    static final RuntimeLimits LIMITS = new RuntimeLimits(1_000_000, Duration.ofHours(4));

    @State(Scope.Benchmark)
    public static class LongCall {
        /** Whether the body's expressions read flow variables or node results ({@code nodes.loop.iteration}). */
        @Param({"variables", "nodeResults"})
        public String reads;

        /** Set, condition and say nodes per round; a call takes 100 rounds of body + 2 steps. */
        @Param({"10", "30", "90"})
        public int body;

        Simulator simulator;
        CompiledFlow flow;
        SimCall call;

        @Setup(Level.Trial)
        public void compile() {
            FlowToolkit toolkit = new FlowToolkit();
            flow = compiled(toolkit, FlowGenerator.loopFlow(ITERATIONS, body, reads.equals("nodeResults")));
            simulator = toolkit.simulator(FlowResolver.NONE, new LocalIntentClassifier(), LIMITS);
            call = new SimCall(null, null, null, null, null, Collections.nCopies(ITERATIONS, CallerStep.press("1")), null);
            SimulationResult result = simulator.run(flow, call);
            long entered = result.journal().stream().filter(e -> e.kind() == JournalEvent.Kind.NODE_ENTERED).count();
            int expected = ITERATIONS * (body + 2) + 2;
            if (entered != expected || entered != result.path().size() || !"bye".equals(result.path().getLast())) {
                throw new IllegalStateException("expected " + expected + " steps ending at bye, got " + entered + " ending "
                        + result.path().getLast() + " (" + result.endReason() + ")");
            }
        }
    }

    @State(Scope.Benchmark)
    public static class MenuCall {
        static final List<String> PATH = List.of("s0_hours", "s0_welcome", "s0_count", "s0_crm", "s0_vip", "s0_menu",
                "s0_salesPlay", "s0_salesQueue", "s0_bye");

        Simulator simulator;
        CompiledFlow flow;
        SimCall call;

        @Setup(Level.Trial)
        public void compile() {
            FlowToolkit toolkit = new FlowToolkit();
            // One department: hours, greeting, counter, CRM lookup, VIP check, menu, queues, transfers.
            flow = compiled(toolkit, FlowGenerator.generate(FlowGenerator.SECTION_SIZE + 3));
            simulator = toolkit.simulator(FlowResolver.NONE);
            SimWorld world = new SimWorld(null, List.of("answered"), List.of(new SimWorld.HttpReply(200,
                    Map.of("customer", Map.of("tier", "silver")), null, null)), null, null);
            call = SimCall.of(CallerStep.press("1")).with(world);
            SimulationResult result = simulator.run(flow, call);
            if (!result.path().equals(PATH)) throw new IllegalStateException("unexpected path " + result.path());
        }
    }

    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counter {
        public long steps;

        @Setup(Level.Iteration)
        public void reset() {
            steps = 0;
        }
    }

    /** One call of thousands of steps: per round the loop node, the body and a menu where the caller presses 1. */
    @Benchmark
    public SimulationResult longCall(LongCall state, Counter counter) {
        SimulationResult result = state.simulator.run(state.flow, state.call);
        counter.steps += result.path().size();
        return result;
    }

    /** Calendar, say, set, HTTP, condition, menu (the caller presses 1), play, queue, hang-up: 9 steps. */
    @Benchmark
    public SimulationResult realisticCall(MenuCall state) {
        return state.simulator.run(state.flow, state.call);
    }

    static CompiledFlow compiled(FlowToolkit toolkit, Flow flow) {
        Compilation c = toolkit.compile(flow, 1, ValidationOptions.DEFAULTS);
        if (c.flow() == null) throw new IllegalStateException("the flow does not compile: " + c.report().errors());
        return c.flow();
    }
}
