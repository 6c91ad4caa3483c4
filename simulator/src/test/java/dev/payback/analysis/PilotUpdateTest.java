package dev.payback.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payback.engine.Engine;
import dev.payback.engine.SimulationResult;
import dev.payback.report.pilot.PilotJson;
import dev.payback.scenario.InvalidInputException;
import dev.payback.scenario.Pilot;
import dev.payback.scenario.PilotLoader;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** docs/model.md section 6: the likelihood, the weights and the updated figures. */
class PilotUpdateTest {
    /** A small scenario; {@code pain} and {@code option} lines are filled in per test. */
    static Scenario scenario(int trials, String exceptionRate, String ramp, String effect) throws Exception {
        return scenario(trials, exceptionRate, ramp, effect, "{pert: [40000, 60000, 90000]}");
    }

    static Scenario scenario(int trials, String exceptionRate, String ramp, String effect, String oneTimeCost)
            throws Exception {
        return scenario(trials, exceptionRate, ramp, effect, oneTimeCost, List.of());
    }

    /** As {@link #scenario(int, String, String, String, String)} with {@code --set} values. */
    static Scenario scenario(int trials, String exceptionRate, String ramp, String effect, String oneTimeCost,
            List<String> sets) throws Exception {
        String yaml = """
                name: pilot test
                horizon_months: 24
                simulation: {trials: %d, seed: 11}
                business:
                  orders_per_month: {pert: [10000, 12000, 14000]}
                  average_order_value: 45
                  gross_margin: 0.4
                  loaded_labor_cost_per_hour: {ci90: [28, 42]}
                pain:
                  exception_rate: %s
                  minutes_per_exception: {ci90: [6, 20]}
                options:
                  - id: orchestrate
                    kind: orchestrate
                    one_time_cost: %s
                    annual_cost: 30000
                    implementation_months: 2
                    ramp_months: %s
                    effects:
                      exception_rate: %s
                """.formatted(trials, exceptionRate, oneTimeCost, ramp, effect);
        return ScenarioLoader.parse(yaml, "test.yaml", sets, null);
    }

    static Pilot pilot(Scenario s, String months) throws InvalidInputException {
        return PilotLoader.parse("option: orchestrate\nscope_share: 0.25\n"
                + "success_criteria: {exception_rate_reduction: 0.3}\nmonths:\n" + months, "pilot.yaml", s);
    }

    static String month(int m, long orders, long exceptions) {
        return "  - {month: " + m + ", orders: " + orders + ", exceptions: " + exceptions + "}\n";
    }

    // ------------------------------------------------------------------ likelihood

