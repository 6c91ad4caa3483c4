package dev.payback.bench;

import dev.payback.engine.Engine;
import dev.payback.engine.SimulationResult;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
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
 * The end-to-end engine: sampling every input and evaluating every option over every month, on the
 * reference scenario B, including the block-ordered statistics, the retained columns and the
 * monthly paths (not the summary: see AnalysisBenchmark). Score is milliseconds per run of
 * {@code trials} trials; trials per second = trials / (score / 1000).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar EngineBenchmark -p trials=500000</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class EngineBenchmark {
    /** Path of the scenario, relative to the repository root (where the benchmark is run). */
    @Param("scenarios/b_consumer_goods_multichannel.yaml")
    public String scenario;

    /**
     * Trials per run: 100,000 is simulate's default, where every trial is retained (scenario B's
     * retention line is 250,000: its columns are copied per block with System.arraycopy); 500,000 and
     * 1,000,000 lie beyond the line, where each block's kept trials are gathered column by column.
     */
    @Param({"100000", "500000", "1000000"})
    public int trials;

    /** random, lhs or sobol. */
    @Param("random")
    public String sampling;

    @Param({"1", "2"})
    public int threads;

    private Scenario loaded;
    private Engine.Options options;

    @Setup
    public void setUp() throws Exception {
        loaded = ScenarioLoader.load(Path.of(scenario), List.of(), null).withRun(trials, 42);
        options = Engine.Options.defaults().withThreads(threads)
                .withSampling(dev.payback.sampling.SamplingMethod.valueOf(sampling.toUpperCase(java.util.Locale.ROOT)));
    }

    /** Loads nothing and runs nothing: the harness's own cost. */
    @Benchmark
    public Scenario baseline() {
        return loaded;
    }

    /** One full run: returns the result so nothing is optimized away. */
    @Benchmark
    public SimulationResult engine() throws Exception {
        return Engine.run(loaded, options);
    }
}
