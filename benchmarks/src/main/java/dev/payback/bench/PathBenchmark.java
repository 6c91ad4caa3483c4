package dev.payback.bench;

import dev.payback.analysis.Analysis;
import dev.payback.analysis.CashFlow;
import dev.payback.analysis.OrderStatistics;
import dev.payback.analysis.PathPercentiles;
import dev.payback.analysis.Summary;
import dev.payback.engine.Engine;
import dev.payback.engine.SimulationResult;
import dev.payback.report.HtmlReport;
import dev.payback.report.charts.ChartData;
import dev.payback.report.charts.Charts;
import dev.payback.scenario.ScenarioLoader;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

/**
 * What the outputs draw from the monthly paths of scenario B at its default 100,000 trials (every
 * path kept): the cash flow by month (cashflow.csv, the workbook), the chart data (the fan and the
 * sorted columns of the histograms), report.html's quarters, and all three as {@code simulate} computes
 * them; and the percentiles of one month's column alone. Each runs in a fork-join pool of
 * {@code threads} workers, as the CLI bounds its stages ({@code --threads}); 1 measures the CPU.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar PathBenchmark -p threads=1</pre>
 * With the product's compiler (the launcher runs C1 only):
 * <pre>java -jar benchmarks/target/benchmarks.jar PathBenchmark -jvmArgsAppend -XX:TieredStopAtLevel=1</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Djava.awt.headless=true"})
public class PathBenchmark {
    @Param("scenarios/b_consumer_goods_multichannel.yaml")
    public String scenario;

    @Param("100000")
    public int trials;

    @Param({"1", "2"})
    public int threads;

    private SimulationResult result;
    private Summary summary;
    private ForkJoinPool pool;
    private double[] column;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        result = Engine.run(ScenarioLoader.load(Path.of(scenario), List.of(), null).withRun(trials, 42),
                Engine.Options.defaults());
        summary = Analysis.summarize(result);
        pool = new ForkJoinPool(threads);
        column = result.paths().month(0, result.paths().horizon() / 2);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.shutdown();
    }

    /** The cash flow by month of every option (cashflow.csv and the workbook), the paths' percentiles included. */
    @Benchmark
    public CashFlow cashFlow() {
        return pool.submit(() -> CashFlow.of(result, summary)).join();
    }

    /** The chart data (the paths' percentiles included) and the chart specifications built from it. */
    @Benchmark
    public List<Charts.ChartSpec> chartData() {
        return pool.submit(() -> Charts.all(ChartData.of(result, summary))).join();
    }

    /** report.html's quarterly cash flow, the paths' percentiles included. */
    @Benchmark
    public HtmlReport.PathFigures quarters() {
        return pool.submit(() -> HtmlReport.PathFigures.of(result, summary)).join();
    }

    /**
     * Everything simulate computes from the monthly paths with every output selected, as it does: the
     * paths' percentiles once, then the cash flow, the chart data and report.html's quarters from them.
     */
    @Benchmark
    public void fromPaths(Blackhole bh) {
        pool.submit(() -> {
            PathPercentiles percentiles = PathPercentiles.of(result);
            bh.consume(CashFlow.of(percentiles, summary));
            bh.consume(Charts.all(ChartData.of(result, summary, percentiles)));
            bh.consume(HtmlReport.PathFigures.of(percentiles, summary));
        }).join();
    }

    /** The percentiles of the monthly paths alone: every month's and quarter's columns of every option. */
    @Benchmark
    public PathPercentiles pathPercentiles() {
        return pool.submit(() -> PathPercentiles.of(result)).join();
    }

    /** P10, median and P90 of one month's cumulative position over the kept trials. */
    @Benchmark
    public double[] columnQuantiles() {
        return OrderStatistics.quantiles(column, 0.10, 0.50, 0.90);
    }
}
