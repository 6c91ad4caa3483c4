package dev.payback.engine;

import dev.payback.analysis.Analysis;
import dev.payback.analysis.Summary;
import dev.payback.report.OutputFormat;
import dev.payback.report.Outputs;
import dev.payback.report.SummaryJson;
import dev.payback.report.charts.ChartData;
import dev.payback.sampling.SamplingMethod;
import dev.payback.scenario.Dist;
import dev.payback.scenario.Input;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.TriangularDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * At 3× the retention line, for every sampling method, the retained rows and the kept monthly paths
 * are a uniform random sample of the run's trials (engine/Retention, docs/model-notes.md "Scale"), so
 * a percentile carries the rank error of a sample of R rows, sqrt(p(1−p)/R), on top of the run's own
 * Monte Carlo error. (Every k-th trial of a Sobol' sequence is not such a sample: the audit found
 * scenario B's annual_growth P10 +94% off at 2× the line.) The lines are lowered to
 * {@value #LINE} ({@link Engine.Options#withRetainCap} and the path cap; in a real run they are at
 * least 250,000 and 100,000) and the scenario is small, so the class runs in seconds.
 *
 * <p>Every check allows 5 standard errors of its rank error: a false failure has probability below
 * 6e-7 per check; with about 200 checks, below 1.2e-4 for the class.
 */
class ScaleTest {
    static final int LINE = 10_000;
    static final int TRIALS = 3 * LINE;
    /** z of the 95th percentile: the lognormal of {@code ci90: [p5, p95]} has σ = (ln p95 − ln p5) / (2z). */
    static final double Z95 = new NormalDistribution(0, 1).inverseCumulativeProbability(0.95);

    /** One input of each continuous family, and a discrete one, two options; nothing clamps. */
    static Scenario scenario(int seed) throws Exception {
        return ScenarioLoader.parse("""
                name: scale
                horizon_months: 24
                business:
                  orders_per_month: {pert: [9000, 12000, 16000]}
                  annual_growth: {pert: [0.0, 0.15, 0.35]}
                  average_order_value: {triangular: [38, 45, 55]}
                  gross_margin: {uniform: [0.35, 0.45]}
                  loaded_labor_cost_per_hour: {ci90: [28, 42]}
                pain:
                  exception_rate: {pert: [0.08, 0.14, 0.22]}
                  minutes_per_exception: {normal: [12, 2]}
                options:
                  - id: a
                    kind: orchestrate
                    one_time_cost: {discrete: {values: [40000, 60000, 90000], weights: [1, 2, 1]}}
                    annual_cost: 30000
                    implementation_months: 2
                    ramp_months: {uniform: [1, 4]}
                    effects: {exception_rate: {pert: [0.25, 0.4, 0.55]}}
                  - id: b
                    kind: operate
                    one_time_cost: 20000
                    annual_cost: 12000
                    implementation_months: 1
                    effects: {exception_rate: {triangular: [0.1, 0.2, 0.3]}}
                """, "scale.yaml", List.of(), null).withRun(TRIALS, seed);
    }

    static SimulationResult run(Scenario s, SamplingMethod m, int line, int threads) {
        try {
            return Engine.run(s, new Engine.Options(threads, line, line, m));
        } catch (dev.payback.scenario.InvalidInputException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The commons-math distribution of a continuous input, from the scenario's parameters (docs/model.md section 1). */
    static RealDistribution reference(Dist d) {
        if (d instanceof Dist.Uniform u) {
            return new UniformRealDistribution(null, u.lo(), u.hi());
        }
        if (d instanceof Dist.Triangular t) {
            return new TriangularDistribution(null, t.min(), t.mode(), t.max());
        }
        if (d instanceof Dist.Normal n) {
            return new NormalDistribution(null, n.mu(), n.sd());
        }
        if (d instanceof Dist.Lognormal l) {
            return new LogNormalDistribution(null, (Math.log(l.p5()) + Math.log(l.p95())) / 2,
                    (Math.log(l.p95()) - Math.log(l.p5())) / (2 * Z95));
        }
        if (d instanceof Dist.Pert p) {
            double range = p.max() - p.min();
            BetaDistribution beta = new BetaDistribution(null, 1 + 4 * (p.mode() - p.min()) / range,
                    1 + 4 * (p.max() - p.mode()) / range);
            return new UniformRealDistribution(null, 0, 1) {
                @Override
                public double cumulativeProbability(double x) {
                    return beta.cumulativeProbability(Math.min(1, Math.max(0, (x - p.min()) / range)));
                }
            };
        }
        return null;
    }

    /**
     * summary.json's {@code inputs} P10/P50/P90 (over the retained rows): for a continuous input the
     * exact CDF at the reported quantile is p within 5 · sqrt(p(1−p)/R); for the discrete one-time cost
     * {40,000: 1/4, 60,000: 1/2, 90,000: 1/4} the P10 is 40,000, the P50 60,000 and the P90 90,000
     * exactly (no quantile lies within a rank error of a jump of the CDF).
     */
    @ParameterizedTest
    @EnumSource(SamplingMethod.class)
    void inputPercentilesAtThreeTimesTheLineAreTheDistributionsQuantiles(SamplingMethod method) throws Exception {
        Scenario s = scenario(5);
        SimulationResult r = run(s, method, LINE, 2);
        assertThat(r.allRetained()).isFalse();
        int rows = r.retained();
        Summary summary = Analysis.summarize(r);
        int checked = 0;
        for (Summary.InputSummary in : summary.inputs()) {
            Input input = r.layout().inputs().get(r.layout().column(in.path()));
            assertThat(in.clampedShare()).as(in.path()).isZero();
            if (input.path().equals("options.a.one_time_cost")) {
                assertThat(new double[] {in.p10(), in.p50(), in.p90()}).containsExactly(40000, 60000, 90000);
                checked++;
                continue;
            }
            RealDistribution ref = reference(input.dist());
            if (ref == null) {
                continue;
            }
            double[] q = {in.p10(), in.p50(), in.p90()};
            double[] p = {0.10, 0.50, 0.90};
            for (int j = 0; j < 3; j++) {
                assertThat(ref.cumulativeProbability(q[j])).as("%s %s P%.0f", method, in.path(), 100 * p[j])
                        .isCloseTo(p[j], within(5 * Math.sqrt(p[j] * (1 - p[j]) / rows)));
            }
            checked++;
        }
        assertThat(checked).as("inputs checked").isGreaterThanOrEqualTo(11);
    }

    /**
     * Each option's NPV P10/P50/P90 agrees across methods: every method's percentile (from its R
     * retained rows) sits at rank p of the NPVs of all trials of an uncapped random run, within
     * 5 · sqrt(p(1−p) · (1/R + 2/n)) (the rows' rank error, the method's own Monte Carlo error at most
     * random's, and the reference's).
     */
    @Test
    void optionPercentilesAgreeAcrossMethodsWithinMonteCarloError() throws Exception {
        Scenario s = scenario(9);
        SimulationResult reference = run(s, SamplingMethod.RANDOM, TRIALS, 2);
        assertThat(reference.allRetained()).isTrue();
        for (SamplingMethod m : SamplingMethod.values()) {
            SimulationResult r = run(s, m, LINE, 2);
            assertThat(r.allRetained()).isFalse();
            Summary summary = Analysis.summarize(r);
            for (int k = 0; k < 2; k++) {
                double[] all = reference.columns().options[k].npv.clone();
                Arrays.sort(all);
                var npv = summary.options().get(k).npv();
                double[] q = {npv.p10(), npv.p50(), npv.p90()};
                double[] p = {0.10, 0.50, 0.90};
                for (int j = 0; j < 3; j++) {
                    double rank = (double) atOrBelow(all, q[j]) / all.length;
                    double se = Math.sqrt(p[j] * (1 - p[j]) * (1.0 / r.retained() + 2.0 / TRIALS));
                    assertThat(rank).as("%s option %d P%.0f", m, k, 100 * p[j]).isCloseTo(p[j], within(5 * se));
                }
            }
        }
    }

    /**
     * The fan chart's bands (ChartData, P10..P90 of cum_m) from about {@value #LINE} kept paths equal
     * those of a run that keeps every path (same method, same trials) within the kept sample's rank
     * error: the share of all trials' cum_m at or below the capped band is p within 5 · sqrt(p(1−p)/kept).
     */
    @ParameterizedTest
    @EnumSource(SamplingMethod.class)
    void fanBandsAtThreeTimesThePathLineAreThoseOfAllTrials(SamplingMethod method) throws Exception {
        Scenario s = scenario(6);
        SimulationResult all = run(s, method, TRIALS, 2);
        SimulationResult capped = run(s, method, LINE, 2);
        assertThat(all.paths().allKept()).isTrue();
        assertThat(capped.paths().allKept()).isFalse();
        int kept = capped.paths().kept();
        // each kept path is the same trial's path
        for (int j = 0; j < kept; j += 997) {
            assertThat(capped.paths().month(0, 12)[j]).isEqualTo(all.paths().month(0, 12)[capped.paths().trial(j)]);
        }
        ChartData chart = ChartData.of(capped, Analysis.summarize(capped));
        double[] p = {0.10, 0.25, 0.50, 0.75, 0.90};
        for (int k = 0; k < 2; k++) {
            dev.payback.analysis.Fan fan = chart.options().get(k).fan();
            assertThat(fan.keptTrials()).isEqualTo(kept);
            double[][] bands = {fan.p10(), fan.p25(), fan.p50(), fan.p75(), fan.p90()};
            for (int month : new int[] {6, 12, 24}) {
                double[] every = all.paths().month(k, month).clone();
                Arrays.sort(every);
                for (int j = 0; j < p.length; j++) {
                    double share = (double) atOrBelow(every, bands[j][month]) / every.length;
                    assertThat(share).as("%s option %d month %d P%.0f", method, k, month, 100 * p[j])
                            .isCloseTo(p[j], within(5 * Math.sqrt(p[j] * (1 - p[j]) / kept)));
                }
            }
        }
    }

    /** Beyond both lines summary.json is byte-identical for 1 and 3 threads, for every method. */
    @ParameterizedTest
    @EnumSource(SamplingMethod.class)
    void summaryIsByteIdenticalForOneAndThreeThreadsBeyondTheLines(SamplingMethod method) throws Exception {
        Scenario s = scenario(7);
        byte[] one = SummaryJson.toBytes(Analysis.summarize(run(s, method, LINE, 1)));
        byte[] three = SummaryJson.toBytes(Analysis.summarize(run(s, method, LINE, 3)));
        assertThat(three).isEqualTo(one);
    }

    /**
     * Every output but report.pdf (reports, workbook, charts) is byte-identical for 1 and 3 threads beyond
     * the lines (report.pdf renders the same figures; cli/DeterministicOutputsTest covers it, within the lines).
     */
    @Test
    void everyOutputIsByteIdenticalForOneAndThreeThreadsBeyondTheLines(@TempDir Path dir) throws Exception {
        Scenario s = scenario(8);
        for (int threads : new int[] {1, 3}) {
            SimulationResult r = run(s, SamplingMethod.SOBOL, LINE, threads);
            Outputs.write(dir.resolve("t" + threads), r, Analysis.summarize(r),
                    EnumSet.complementOf(EnumSet.of(OutputFormat.PDF)));
        }
        List<Path> names;
        try (Stream<Path> files = Files.walk(dir.resolve("t1"))) {
            names = files.filter(Files::isRegularFile).map(dir.resolve("t1")::relativize).sorted().toList();
        }
        assertThat(names).contains(Path.of("summary.json"), Path.of("report.html"));
        for (Path n : names) {
            assertThat(Files.readAllBytes(dir.resolve("t3").resolve(n))).as(n.toString())
                    .isEqualTo(Files.readAllBytes(dir.resolve("t1").resolve(n)));
        }
    }

    private static int atOrBelow(double[] sorted, double x) {
        int i = Arrays.binarySearch(sorted, x);
        if (i < 0) {
            return -i - 1;
        }
        while (i + 1 < sorted.length && sorted[i + 1] == x) {
            i++;
        }
        return i + 1;
    }
}
