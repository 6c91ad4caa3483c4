package dev.payback.bench;

import dev.payback.analysis.Analysis;
import dev.payback.analysis.Summary;
import dev.payback.engine.Engine;
import dev.payback.engine.SimulationResult;
import dev.payback.report.SummaryJson;
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
 * The summary stage: {@link Analysis#summarize} (sorting the retained trials for percentiles,
 * merging the streamed moments) and writing summary.json, on a finished run of scenario B.
 * Beyond the retention cap (250,000 trials) the cost stops growing with trials.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar AnalysisBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class AnalysisBenchmark {
    @Param("scenarios/b_consumer_goods_multichannel.yaml")
    public String scenario;

    @Param({"100000", "1000000"})
    public int trials;

    private SimulationResult result;
    private Summary summary;

    @Setup
    public void setUp() throws Exception {
        result = Engine.run(ScenarioLoader.load(Path.of(scenario), List.of(), null).withRun(trials, 42),
                Engine.Options.defaults());
        summary = Analysis.summarize(result);
    }

    @Benchmark
    public SimulationResult baseline() {
        return result;
    }

    /** Every STATS block, probability and quantile of summary.json. */
    @Benchmark
    public Summary summarize() {
        return Analysis.summarize(result);
    }

    /** The JSON bytes of a summary. */
    @Benchmark
    public byte[] json() {
        return SummaryJson.toBytes(summary);
    }
}
