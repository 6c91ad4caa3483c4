package dev.payback.engine;

import dev.payback.analysis.Analysis;
import dev.payback.analysis.Summary;
import dev.payback.scenario.Scenario;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-trial columns are kept for a bounded subset keyed by the trial index; counts and moments stay
 * exact over every trial, whatever the line.
 */
class RetentionTest {

    @Test
    void cappedRunKeepsAHashKeyedSubsetAndExactStatistics() throws Exception {
        Scenario s = SamplingMethodsTest.scenarioB().withRun(10_001, 8);
        SimulationResult full = Engine.run(s, Engine.Options.defaults().withThreads(2));
        SimulationResult capped = Engine.run(s, Engine.Options.defaults().withThreads(2).withRetainCap(2_000));

        assertThat(full.allRetained()).isTrue();
        assertThat(full.retained()).isEqualTo(10_001);
        assertThat(capped.allRetained()).isFalse();
        assertThat(capped.trials()).isEqualTo(10_001);
        // each trial is kept with probability 2,000 / 10,001, independently: the count is binomial
        // (sd 40); 5 sd either side fails with probability below 1e-6
        assertThat(capped.retained()).isBetween(2_000 - 200, 2_000 + 200);
        int previous = -1;
        for (int j = 0; j < capped.retained(); j++) {
            int i = capped.retention().trial(j);
            assertThat(i).isGreaterThan(previous);                   // rows in trial order
            assertThat(Retention.hash(i, Retention.ROWS_SALT) >>> 1)
                    .isLessThan((long) (2_000.0 / 10_001 * 0x1p63)); // kept by its hash alone
            previous = i;
            assertThat(capped.columns().options[1].npv[j]).isEqualTo(full.columns().options[1].npv[i]);
            assertThat(capped.columns().annualPain[j]).isEqualTo(full.columns().annualPain[i]);
            assertThat(capped.input("pain.exception_rate")[j]).isEqualTo(full.input("pain.exception_rate")[i]);
            assertThat(capped.inputs()[capped.inputs().length - 1][j]).isEqualTo(full.inputs()[full.inputs().length - 1][i]);
        }

        Summary a = Analysis.summarize(full);
        Summary b = Analysis.summarize(capped);
        assertThat(b.trials()).isEqualTo(10_001);
        assertThat(b.pBest()).isEqualTo(a.pBest());
        assertThat(b.thresholds()).isEqualTo(a.thresholds());
        for (int k = 0; k < a.options().size(); k++) {
            var x = a.options().get(k);
            var y = b.options().get(k);
            assertThat(y.paybackProbability()).isEqualTo(x.paybackProbability());
            assertThat(y.pNpvNegative()).isEqualTo(x.pNpvNegative());
            assertThat(y.npv().mean()).isEqualTo(x.npv().mean());
            assertThat(y.npv().sd()).isEqualTo(x.npv().sd());
            assertThat(y.npv().min()).isEqualTo(x.npv().min());
            assertThat(y.npv().max()).isEqualTo(x.npv().max());
            assertThat(y.paybackMonth().mean()).isEqualTo(x.paybackMonth().mean());
            // percentiles come from the 1,667-trial subsample: close, not equal
            assertThat(y.npv().p50()).isCloseTo(x.npv().p50(), org.assertj.core.api.Assertions.within(0.1 * x.npv().sd()));
        }
    }

