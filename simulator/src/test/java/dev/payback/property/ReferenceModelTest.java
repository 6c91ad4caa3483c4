package dev.payback.property;

import dev.payback.engine.Engine;
import dev.payback.engine.OptionColumns;
import dev.payback.engine.SimulationResult;
import dev.payback.engine.TrialColumns;
import dev.payback.scenario.Scenario;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's {@code TrialModel} agrees with {@link ReferenceModel}, a literal month-by-month
 * transcription of docs/model.md section 2, on every trial of generated scenarios (horizons 12–120,
 * every distribution form, other costs, events, failures, go-live dips, per-order fees, ramps,
 * seasonality, correlations), to 1e-9 relative. Every per-trial output is compared: pain,
 * revenue, pain share, FTE, score, best, and per option NPV, ROI, first-year cost, cum_3/6/12,
 * max one-time cost at 3/6/12, payback month and the monthly cumulative path of the fan chart.
 *
 * <p>Sums of flows can cancel (an NPV near 0 from large benefits and costs), so the tolerance of a
 * money figure is 1e-9 times the sum of the magnitudes of the flows it is made of, not of the
 * result. Where a payback month, a best option or a score band hinges on a value within that
 * tolerance of its bar, either side of the bar is accepted; everywhere else they must be equal.
 *
 * <p>The jqwik seed is fixed, so a red run replays exactly.
 */
class ReferenceModelTest {
    static final double REL = 1e-9;

    @Provide
    Arbitrary<GeneratedScenario> scenarios() {
        return GeneratedScenario.scenarios(150, 600);
    }

    @Property(tries = 60, seed = "1302")
    void engineEqualsTheTranscriptionOfModelMdSection2(@ForAll("scenarios") GeneratedScenario g) throws Exception {
        Scenario s = ModelPropertiesTest.load(g);
        SimulationResult r = Engine.run(s, Engine.Options.defaults().withThreads(1));
        assertThat(r.allRetained()).isTrue();
        assertThat(r.paths().allKept()).isTrue();
        ReferenceModel ref = new ReferenceModel(r);
        TrialColumns out = r.columns();
        int trials = r.trials();
        for (int t = 0; t < trials; t++) {
            ReferenceModel.TrialOut e = ref.trial(t);
            String at = "trial " + t + " of " + g;
            close(out.annualPain[t], e.pain(), e.pain(), "pain, " + at);
            close(out.revenue[t], e.revenue(), e.revenue(), "revenue, " + at);
            close(out.painShare[t], e.share(), e.share(), "pain share, " + at);
            close(out.painFte[t], e.fte(), e.fte(), "fte, " + at);
            if (out.score[t] != e.score()) {
                assertThat(nearBar(e.share(), 0.01, 0.015, 0.03, 0.05) || nearBar(e.fte(), 0.5, 1, 2, 4))
                        .as("score %d vs %d, %s", out.score[t], e.score(), at).isTrue();
            }
            double maxNpv = 0;
            double npvScale = 0;
            for (ReferenceModel.OptionOut o : e.options()) {
                maxNpv = Math.max(maxNpv, o.npv());
                npvScale = Math.max(npvScale, o.scaleOfFlows());
            }
            int best = out.best[t];
            if (best != e.best()) {
                double engineBestNpv = best == 0 ? 0 : e.options().get(best - 1).npv();
                assertThat(engineBestNpv).as("best %d vs %d, %s", best, e.best(), at)
                        .isGreaterThanOrEqualTo(maxNpv - REL * npvScale);
            }
            for (int k = 0; k < e.options().size(); k++) {
                ReferenceModel.OptionOut o = e.options().get(k);
                OptionColumns oc = out.options[k];
                String ok = "option " + k + ", " + at;
                double scale = o.scaleOfFlows();
                close(oc.npv[t], o.npv(), scale, "npv, " + ok);
                close(oc.firstYearCost[t], o.firstYearCost(), scale, "first-year cost, " + ok);
                if (Double.isNaN(o.roi())) {
                    assertThat(oc.roi[t]).as("roi, " + ok).isNaN();
                } else {
                    // numerator and denominator each carry an error of about 1e-9 · scale
                    close(oc.roi[t], o.roi(), scale * (1 + Math.abs(o.roi())) / Math.abs(o.totalCost()),
                            "roi, " + ok);
                }
                for (int j = 0; j < ReferenceModel.CHECKPOINTS.length; j++) {
                    close(oc.cumulativeNet[j][t], o.cum()[j], scale, "cum_" + ReferenceModel.CHECKPOINTS[j] + ", " + ok);
                    close(oc.maxCumulativeBeforeOneTime[j][t], o.maxOneTime()[j], scale,
                            "max one-time cost at " + ReferenceModel.CHECKPOINTS[j] + ", " + ok);
                }
                for (int m = 1; m <= s.horizonMonths(); m++) {
                    close(r.paths().month(k, m)[t], o.cumByMonth()[m], scale, "cum_" + m + " (fan), " + ok);
                }
                int pe = oc.paybackMonth[t];
                if (pe != o.paybackMonth()) {
                    double tol = REL * scale;
                    double[] cum = o.cumByMonth();
                    int until = pe == 0 ? s.horizonMonths() : pe - 1;
                    for (int m = 1; m <= until; m++) {
                        assertThat(cum[m]).as("payback %d vs %d: month %d, %s", pe, o.paybackMonth(), m, ok)
                                .isLessThan(tol);
                    }
                    if (pe != 0) {
                        assertThat(cum[pe]).as("payback %d vs %d, %s", pe, o.paybackMonth(), ok)
                                .isGreaterThanOrEqualTo(-tol);
                    }
                }
            }
        }
    }

    private static boolean nearBar(double x, double... bars) {
        for (double b : bars) {
            if (Math.abs(x - b) <= REL * b) {
                return true;
            }
        }
        return false;
    }

    /** |actual − expected| ≤ 1e-9 · scale (infinities must match exactly). */
    private static void close(double actual, double expected, double scale, String what) {
        if (Double.isInfinite(expected) || Double.isNaN(expected)) {
            assertThat(actual).as(what).isEqualTo(expected);
            return;
        }
        assertThat(Math.abs(actual - expected)).as("%s: engine %s, reference %s", what, actual, expected)
                .isLessThanOrEqualTo(REL * Math.max(Math.abs(scale), Math.abs(expected)) + Double.MIN_NORMAL);
    }
}
