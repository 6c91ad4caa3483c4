package dev.payback.engine;

import dev.payback.analysis.Analysis;
import dev.payback.analysis.Stats;
import dev.payback.report.SummaryJson;
import dev.payback.sampling.InputSampler;
import dev.payback.sampling.SamplingMethod;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Latin hypercube and Sobol' sampling: reproducible for any thread count, and more precise than random. */
class SamplingMethodsTest {

    static Scenario scenarioB() throws Exception {
        return ScenarioLoader.load(dev.payback.Shipped.path("b_consumer_goods_multichannel.yaml"), List.of(), null);
    }

    @ParameterizedTest
    @EnumSource(SamplingMethod.class)
    void identicalBytesFor1And2And5Threads(SamplingMethod method) throws Exception {
        // 10,000 trials: four full blocks and a partial one
        Scenario s = scenarioB().withRun(10_000, 3);
        Engine.Options o = Engine.Options.defaults().withSampling(method);
        byte[] one = SummaryJson.toBytes(Analysis.summarize(Engine.run(s, o.withThreads(1))));
        byte[] two = SummaryJson.toBytes(Analysis.summarize(Engine.run(s, o.withThreads(2))));
        byte[] five = SummaryJson.toBytes(Analysis.summarize(Engine.run(s, o.withThreads(5))));
        assertThat(two).isEqualTo(one);
        assertThat(five).isEqualTo(one);
        byte[] otherSeed = SummaryJson.toBytes(Analysis.summarize(Engine.run(s.withRun(10_000, 4), o.withThreads(2))));
        assertThat(otherSeed).isNotEqualTo(one);
    }

    @Test
    void methodsDrawDifferentPointsFromTheSameMarginals() throws Exception {
        Scenario s = scenarioB().withRun(2 * InputSampler.BLOCK, 11);
        double[] medians = new double[3];
        double[][] firstRows = new double[3][];
        for (SamplingMethod m : SamplingMethod.values()) {
            SimulationResult r = Engine.run(s, Engine.Options.defaults().withSampling(m));
            double[] orders = r.input("business.orders_per_month");
            medians[m.ordinal()] = Stats.quantile(Stats.sortedCopy(orders), 0.5);
            firstRows[m.ordinal()] = new double[] {orders[0], orders[1], orders[2]};
        }
        // PERT(9000, 12000, 16000): median ≈ 12,170; every method within sampling error of it
        for (double med : medians) {
            assertThat(med).isBetween(12_000.0, 12_350.0);
        }
        assertThat(firstRows[1]).isNotEqualTo(firstRows[0]);
        assertThat(firstRows[2]).isNotEqualTo(firstRows[0]);
    }

    /** Within a block, each input's n LHS draws fall one in each of n equal-probability strata. */
    @Test
    void latinHypercubeStratifiesEachBlock() throws Exception {
        Scenario s = scenarioB();
        Layout layout = Layout.of(s);
        InputSampler sampler = InputSampler.of(layout.inputs(), s.correlations());
        int gm = layout.column("business.gross_margin");            // uniform [0.35, 0.45], independent
        int exc = layout.column("pain.cancellation_rate");          // PERT, first (by path) of a correlated group
        dev.payback.sampling.InverseCdf excInverse = dev.payback.sampling.InverseCdf.of(layout.inputs().get(exc).dist());
        double[][] cols = new double[layout.inputs().size()][InputSampler.BLOCK];
        long[] clamps = new long[cols.length];
        for (int n : new int[] {InputSampler.BLOCK, 1000}) {
            sampler.newWorker(SamplingMethod.LHS).fill(5, 7, n, cols, clamps);
            boolean[] seen = new boolean[n];
            for (int t = 0; t < n; t++) {
                int stratum = (int) Math.floor((cols[gm][t] - 0.35) / 0.1 * n);
                assertThat(seen[stratum]).as("stratum %d twice", stratum).isFalse();
                seen[stratum] = true;
            }
            // the group's first member (in path order) keeps its stratified normal score: x0 = z0
            boolean[] seenExc = new boolean[n];
            for (int t = 0; t < n; t++) {
                int stratum = (int) Math.floor(excInverse.cdf(cols[exc][t]) * n - 1e-7);
                stratum = Math.max(0, Math.min(n - 1, stratum));
                seenExc[stratum] = true;
            }
            long covered = 0;
            for (boolean b : seenExc) {
                covered += b ? 1 : 0;
            }
            assertThat(covered).isGreaterThan(n * 99L / 100); // up to the PERT table's rounding at edges
        }
    }

    /**
     * The spread of mean NPV over 20 seeds at 4,096 trials: Latin hypercube and Sobol' must be
     * clearly tighter than random (in this scenario both cut the standard deviation by far more than
     * the 25% asserted here). False-failure rate: the ratio of two sample standard deviations over 20
     * seeds each is sqrt(F(19, 19)) times the true ratio, so with LHS's true ratio of about 0.27
     * (orchestrate's mean NPV, measured in PrecisionTest) the test fails by chance with probability
     * P(F(19, 19) > (0.75 / 0.27)^2) = 2e-5; the printed line shows Sobol's ratio is smaller still.
     */
    @Test
    void lhsAndSobolGiveSmallerStandardErrorOfMeanNpvThanRandom() throws Exception {
        Scenario base = scenarioB();
        double[] spread = new double[3];
        for (SamplingMethod m : SamplingMethod.values()) {
            double[] means = new double[20];
            for (int seed = 0; seed < means.length; seed++) {
                SimulationResult r = Engine.run(base.withRun(2 * InputSampler.BLOCK, 100 + seed),
                        Engine.Options.defaults().withSampling(m));
                means[seed] = r.stats().option(1, RunStats.NPV).mean();
            }
            spread[m.ordinal()] = Stats.of(means).sd();
        }
        System.out.printf("sd of mean NPV (orchestrate) over 20 seeds, 4096 trials: random %.0f, lhs %.0f, sobol %.0f%n",
                spread[0], spread[1], spread[2]);
        assertThat(spread[SamplingMethod.LHS.ordinal()]).isLessThan(0.75 * spread[SamplingMethod.RANDOM.ordinal()]);
        assertThat(spread[SamplingMethod.SOBOL.ordinal()]).isLessThan(0.75 * spread[SamplingMethod.RANDOM.ordinal()]);
    }
}
