package dev.payback.bench;

import dev.payback.engine.BlockSource;
import dev.payback.engine.Layout;
import dev.payback.engine.TrialColumns;
import dev.payback.engine.TrialModel;
import dev.payback.sampling.InputSampler;
import dev.payback.sampling.SamplingMethod;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One trial of scenario B, in nanoseconds per trial (each invocation is one block of
 * {@link InputSampler#BLOCK} trials): sampling every input and evaluating every option over every
 * month, with the fast samplers ({@code fast}) and with the naive commons-math3 filler
 * ({@code naive}) on the same {@link TrialModel}; the sampling alone ({@code fillOnly}); and the
 * monthly cash-flow kernel alone on inputs drawn once ({@code kernelOnly}). Run with {@code -t 2}
 * for both cores: trials/s = threads · 1e9 / score.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar TrialBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@OperationsPerInvocation(InputSampler.BLOCK)
public class TrialBenchmark {
    @Param("scenarios/b_consumer_goods_multichannel.yaml")
    public String scenario;

    private TrialModel model;
    private TrialModel.Scratch scratch;
    private BlockSource.Filler fast;
    private BlockSource.Filler naive;
    private double[][] block;
    private TrialColumns out;
    private long[] clamps;
    private long next;
    private long seed = 42;

    @Setup
    public void setUp() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of(scenario), List.of(), null);
        Layout layout = Layout.of(s);
        model = TrialModel.of(s, layout);
        scratch = model.newScratch();
        InputSampler sampler = InputSampler.of(layout.inputs(), s.correlations());
        fast = sampler.newWorker(SamplingMethod.RANDOM)::fill;
        naive = new NaiveFiller(layout, s.correlations()).newFiller();
        block = new double[layout.inputs().size()][InputSampler.BLOCK];
        out = new TrialColumns(InputSampler.BLOCK, layout);
        clamps = new long[layout.inputs().size()];
        fast.fill(seed, 0, InputSampler.BLOCK, block, clamps);
    }

    /** Nothing but the harness. */
    @Benchmark
    public long baseline() {
        return next++;
    }

    /** Fast sampling + the full trial evaluation. */
    @Benchmark
    public TrialColumns fast() {
        fast.fill(seed, next++, InputSampler.BLOCK, block, clamps);
        return evaluate();
    }

    /** Naive commons-math3 sampling + the same full trial evaluation. */
    @Benchmark
    public TrialColumns naive() {
        naive.fill(seed, next++, InputSampler.BLOCK, block, clamps);
        return evaluate();
    }

    /** Fast sampling alone. */
    @Benchmark
    public double[][] fillOnly() {
        fast.fill(seed, next++, InputSampler.BLOCK, block, clamps);
        return block;
    }

    /** The model alone (orders, pain, every option's 36-month cash-flow loop) on one fixed block. */
    @Benchmark
    public TrialColumns kernelOnly() {
        return evaluate();
    }

    private TrialColumns evaluate() {
        for (int t = 0; t < InputSampler.BLOCK; t++) {
            model.evaluate(block, t, out, scratch, null, 0);
        }
        return out;
    }
}
