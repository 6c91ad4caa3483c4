package dev.payback.property;

import dev.payback.engine.Engine;
import dev.payback.engine.GateColumns;
import dev.payback.engine.KpiColumns;
import dev.payback.engine.Kpis;
import dev.payback.engine.OptionColumns;
import dev.payback.engine.SimulationResult;
import dev.payback.engine.TrialColumns;
import dev.payback.scenario.Scenario;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's {@code TrialModel} agrees with {@link ReferenceModel}, a literal month-by-month
 * transcription of docs/model.md sections 2, 7 and 8, on every trial of generated scenarios (horizons
 * 12–120, every distribution form, other costs, events, failures, go-live dips, per-order fees, ramps,
 * seasonality, correlations; in the second property staged rollouts with every form of the
 * {@code stages} block), to 1e-9 relative. Every per-trial output is compared: pain, revenue, pain
 * share, FTE, score, best, the status quo's KPIs at 3/6/12, and per strategy (options, then staged
 * rollouts) NPV, ROI, first-year cost, year-one benefit, the one-time cost, cum_3/6/12, max one-time
 * cost at 3/6/12 and at the payback bar, payback month, the exception-rate effect after the failure
 * draw and the failure itself, every KPI at every checkpoint and the monthly cumulative path of the
 * fan chart; per staged rollout its gate outcome (go, stop, no gate) and observed reduction.
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

    @Provide
    Arbitrary<GeneratedScenario> stagedScenarios() {
        return GeneratedScenario.scenarios(150, 600, true);
    }

    @Property(tries = 60, seed = "1302")
    void engineEqualsTheTranscriptionOfModelMdSection2(@ForAll("scenarios") GeneratedScenario g) throws Exception {
        compare(g);
    }

    /**
     * The staged scenarios reach every branch of section 7: gates that say go, gates that say stop,
     * gates beyond the horizon, and gate draws by the normal approximation (checked by coverage over
     * the property's tries).
     */
    @Property(tries = 60, seed = "1307")
    void engineEqualsTheTranscriptionOfModelMdSections7And8(@ForAll("stagedScenarios") GeneratedScenario g)
            throws Exception {
        ReferenceModel ref = compare(g);
        Statistics.label("go").collect(gateSeen(ref, ReferenceModel.GO));
        Statistics.label("stop").collect(gateSeen(ref, ReferenceModel.STOP));
        Statistics.label("no gate").collect(gateSeen(ref, ReferenceModel.NO_GATE));
        Statistics.label("normal approximation").collect(ref.normalDraws > 0);
        for (String label : new String[] {"go", "stop", "no gate", "normal approximation"}) {
            Statistics.label(label).coverage(c -> c.check(true).count(n -> n >= 3));
        }
    }

    private static boolean gateSeen(ReferenceModel ref, int outcome) {
        return ref.outcomes.contains(outcome);
    }

    private static ReferenceModel compare(GeneratedScenario g) throws Exception {
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
            close(out.annualPain().get(t), e.pain(), e.pain(), "pain, " + at);
            close(out.revenue().get(t), e.revenue(), e.revenue(), "revenue, " + at);
            close(out.painShare().get(t), e.share(), e.share(), "pain share, " + at);
            close(out.painFte().get(t), e.fte(), e.fte(), "fte, " + at);
            if (out.score(t) != e.score()) {
                assertThat(nearBar(e.share(), 0.01, 0.015, 0.03, 0.05) || nearBar(e.fte(), 0.5, 1, 2, 4))
                        .as("score %d vs %d, %s", out.score(t), e.score(), at).isTrue();
            }
            double maxNpv = 0;
            double npvScale = 0;
            for (ReferenceModel.OptionOut o : e.options()) {
                maxNpv = Math.max(maxNpv, o.npv());
                npvScale = Math.max(npvScale, o.scaleOfFlows());
            }
            int best = out.best(t);
            if (best != e.best()) {
                double engineBestNpv = best == 0 ? 0 : e.options().get(best - 1).npv();
                assertThat(engineBestNpv).as("best %d vs %d, %s", best, e.best(), at)
                        .isGreaterThanOrEqualTo(maxNpv - REL * npvScale);
            }
            kpis(out.statusQuoKpis, t, e.statusQuoKpis(), e.statusQuoKpiScale(), "status quo, " + at);
            assertThat(out.gateCount()).as("gates, " + at).isEqualTo(e.gates().size());
            for (int j = 0; j < e.gates().size(); j++) {
                ReferenceModel.GateOut ge = e.gates().get(j);
                GateColumns gc = out.gate(j);
                int outcome = gc.outcome(t) == GateColumns.GO ? ReferenceModel.GO
                        : gc.outcome(t) == GateColumns.STOP ? ReferenceModel.STOP : ReferenceModel.NO_GATE;
                assertThat(outcome).as("gate outcome, staged %d, %s", j, at).isEqualTo(ge.outcome());
                if (Double.isNaN(ge.observed())) {
                    assertThat(gc.observedReduction().get(t)).as("observed reduction, staged %d, %s", j, at).isNaN();
                } else {
                    // a ratio of whole numbers, computed the same way: equal when the binomial draws are
                    close(gc.observedReduction().get(t), ge.observed(), 1, "observed reduction, staged " + j + ", " + at);
                }
            }
            assertThat(out.strategyCount()).as("strategies, " + at).isEqualTo(e.options().size());
            for (int k = 0; k < e.options().size(); k++) {
                ReferenceModel.OptionOut o = e.options().get(k);
                OptionColumns oc = out.option(k);
                String ok = "option " + k + ", " + at;
                double scale = o.scaleOfFlows();
                close(oc.npv().get(t), o.npv(), scale, "npv, " + ok);
                close(oc.firstYearCost().get(t), o.firstYearCost(), scale, "first-year cost, " + ok);
                close(oc.yearOneBenefit().get(t), o.yearOneBenefit(), scale, "year-one benefit, " + ok);
                close(oc.maxCumulativeAtBar().get(t), o.maxAtBar(), scale, "max one-time cost at the bar, " + ok);
                assertThat(oc.oneTimeCost().get(t)).as("one-time cost, " + ok).isEqualTo(o.oneTimeCost());
                close(oc.exceptionEffect().get(t), o.exceptionEffect(), o.exceptionEffect(), "exception effect, " + ok);
                assertThat(oc.failed(t) == 1).as("failed, " + ok).isEqualTo(o.failed());
                kpis(oc.kpis, t, o.kpis(), o.kpiScale(), ok);
                if (Double.isNaN(o.roi())) {
                    assertThat(oc.roi().get(t)).as("roi, " + ok).isNaN();
                } else {
                    // numerator and denominator each carry an error of about 1e-9 · scale
                    close(oc.roi().get(t), o.roi(), scale * (1 + Math.abs(o.roi())) / Math.abs(o.totalCost()),
                            "roi, " + ok);
                }
                for (int j = 0; j < ReferenceModel.CHECKPOINTS.length; j++) {
                    close(oc.cumulativeNet(j).get(t), o.cum()[j], scale, "cum_" + ReferenceModel.CHECKPOINTS[j] + ", " + ok);
                    close(oc.maxCumulativeBeforeOneTime(j).get(t), o.maxOneTime()[j], scale,
                            "max one-time cost at " + ReferenceModel.CHECKPOINTS[j] + ", " + ok);
                }
                for (int m = 1; m <= s.horizonMonths(); m++) {
                    close(r.paths().month(k, m)[t], o.cumByMonth()[m], scale, "cum_" + m + " (fan), " + ok);
                }
                int pe = oc.paybackMonth(t);
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
        return ref;
    }

    /** Every KPI at every checkpoint, to 1e-9 of the magnitude of the terms it is made of. */
    private static void kpis(KpiColumns actual, int t, double[][] expected, double[][] scale, String what) {
        for (int j = 0; j < ReferenceModel.CHECKPOINTS.length; j++) {
            for (int k = 0; k < ReferenceModel.KPIS.length; k++) {
                assertThat(Kpis.NAMES.get(k)).isEqualTo(ReferenceModel.KPIS[k]);
                close(actual.column(j, k).get(t), expected[j][k], scale[j][k],
                        ReferenceModel.KPIS[k] + " at " + ReferenceModel.CHECKPOINTS[j] + ", " + what);
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
