package dev.payback.engine;

import dev.payback.analysis.Analysis;
import dev.payback.analysis.Stats;
import dev.payback.report.SummaryJson;
import dev.payback.sampling.SamplingMethod;
import dev.payback.scenario.Scenario;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Beyond the retention lines the retained rows and the kept monthly paths are a uniform random
 * sample of the trials for every sampling method, so percentiles carry only the error of a sample
 * of that size. (Every k-th trial of a Sobol' sequence is not such a sample: at 4× the line
 * scenario B's annual_growth P10 came out +94% off.)
 *
 * <p>Each check is at 5 standard errors of a proportion, sqrt(p(1−p)/rows): a false failure has
 * probability below 6e-7 per check, and there are 18 checks (about 1e-5 for the class).
 */
class ScaleTest {
    static final int LINE = 20_000;
    static final int TRIALS = 4 * LINE;

    @ParameterizedTest
    @EnumSource(SamplingMethod.class)
    void inputPercentilesAtFourTimesTheLineAreTheDistributionsQuantiles(SamplingMethod method) throws Exception {
        Scenario s = SamplingMethodsTest.scenarioB().withRun(TRIALS, 5);
        SimulationResult r = Engine.run(s, Engine.Options.defaults().withThreads(2).withRetainCap(LINE)
                .withSampling(method));
        assertThat(r.allRetained()).isFalse();
        // business.annual_growth: {pert: [0.0, 0.15, 0.35]}, a Beta(α, β) on [0, 0.35] with
        // α = 1 + 4 · 0.15 / 0.35 and β = 1 + 4 · 0.20 / 0.35 (docs/model.md section 1)
        BetaDistribution beta = new BetaDistribution(null, 1 + 4 * 0.15 / 0.35, 1 + 4 * 0.20 / 0.35);
        double[] sorted = Stats.sortedCopy(r.input("business.annual_growth"));
        int rows = sorted.length;
        for (double p : new double[] {0.10, 0.50, 0.90}) {
            double q = Stats.quantile(sorted, p);
            double attained = beta.cumulativeProbability(q / 0.35);
            assertThat(attained).as("%s P%.0f", method, 100 * p)
                    .isCloseTo(p, org.assertj.core.api.Assertions.within(5 * Math.sqrt(p * (1 - p) / rows)));
        }
    }

    @ParameterizedTest
    @EnumSource(SamplingMethod.class)
    void fanBandsBeyondThePathLineAreThoseOfAllTrials(SamplingMethod method) throws Exception {
        Scenario s = SamplingMethodsTest.scenarioB().withRun(TRIALS, 6);
        Engine.Options o = Engine.Options.defaults().withThreads(2).withSampling(method);
        SimulationResult all = Engine.run(s, new Engine.Options(2, TRIALS, Engine.Options.RETAIN_BY_MEMORY, method));
        SimulationResult capped = Engine.run(s, new Engine.Options(2, LINE, Engine.Options.RETAIN_BY_MEMORY, method));
        assertThat(all.paths().allKept()).isTrue();
        assertThat(capped.paths().allKept()).isFalse();
        // each kept path is the same trial's path
        for (int j = 0; j < capped.paths().kept(); j += 997) {
            assertThat(capped.paths().month(0, 36)[j]).isEqualTo(all.paths().month(0, 36)[capped.paths().trial(j)]);
        }
        double[] every = Stats.sortedCopy(all.paths().month(0, 36));
        double[] kept = Stats.sortedCopy(capped.paths().month(0, 36));
        for (double p : new double[] {0.25, 0.50}) {
            double q = Stats.quantile(kept, p);
            double share = (double) countAtOrBelow(every, q) / every.length;
            assertThat(share).as("%s month 36 P%.0f", method, 100 * p)
                    .isCloseTo(p, org.assertj.core.api.Assertions.within(5 * Math.sqrt(p * (1 - p) / kept.length)));
        }
        // and beyond both lines the output is byte-identical for any thread count
        byte[] two = SummaryJson.toBytes(Analysis.summarize(Engine.run(s, o.withRetainCap(LINE))));
        byte[] three = SummaryJson.toBytes(Analysis.summarize(Engine.run(s, o.withRetainCap(LINE).withThreads(3))));
        assertThat(three).isEqualTo(two);
    }

    private static int countAtOrBelow(double[] sorted, double x) {
        int n = 0;
        while (n < sorted.length && sorted[n] <= x) {
            n++;
        }
        return n;
    }
}