    @Test
    void logBinomialMatchesCommonsMathAndHandlesTheEdgesExactly() {
        for (long[] kn : new long[][] {{0, 10}, {3, 10}, {10, 10}, {420, 2950}, {30000, 100000}}) {
            for (double p : new double[] {0.01, 0.14, 0.5, 0.93}) {
                double expected = new BinomialDistribution(null, (int) kn[1], p).logProbability((int) kn[0]);
                assertThat(PilotUpdate.logBinomial(kn[0], kn[1], p)).as(kn[0] + " of " + kn[1] + " at " + p)
                        .isCloseTo(expected, within(1e-7 * Math.max(1, Math.abs(expected))));
            }
        }
        assertThat(PilotUpdate.logBinomial(0, 100_000, 0)).isEqualTo(0);       // likelihood 1
        assertThat(PilotUpdate.logBinomial(1, 100_000, 0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(PilotUpdate.logBinomial(500, 500, 1)).isEqualTo(0);
        assertThat(PilotUpdate.logBinomial(499, 500, 1)).isEqualTo(Double.NEGATIVE_INFINITY);
        // No underflow: a likelihood far below Double.MIN_VALUE is still a finite log.
        double tiny = PilotUpdate.logBinomial(0, 10_000_000, 0.2);
        assertThat(tiny).isFinite().isLessThan(-2e6);
    }

    @Test
    void adoptionFollowsTheRamp() {
        assertThat(PilotUpdate.adoption(0, 2)).isEqualTo(0);
        assertThat(PilotUpdate.adoption(-3, 0)).isEqualTo(0);
        assertThat(PilotUpdate.adoption(1, 0)).isEqualTo(1);
        assertThat(PilotUpdate.adoption(1, 2)).isEqualTo(0.5);
        assertThat(PilotUpdate.adoption(3, 2)).isEqualTo(1);
        assertThat(PilotUpdate.projectedRate(0.12, 0.4, 2, 1)).isCloseTo(0.12 * 0.8, within(1e-15));
    }

    @Test
    void weightsAreRelativeToTheBestTrialAndNormalised() {
        double[] w = PilotUpdate.weights(new double[] {-1e6, -1e6 - 1, Double.NEGATIVE_INFINITY});
        assertThat(w[0] / w[1]).isCloseTo(Math.E, within(1e-9));
        assertThat(w[2]).isZero();
        assertThat(w[0] + w[1] + w[2]).isCloseTo(1, within(1e-15));
        double[] equal = PilotUpdate.weights(new double[] {-7.5, -7.5, -7.5, -7.5});
        assertThat(equal).containsExactly(Weighted.uniform(4));
        assertThatThrownBy(() -> PilotUpdate.weights(new double[] {Double.NEGATIVE_INFINITY}))
                .isInstanceOf(IllegalStateException.class);
    }

    // ------------------------------------------------------------------ updates

    /**
     * Pilot data drawn from known values (baseline rate 0.12, effect 0.40, ramp 2 months; one
     * baseline month and three live months of 3,000 orders) update a wide prior to them.
     */
    @Test
    void recoversKnownRateAndEffect() throws Exception {
        Scenario s = scenario(100_000, "{uniform: [0.06, 0.20]}", "{uniform: [0.5, 4]}", "{uniform: [0.1, 0.7]}");
        Well19937c rng = new Well19937c(20_240_611L);
        StringBuilder months = new StringBuilder();
        for (int j = 0; j <= 3; j++) {
            double p = 0.12 * (1 - PilotUpdate.adoption(j, 2) * 0.40);
            months.append(month(j, 3000, new BinomialDistribution(rng, 3000, p).sample()));
        }
        PilotUpdate.Result r = PilotUpdate.analyze(Engine.run(s, Engine.Options.defaults()), pilot(s, months.toString()));
        assertThat(r.prior().exceptionEffect().mean()).isCloseTo(0.40, within(0.01));   // the prior is centred ...
        assertThat(r.prior().exceptionEffect().sd()).isGreaterThan(0.15);                // ... but wide
        assertThat(r.updated().exceptionEffect().mean()).isCloseTo(0.40, within(0.05));
        assertThat(r.updated().exceptionEffect().sd()).isLessThan(0.07);
        assertThat(r.updated().baselineExceptionRate().mean()).isCloseTo(0.12, within(0.01));
        assertThat(r.updated().baselineExceptionRate().sd()).isLessThan(0.01);
        assertThat(r.ess()).isGreaterThan(100).isLessThan(100_000);
    }

    /**
     * A pilot that reproduces the prior's median rates leaves the headline figures where they were.
     * (No failure risk here: with one, a pilot at the median of the successful rollouts is also
     * evidence against failure, and the figures rightly move up.)
     */
    @Test
    void aPilotAtThePriorMedianLeavesTheHeadlinesWithinSamplingError() throws Exception {
        // one-time cost chosen so that P(payback <= 12) is near one half, not in a tail
        Scenario s = scenario(40_000, "{pert: [0.08, 0.14, 0.22]}", "{pert: [1, 2, 4]}", "{pert: [0.25, 0.4, 0.55]}",
                "{pert: [5000, 12000, 20000]}");
        SimulationResult run = Engine.run(s, Engine.Options.defaults());
        double[] e = run.input("pain.exception_rate");
        double[] ramp = run.input("options.orchestrate.ramp_months");
        double[] effect = run.columns().option(0).exceptionEffect().toArray();
        StringBuilder months = new StringBuilder();
        double[] rate = new double[e.length];
        for (int j = 0; j <= 3; j++) {
            for (int i = 0; i < e.length; i++) {
                rate[i] = PilotUpdate.projectedRate(e[i], effect[i], ramp[i], j);
            }
            double median = Stats.quantile(Stats.sortedCopy(rate), 0.5);
            months.append(month(j, 500, Math.round(500 * median)));
        }
        PilotUpdate.Result r = PilotUpdate.analyze(run, pilot(s, months.toString()));
        Summary.OptionSummary prior = r.prior().option();
        Summary.OptionSummary updated = r.updated().option();
        double n = r.ess();
        assertThat(n).isGreaterThan(1000);
        assertThat(prior.paybackProbability().get(12)).isBetween(0.3, 0.7);
        // Central figures only: a sharper projection rightly thins the tails (e.g. P(payback <= 6) at 8%).
        double p = prior.paybackProbability().get(12);
        assertThat(updated.paybackProbability().get(12)).isCloseTo(p, within(3 * Math.sqrt(p * (1 - p) / n)));
        double se = prior.npv().sd() / Math.sqrt(n);
        // The median, not the mean: NPV is right-skewed, and a sharper projection trims the long tail.
        assertThat(updated.npv().p50()).isCloseTo(prior.npv().p50(), within(3 * 1.2533 * se));
        assertThat(r.updated().pBest()).isCloseTo(r.prior().pBest(),
                within(3 * Math.sqrt(r.prior().pBest() * (1 - r.prior().pBest()) / n)));
        assertThat(r.percentile()).isBetween(0.3, 0.7);
    }

    /** Every trial has the same projected rates: all likelihoods are equal and nothing changes. */
    @Test
    void equalLikelihoodsLeaveThePriorExactlyAsItWas() throws Exception {
        Scenario s = scenario(5000, "0.14", "2", "0.4");
        PilotUpdate.Result r = PilotUpdate.analyze(Engine.run(s, Engine.Options.defaults()),
                pilot(s, month(0, 3000, 420) + month(1, 3000, 350) + month(2, 3000, 260)));
        assertThat(r.updated()).isEqualTo(r.prior());
        assertThat(r.ess()).isCloseTo(5000, within(1e-6));
        assertThat(dev.payback.report.pilot.PilotWarnings.of(r)).isEmpty();
        for (PilotUpdate.MonthBand b : r.bands()) {
            assertThat(b.updated()).containsExactly(b.prior());
        }
        // The prior itself agrees with the unweighted summary of `payback simulate`.
        Summary sim = Analysis.summarize(Engine.run(s, Engine.Options.defaults()));
        assertThat(r.prior().option().npv().p10()).isCloseTo(sim.options().get(0).npv().p10(), within(1e-6));
        for (int t : new int[] {3, 6, 12}) {
            assertThat(r.prior().option().paybackProbability().get(t))
                    .isCloseTo(sim.options().get(0).paybackProbability().get(t), within(1e-12));
        }
    }

    /**
     * Above the retention cap the pilot's prior is still exactly what {@code simulate} reports, key
     * for key (one builder), and ROI's null rule counts every trial, not only the retained ones.
     */
    @Test
    void thePriorIsTheSimulateSummaryAboveTheRetentionCap() throws Exception {
        Scenario s = scenario(10_001, "{pert: [0.08, 0.14, 0.22]}", "{pert: [1, 2, 4]}", "{pert: [0.25, 0.4, 0.55]}");
        SimulationResult run = Engine.run(s, Engine.Options.defaults().withThreads(2).withRetainCap(2_000));
        assertThat(run.allRetained()).isFalse();
        PilotUpdate.Result r = PilotUpdate.analyze(run,
                pilot(s, month(0, 3000, 420) + month(1, 3000, 350) + month(2, 3000, 260)));
        Summary sim = Analysis.summarize(run);
        assertThat(r.prior().option()).isEqualTo(sim.options().get(0));
        assertThat(r.prior().pBest()).isEqualTo(sim.pBest().get("orchestrate"));

        // A total cost of 0 in about 1 trial in 2,000 (one-time and annual cost 0 together; none of
        // these trials need be retained) makes ROI null in simulate, the prior and the update alike.
        Scenario free = ScenarioLoader.parse("""
                name: free option
                horizon_months: 24
                business: {orders_per_month: 12000, average_order_value: 45, gross_margin: 0.4,
                           loaded_labor_cost_per_hour: 35}
                pain: {exception_rate: {pert: [0.08, 0.14, 0.22]}, minutes_per_exception: 10}
                options:
                  - id: orchestrate
                    kind: orchestrate
                    one_time_cost: {discrete: {values: [0, 50000], weights: [1, 1999]}}
                    annual_cost: 0
                    implementation_months: 2
                    effects: {exception_rate: {pert: [0.25, 0.4, 0.55]}}
                correlations: []
                """, "free.yaml", List.of(), null).withRun(10_001, 5);
        SimulationResult freeRun = Engine.run(free, Engine.Options.defaults().withThreads(2).withRetainCap(2_000));
        Summary freeSim = Analysis.summarize(freeRun);
        PilotUpdate.Result fr = PilotUpdate.analyze(freeRun,
                pilot(free, month(0, 3000, 420) + month(1, 3000, 350) + month(2, 3000, 260)));
        assertThat(freeSim.options().get(0).roi()).isNull();
        assertThat(fr.prior().option()).isEqualTo(freeSim.options().get(0));
        assertThat(fr.updated().option().roi()).isNull();
    }

    /**
     * While every trial is retained, the effective sample size grows in proportion to the trials:
     * at 2× and 4× the old 250,000-trial cap it is 2× and 4× (ESS/n estimates E[w]²/E[w²], whose
     * relative error here is well under 1%; the bounds allow 4%).
     */
    @Test
    void effectiveSampleSizeGrowsInProportionToTrials() throws Exception {
        String months = month(0, 3000, 420) + month(1, 3000, 330) + month(2, 3000, 250) + month(3, 3000, 240);
        double[] ess = new double[3];
        int[] trials = {250_000, 500_000, 1_000_000};
        for (int i = 0; i < 3; i++) {
            Scenario s = scenario(trials[i], "{pert: [0.08, 0.14, 0.22]}", "{pert: [1, 2, 4]}",
                    "{pert: [0.25, 0.4, 0.55]}");
            SimulationResult run = Engine.run(s, Engine.Options.defaults().withRetainCap(1_000_000));
            assertThat(run.allRetained()).isTrue();
            ess[i] = PilotUpdate.analyze(run, pilot(s, months)).ess();
        }
        assertThat(ess[1] / ess[0]).isCloseTo(2, within(0.08));
        assertThat(ess[2] / ess[0]).isCloseTo(4, within(0.16));
    }

    /** Following the suggested trial count clears the ESS warning. */
    @Test
    void theSuggestedTrialCountClearsTheWarning() throws Exception {
        String months = month(0, 3000, 420) + month(1, 3000, 300) + month(2, 3000, 210) + month(3, 3000, 200);
        Scenario s = scenario(20_000, "{pert: [0.08, 0.14, 0.22]}", "{pert: [1, 2, 4]}", "{pert: [0.25, 0.4, 0.55]}");
        PilotUpdate.Result first = PilotUpdate.analyze(Engine.run(s, Engine.Options.defaults()), pilot(s, months));
        assertThat(first.ess()).isLessThan(1000);
        String warning = dev.payback.report.pilot.PilotWarnings.of(first).get(0);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("about --trials ([0-9,]+)\\)").matcher(warning);
        assertThat(m.find()).as(warning).isTrue();
        int suggested = Integer.parseInt(m.group(1).replace(",", ""));
        Scenario more = s.withRun(suggested, s.seed());
        PilotUpdate.Result second = PilotUpdate.analyze(Engine.run(more, Engine.Options.defaults()), pilot(more, months));
        assertThat(second.ess()).isGreaterThanOrEqualTo(1000);
        assertThat(dev.payback.report.pilot.PilotWarnings.of(second)).noneSatisfy(w -> assertThat(w).contains("ESS below"));
    }

    /**
     * The scope-share warning has a 10% tolerance around the scenario's P5–P95 orders: with a fixed
     * orders_per_month of 12,000, pilot orders implying 12,029 a month (0.24% off) do not warn, 13,500
     * (12.5% off) do.
     */
    @Test
    void scopeShareWarningToleratesOrdinaryVariation() throws Exception {
        Scenario s = ScenarioLoader.parse("""
                name: fixed orders
                business: {orders_per_month: 12000, average_order_value: 45, gross_margin: 0.4,
                           loaded_labor_cost_per_hour: 35}
                pain: {exception_rate: {pert: [0.08, 0.14, 0.22]}, minutes_per_exception: 10}
                options:
                  - id: orchestrate
                    kind: orchestrate
                    one_time_cost: 50000
                    annual_cost: 10000
                    implementation_months: 2
                    effects: {exception_rate: {pert: [0.25, 0.4, 0.55]}}
                """, "fixed.yaml", List.of(), null).withRun(5_000, 3);
        SimulationResult run = Engine.run(s, Engine.Options.defaults());
        // scope_share 0.25: mean orders 3,007.25 → 12,029 a month; 3,375 → 13,500
        PilotUpdate.Result near = PilotUpdate.analyze(run, pilot(s, month(0, 3000, 420) + month(1, 3015, 350)
                + month(2, 3000, 300) + month(3, 3014, 260)));
        assertThat(dev.payback.report.pilot.PilotWarnings.of(near)).noneSatisfy(w -> assertThat(w).contains("scope_share"));
        PilotUpdate.Result far = PilotUpdate.analyze(run, pilot(s, month(0, 3375, 470) + month(1, 3375, 400)));
        assertThat(dev.payback.report.pilot.PilotWarnings.of(far)).anySatisfy(w -> assertThat(w).contains("imply 13,500 orders a month",
                "range of 12,000 to 12,000", "check scope_share"));
    }

    /** 0 exceptions out of 100,000 orders: finite weights, an ESS warning and no NaN in the JSON. */
    @Test
    void extremeDataGivesFiniteWeightsAWarningAndCleanJson() throws Exception {
        Scenario s = scenario(20_000, "{pert: [0.08, 0.14, 0.22]}", "{pert: [1, 2, 4]}", "{pert: [0.25, 0.4, 0.55]}");
        SimulationResult run = Engine.run(s, Engine.Options.defaults());
        Pilot p = pilot(s, month(0, 3000, 420) + month(1, 100_000, 0));
        PilotUpdate.Result r = PilotUpdate.analyze(run, p);
        assertThat(r.observedReduction()).isEqualTo(1);
        assertThat(r.go()).isTrue();
        assertThat(r.ess()).isFinite().isGreaterThanOrEqualTo(1).isLessThan(1000);
        // far in the tail: more trials would need more than the run can retain, and the warning says so
        assertThat(dev.payback.report.pilot.PilotWarnings.of(r)).anySatisfy(w -> assertThat(w).contains("ESS below 1,000",
                "more trials cannot fix it", "pilot lies far outside"));
        // (3,000 + 100,000) / 2 / 0.25 = 206,000 orders a month is far above the scenario's 10,000-14,000
        assertThat(dev.payback.report.pilot.PilotWarnings.of(r)).anySatisfy(w -> assertThat(w).contains("imply 206,000 orders a month",
                "check scope_share"));

        double[] logL = PilotUpdate.logLikelihoods(p, run.input("pain.exception_rate"),
                run.columns().option(0).exceptionEffect().toArray(), run.input("options.orchestrate.ramp_months"));
        double[] w = PilotUpdate.weights(logL);
        assertThat(Arrays.stream(w).allMatch(Double::isFinite)).isTrue();
        assertThat(Arrays.stream(w).sum()).isCloseTo(1, within(1e-12));

        String json = new String(PilotJson.toBytes(r), StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("NaN", "Infinity");
        List<JsonNode> numbers = new ArrayList<>();
        collectNumbers(new ObjectMapper().readTree(json), numbers);
        assertThat(numbers).isNotEmpty().allSatisfy(n -> assertThat(n.asDouble()).isFinite());
        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(root.at("/pilot/go").asBoolean()).isTrue();
        assertThat(root.at("/pilot/warnings/0").asText()).contains("ESS below 1,000");
    }

    /** A baseline rate of 50% when the scenario draws 8%-22%: no trial count helps, and the warning says so. */
    @Test
    void aBaselineOutsideTheScenarioSaysSoInsteadOfAskingForMoreTrials() throws Exception {
        Scenario s = scenario(5_000, "{pert: [0.08, 0.14, 0.22]}", "{pert: [1, 2, 4]}", "{pert: [0.25, 0.4, 0.55]}");
        SimulationResult run = Engine.run(s, Engine.Options.defaults());
        Pilot p = pilot(s, month(0, 3000, 1500) + month(1, 3000, 1400));
        PilotUpdate.Result r = PilotUpdate.analyze(run, p);
        assertThat(p.baselineRate()).isEqualTo(0.5);
        assertThat(dev.payback.report.pilot.PilotWarnings.of(r)).anySatisfy(w -> assertThat(w).contains(
                "the pilot's baseline exception rate 0.5000 lies outside every exception rate the scenario draws",
                "rather than running more trials"));
        assertThat(dev.payback.report.pilot.PilotWarnings.of(r)).noneSatisfy(w -> assertThat(w).contains("--trials"));
    }

    @Test
    void impossibleDataIsAnInputProblem() throws Exception {
        Scenario s = scenario(2000, "0", "2", "0.4");   // no exceptions in any future
        Pilot p = pilot(s, month(0, 3000, 420) + month(1, 3000, 300));
        SimulationResult run = Engine.run(s, Engine.Options.defaults());
        assertThatThrownBy(() -> PilotUpdate.analyze(run, p)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("pilot.yaml: months: no simulated future can produce these months");
    }

    private static void collectNumbers(JsonNode n, List<JsonNode> out) {
        if (n.isNumber()) {
            out.add(n);
        }
        for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
            collectNumbers(it.next(), out);
        }
    }
}
