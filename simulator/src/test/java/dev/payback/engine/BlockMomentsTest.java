package dev.payback.engine;

import dev.payback.scenario.Scenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run of one block: its streamed moments are the block's two-pass moments (docs: RunStats), which this test
 * computes by the definition, one value at a time (sum in trial order, mean = sum / n, m2 = Σ (x − mean)² in
 * trial order, min, max), and which must come out bit for bit the same, for block sizes that are odd and even,
 * so the engine's two-values-per-step loops and their last odd value are checked exactly.
 */
class BlockMomentsTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 2047, 2048})
    void oneBlockIsTheTwoPassDefinition(int trials) throws Exception {
        Scenario s = SamplingMethodsTest.scenarioB().withRun(trials, 11);
        SimulationResult r = Engine.run(s, Engine.Options.defaults().withThreads(1));
        for (int k = 0; k < r.layout().strategyCount(); k++) {
            same(r.columns().options[k].npv, r.stats().option(k, RunStats.NPV));
            same(r.columns().options[k].firstYearCost, r.stats().option(k, RunStats.FIRST_YEAR_COST));
        }
        same(r.columns().annualPain, r.stats().moments(RunStats.PAIN));
        same(r.columns().painShare, r.stats().moments(RunStats.PAIN_SHARE));
    }

    private static void same(double[] x, RunStats.Moments m) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            sum += v;
            min = v < min ? v : min;
            max = v > max ? v : max;
        }
        double mean = sum / x.length;
        double m2 = 0;
        for (double v : x) {
            m2 += (v - mean) * (v - mean);
        }
        assertThat(m.n()).isEqualTo(x.length);
        assertThat(m.mean()).isEqualTo(mean);
        assertThat(m.m2()).isEqualTo(m2);
        assertThat(m.min()).isEqualTo(min);
        assertThat(m.max()).isEqualTo(max);
    }
}