    /**
     * Beyond the line, every retained column (inputs, the status quo's figures and KPIs, every strategy's
     * outputs and KPIs, the gates) holds in row j exactly what the uncapped run holds for trial
     * {@code trial(j)}: the column-wise copy of the kept rows puts each value in its row. 13,001 trials
     * (five blocks and a partial one) and a line that keeps about a third of them; the staged rollout of
     * scenario B gives a gate.
     */
    @Test
    void everyRetainedColumnHoldsItsTrialsValues() throws Exception {
        Scenario s = SamplingMethodsTest.scenarioB().withRun(13_001, 5);
        SimulationResult full = Engine.run(s, Engine.Options.defaults().withThreads(2));
        SimulationResult capped = Engine.run(s, Engine.Options.defaults().withThreads(2).withRetainCap(4_000));
        assertThat(full.allRetained()).isTrue();
        assertThat(capped.allRetained()).isFalse();
        int rows = capped.retained();
        int[] trialOf = new int[rows];
        for (int j = 0; j < rows; j++) {
            trialOf[j] = capped.retention().trial(j);
        }
        TrialColumns a = full.columns();
        TrialColumns b = capped.columns();
        assertThat(b.gates).hasSize(1);
        for (int c = 0; c < full.inputs().length; c++) {
            same(full.inputs()[c], capped.inputs()[c], trialOf);
        }
        same(a.annualPain, b.annualPain, trialOf);
        same(a.revenue, b.revenue, trialOf);
        same(a.painShare, b.painShare, trialOf);
        same(a.painFte, b.painFte, trialOf);
        for (int j = 0; j < rows; j++) {
            assertThat(b.score[j]).isEqualTo(a.score[trialOf[j]]);
            assertThat(b.best[j]).isEqualTo(a.best[trialOf[j]]);
        }
        same(a.statusQuoKpis, b.statusQuoKpis, trialOf);
        for (int k = 0; k < a.options.length; k++) {
            OptionColumns x = a.options[k];
            OptionColumns y = b.options[k];
            same(x.npv, y.npv, trialOf);
            same(x.roi, y.roi, trialOf);
            same(x.firstYearCost, y.firstYearCost, trialOf);
            for (int c = 0; c < OptionColumns.CHECKPOINT_MONTHS.length; c++) {
                same(x.cumulativeNet[c], y.cumulativeNet[c], trialOf);
                same(x.maxCumulativeBeforeOneTime[c], y.maxCumulativeBeforeOneTime[c], trialOf);
            }
            same(x.exceptionEffect, y.exceptionEffect, trialOf);
            same(x.yearOneBenefit, y.yearOneBenefit, trialOf);
            same(x.maxCumulativeAtBar, y.maxCumulativeAtBar, trialOf);
            same(x.oneTimeCost, y.oneTimeCost, trialOf);
            same(x.kpis, y.kpis, trialOf);
            for (int j = 0; j < rows; j++) {
                assertThat(y.paybackMonth[j]).isEqualTo(x.paybackMonth[trialOf[j]]);
                assertThat(y.failed[j]).isEqualTo(x.failed[trialOf[j]]);
            }
        }
        for (int g = 0; g < a.gates.length; g++) {
            same(a.gates[g].observedReduction, b.gates[g].observedReduction, trialOf);
            for (int j = 0; j < rows; j++) {
                assertThat(b.gates[g].outcome[j]).isEqualTo(a.gates[g].outcome[trialOf[j]]);
            }
        }
    }

    private static void same(double[] all, double[] kept, int[] trialOf) {
        double[] expected = new double[trialOf.length];
        for (int j = 0; j < trialOf.length; j++) {
            expected[j] = all[trialOf[j]];
        }
        assertThat(kept).hasSize(trialOf.length).isEqualTo(expected);
    }

    private static void same(KpiColumns all, KpiColumns kept, int[] trialOf) {
        for (int c = 0; c < Kpis.MONTHS.length; c++) {
            for (int k = 0; k < Kpis.COUNT; k++) {
                same(all.array(c, k), kept.array(c, k), trialOf);
            }
        }
    }

    /** The streamed mean and sd agree with a direct computation over all trials. */
    @Test
    void streamedMomentsMatchDirectComputation() throws Exception {
        Scenario s = SamplingMethodsTest.scenarioB().withRun(7_000, 2);
        SimulationResult r = Engine.run(s, Engine.Options.defaults());
        double[] npv = r.columns().options[0].npv;
        double sum = 0;
        for (double v : npv) {
            sum += v;
        }
        double mean = sum / npv.length;
        double ss = 0;
        double min = Double.POSITIVE_INFINITY;
        for (double v : npv) {
            ss += (v - mean) * (v - mean);
            min = Math.min(min, v);
        }
        RunStats.Moments m = r.stats().option(0, RunStats.NPV);
        assertThat(m.n()).isEqualTo(7_000);
        assertThat(m.mean()).isCloseTo(mean, org.assertj.core.api.Assertions.within(1e-9 * Math.abs(mean)));
        assertThat(m.sd()).isCloseTo(Math.sqrt(ss / 6_999), org.assertj.core.api.Assertions.within(1e-9 * Math.sqrt(ss / 6_999)));
        assertThat(m.min()).isEqualTo(min);
    }
}
