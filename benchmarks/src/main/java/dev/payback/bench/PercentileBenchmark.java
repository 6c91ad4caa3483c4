package dev.payback.bench;

import dev.payback.analysis.OrderStatistics;
import dev.payback.analysis.Stats;
import dev.payback.engine.Engine;
import dev.payback.engine.SimulationResult;
import dev.payback.engine.TrialEvents;
import dev.payback.scenario.Input;
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
import org.openjdk.jmh.infra.Blackhole;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Two of the summary's percentile computations that the headline statistics no longer do as before,
 * on the retained rows of scenario B (every trial retained up to 250,000), old way against new, on
 * one thread:
 * <ul>
 *   <li>the payback month's STATS percentiles (over the trials that pay back): a sort of the kept
 *       months ({@code paybackMonthBySort}, {@code Stats.of(values, keep)}) against the same seven
 *       order statistics without a sort ({@code paybackMonthBySelection}, what
 *       {@code OptionFigures.kept} does);</li>
 *   <li>the inputs' P10/P50/P90 by an order statistic per uncertain input column
 *       ({@code inputsBySelection}), which the summary now reads off the order the sensitivity
 *       analysis computes anyway (its cost there is reading six values per input).</li>
 * </ul>
 * Run with the product's compiler (the launcher runs C1 only):
 * <pre>java -jar benchmarks/target/benchmarks.jar PercentileBenchmark -f 1 -wi 2 -i 3 -jvmArgsAppend -XX:TieredStopAtLevel=1</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class PercentileBenchmark {
    @Param("scenarios/b_consumer_goods_multichannel.yaml")
    public String scenario;

    @Param("250000")
    public int rows;

    private double[] month;
    private boolean[] paid;
    private List<double[]> inputs;

    @Setup
    public void setUp() throws Exception {
        SimulationResult r = Engine.run(ScenarioLoader.load(Path.of(scenario), List.of(), null).withRun(rows, 42),
                Engine.Options.defaults());
        int n = r.columns().option(1).npv().size();
        month = new double[n];
        paid = new boolean[n];
        for (int i = 0; i < n; i++) {
            month[i] = r.columns().option(1).paybackMonth(i);
            paid[i] = TrialEvents.paidBack(r.columns().option(1).paybackMonth(i));
        }
        inputs = new ArrayList<>();
        List<Input> all = r.layout().inputs();
        for (int c = 0; c < r.layout().scenarioInputCount(); c++) {
            if (!all.get(c).dist().isFixed()) {
                inputs.add(r.inputs()[c]);
            }
        }
        double[] a = bySort();
        double[] b = bySelection();
        if (!Arrays.equals(a, b)) {
            throw new IllegalStateException("the two ways differ: " + Arrays.toString(a) + " " + Arrays.toString(b));
        }
    }

    private double[] bySort() {
        Stats s = Stats.of(month, paid);
        return new double[] {s.p5(), s.p10(), s.p25(), s.p50(), s.p75(), s.p90(), s.p95()};
    }

    private double[] bySelection() {
        return OrderStatistics.quantiles(Stats.kept(month, paid), 0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95);
    }

    @Benchmark
    public double[] paybackMonthBySort() {
        return bySort();
    }

    @Benchmark
    public double[] paybackMonthBySelection() {
        return bySelection();
    }

    @Benchmark
    public void inputsBySelection(Blackhole bh) {
        for (double[] column : inputs) {
            bh.consume(OrderStatistics.quantiles(column, 0.10, 0.50, 0.90));
        }
    }
}
