package dev.payback.engine;

import dev.payback.analysis.Analysis;
import dev.payback.analysis.Summary;
import dev.payback.report.SummaryJson;
import dev.payback.sampling.SamplingMethod;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** docs/model.md section 7: the staged rollout, checked against hand-derived cash flows and closed forms. */
class StagedRolloutTest {

    static Scenario parse(String yaml) throws Exception {
        return ScenarioLoader.parse(yaml, "staged.yaml", List.of(), null);
    }

    /**
     * One million orders a month, flat; exception rate 10%, 6 minutes at 60/hour: labor 0.6 per
     * order, pain 600,000 a month. The option cuts exceptions by 40%: benefit 0.24 per order,
     * 240,000 a month at full adoption. D = 1 (m* = 2), R = 2: a = 0, 0.5, 1, 1, ...
     * Costs A/12 = 10,000, fee 0.01 per order · adoption, dip 0.5 · labor = 300,000 in m*.
     * Pilot: s = 0.25, M = 2, gate G = m* + M − 1 = 3, C_p = 30,000, expansion 80,000, stop 5,000.
     */
    static String scenario(double target) {
        return """
                name: staged by hand
                horizon_months: 12
                discount_rate: 0.12
                simulation: {trials: 2000, seed: 3}
                business:
                  orders_per_month: 1000000
                  average_order_value: 10
                  gross_margin: 0.5
                  loaded_labor_cost_per_hour: 60
                pain:
                  exception_rate: 0.1
                  minutes_per_exception: 6
                options:
                  - id: orch
                    kind: orchestrate
                    one_time_cost: 100000
                    annual_cost: 120000
                    per_order_fee: 0.01
                    implementation_months: 1
                    ramp_months: 2
                    go_live_dip: 0.5
                    effects: {exception_rate: 0.4}
                    stages:
                      pilot_share: 0.25
                      pilot_months: 2
                      pilot_one_time_cost: 30000
                      expansion_cost: 80000
                      stop_cost: 5000
                      go_criteria: {exception_rate_reduction: %s}
                """.formatted(target);
    }

    static double npv(double oneTime, double[] net) {
        double v = -oneTime;
        for (int m = 1; m < net.length; m++) {
            v += net[m] / Math.pow(1.12, m / 12.0);
        }
        return v;
    }

    @Test
    void targetBelowTheTrueReductionAlwaysGoesAndPaysTheHandCashFlow() throws Exception {
        SimulationResult r = Engine.run(parse(scenario(0.2)), Engine.Options.defaults().withThreads(2));
        assertThat(r.scenario().strategies()).extracting(st -> st.id()).containsExactly("orch", "orch_staged");
        // Month 1: a = 0; cost 0.25·10,000 = 2,500                            → net −2,500
        // Month 2: a = 0.25·0.5 = 0.125; cost 2,500 + 10,000·0.125 + 0.25·300,000 = 78,750;
        //          benefit 240,000·0.125 = 30,000                               → net −48,750
        // Month 3: a = 0.25; cost 2,500 + 2,500 = 5,000; benefit 60,000         → net 55,000
        // Gate at the end of month 3: measured ≈ 0.40 ≥ 0.2 → go.
        // Month 4: b = (4 − 3)/2 = 0.5, a = 0.25 + 0.75·0.5 = 0.625; cost 10,000 + 6,250
        //          + expansion 80,000 + dip 0.75·0.5·600,000 = 225,000 → 321,250; benefit 150,000 → −171,250
        // Months 5..12: a = 1; cost 20,000; benefit 240,000                     → net 220,000
        double[] net = {0, -2_500, -48_750, 55_000, -171_250, 220_000, 220_000, 220_000, 220_000, 220_000,
            220_000, 220_000, 220_000};
        double expected = npv(30_000, net);
        OptionColumns staged = r.columns().options[1];
        GateColumns gate = r.columns().gates[0];
        for (int i = 0; i < r.retained(); i += 97) {
            assertThat(gate.outcome[i]).isEqualTo(GateColumns.GO);
            assertThat(gate.observedReduction[i]).isCloseTo(0.4, within(0.02));
            assertThat(staged.npv[i]).isCloseTo(expected, within(1e-6));
            // cum: −30,000, −32,500, −81,250, −26,250, −197,500, +22,500 → payback in month 5
            assertThat(staged.paybackMonth[i]).isEqualTo((short) 5);
            assertThat(staged.cumulativeNet[0][i]).isCloseTo(-26_250, within(1e-6));
            assertThat(staged.cumulativeNet[1][i]).isCloseTo(242_500, within(1e-6));
            assertThat(staged.cumulativeNet[2][i]).isCloseTo(1_562_500, within(1e-6));
            // 30,000 + 2,500 + 78,750 + 5,000 + 321,250 + 8·20,000
            assertThat(staged.firstYearCost[i]).isCloseTo(597_500, within(1e-6));
            assertThat(staged.oneTimeCost[i]).isEqualTo(30_000);
            // value of staging against the big bang: a = 0, .5, 1...; cost 10,000 + fee + dip 300,000 in month 2
            double[] big = {0, -10_000, 120_000 - 15_000 - 300_000, 220_000, 220_000, 220_000, 220_000, 220_000,
                220_000, 220_000, 220_000, 220_000, 220_000};
            assertThat(r.columns().options[0].npv[i]).isCloseTo(npv(100_000, big), within(1e-6));
        }
        Summary s = Analysis.summarize(r);
        Summary.OptionSummary os = s.options().get(1);
        assertThat(os.id()).isEqualTo("orch_staged");
        assertThat(os.gate().pGo()).isEqualTo(1.0);
        assertThat(os.gate().pFalseGo()).isEqualTo(0.0);
        assertThat(os.gate().pFalseStop()).isEqualTo(0.0);
        assertThat(os.gate().valueOfStaging().mean())
                .isCloseTo(expected - npv(100_000, new double[] {0, -10_000, -195_000, 220_000, 220_000, 220_000,
                    220_000, 220_000, 220_000, 220_000, 220_000, 220_000, 220_000}), within(1e-6));
        assertThat(s.pBest()).containsKeys("status_quo", "orch", "orch_staged");
        String json = new String(SummaryJson.toBytes(s), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json).contains("\"orch_staged\"").contains("\"gate\"").contains("\"p_go\"")
                .contains("\"value_of_staging\"").contains("\"observed_reduction\"");
    }

    @Test
    void targetAboveTheTrueReductionAlwaysStopsAndPaysThePilotAndTheStopCost() throws Exception {
        SimulationResult r = Engine.run(parse(scenario(0.6)), Engine.Options.defaults().withThreads(2));
        // The pilot months as above, then no benefit and no cost except the stop cost in G + 1 = 4.
        double[] net = {0, -2_500, -48_750, 55_000, -5_000, 0, 0, 0, 0, 0, 0, 0, 0};
        double expected = npv(30_000, net);
        OptionColumns staged = r.columns().options[1];
        for (int i = 0; i < r.retained(); i += 101) {
            assertThat(r.columns().gates[0].outcome[i]).isEqualTo(GateColumns.STOP);
            assertThat(staged.npv[i]).isCloseTo(expected, within(1e-6));
            assertThat(staged.paybackMonth[i]).isEqualTo((short) 0);
            assertThat(staged.firstYearCost[i]).isCloseTo(30_000 + 2_500 + 78_750 + 5_000 + 5_000, within(1e-6));
        }
        Summary.Gate g = Analysis.summarize(r).options().get(1).gate();
        assertThat(g.pGo()).isEqualTo(0.0);
        // the big bang makes money in every future, so every stop is a false stop
        assertThat(g.pFalseStop()).isEqualTo(1.0);
    }

    /**
     * Effect uniform on [0.2, 0.8], no ramp, target 0.5, a million orders (noise far below 0.01):
     * go exactly when r ≥ 0.5, P = 0.5. Discount 0, D = 1: the big bang's NPV is
     * −C − A + 11 · 600,000 · r, so it is negative below r* = (C + A) / 6,600,000.
     */
    static String uniformEffect(double oneTime, double annual) {
        return """
                name: uniform effect
                horizon_months: 12
                discount_rate: 0
                simulation: {trials: 20000, seed: 11}
                business:
                  orders_per_month: 1000000
                  average_order_value: 10
                  gross_margin: 0.5
                  loaded_labor_cost_per_hour: 60
                pain:
                  exception_rate: 0.1
                  minutes_per_exception: 6
                options:
                  - id: orch
                    kind: orchestrate
                    one_time_cost: %s
                    annual_cost: %s
                    implementation_months: 1
                    effects: {exception_rate: {uniform: [0.2, 0.8]}}
                    stages:
                      pilot_share: 0.25
                      pilot_months: 2
                      go_criteria: {exception_rate_reduction: 0.5}
                """.formatted(oneTime, annual);
    }

    @Test
    void uniformEffectGoesHalfTheTimeWithFalseGoAndFalseStopFromTheBreakEven() throws Exception {
        int n = 20_000;
        double se = Math.sqrt(0.25 / n);
        // four checks within 4 standard errors of closed forms: false-failure rate 2.5e-4
        // r* = 3,960,000 / 6,600,000 = 0.6: false go = P(0.5 ≤ r < 0.6) = 1/6, false stop = 0
        Summary.Gate g = Analysis.summarize(Engine.run(parse(uniformEffect(3_000_000, 960_000)),
                Engine.Options.defaults().withThreads(2))).options().get(1).gate();
        assertThat(g.pGo()).isCloseTo(0.5, within(4 * se));
        double p = 1.0 / 6;
        double seP = Math.sqrt(p * (1 - p) / n);
        assertThat(g.pFalseGo()).isCloseTo(p, within(4 * seP));
        assertThat(g.pFalseStop()).isEqualTo(0.0);
        // r* = 2,640,000 / 6,600,000 = 0.4: false stop = P(0.4 < r < 0.5) = 1/6, false go = 0
        g = Analysis.summarize(Engine.run(parse(uniformEffect(2_000_000, 640_000)),
                Engine.Options.defaults().withThreads(2))).options().get(1).gate();
        assertThat(g.pGo()).isCloseTo(0.5, within(4 * se));
        assertThat(g.pFalseStop()).isCloseTo(p, within(4 * seP));
        assertThat(g.pFalseGo()).isEqualTo(0.0);
    }

    @Test
    void aSmallPilotGoesAsOftenAsTheBinomialNoiseImplies() throws Exception {
        // 40 orders a month, share 0.5: n_0 = n_G = 20; e = 0.2; r = 0.5, no ramp → p_G = 0.1.
        // Go when X_0 > 0 and 1 − X_G/X_0 ≥ 0.33, i.e. 100·X_G ≤ 67·X_0 (never an exact tie for X_0 ≤ 20).
        String yaml = """
                name: small pilot
                horizon_months: 12
                simulation: {trials: 100000, seed: 5}
                business:
                  orders_per_month: 40
                  average_order_value: 10
                  gross_margin: 0.5
                  loaded_labor_cost_per_hour: 60
                pain:
                  exception_rate: 0.2
                  minutes_per_exception: 6
                options:
                  - id: orch
                    kind: orchestrate
                    one_time_cost: 1000
                    annual_cost: 1200
                    implementation_months: 1
                    effects: {exception_rate: 0.5}
                    stages:
                      pilot_share: 0.5
                      pilot_months: 2
                      go_criteria: {exception_rate_reduction: 0.33}
                """;
        BinomialDistribution base = new BinomialDistribution(null, 20, 0.2);
        BinomialDistribution live = new BinomialDistribution(null, 20, 0.1);
        double expected = 0;
        for (int x0 = 1; x0 <= 20; x0++) {
            for (int xg = 0; xg <= 20; xg++) {
                if (100 * xg <= 67 * x0) {
                    expected += base.probability(x0) * live.probability(xg);
                }
            }
        }
        // far from the noiseless answer (the true reduction 0.5 clears 0.33 in every future)
        assertThat(expected).isBetween(0.6, 0.9);
        // three checks within 4 random-sampling standard errors (LHS and Sobol' have smaller errors):
        // false-failure rate below 1.9e-4
        for (SamplingMethod method : SamplingMethod.values()) {
            Summary.Gate g = Analysis.summarize(Engine.run(parse(yaml),
                    Engine.Options.defaults().withThreads(2).withSampling(method))).options().get(1).gate();
            double se = Math.sqrt(expected * (1 - expected) / 100_000);
            assertThat(g.pGo()).as(method.name()).isCloseTo(expected, within(4 * se));
        }
    }

    @Test
    void theGateOutsideTheHorizonDecidesNothingAndThePilotRunsToTheEnd() throws Exception {
        // D = 10 → m* = 11, M = 2 → G = 12 = H: no gate; pilot scope to the end
        String yaml = scenario(0.2).replace("implementation_months: 1\n", "implementation_months: 10\n");
        SimulationResult r = Engine.run(parse(yaml), Engine.Options.defaults().withThreads(1));
        assertThat(r.columns().gates[0].outcome[0]).isEqualTo(GateColumns.NO_GATE);
        // months 1..10: cost 2,500; month 11 (m*): a = 0.125, cost 2,500 + 1,250 + 75,000, benefit 30,000;
        // month 12: a = 0.25 (min(1, 2/2)), cost 5,000, benefit 60,000
        double[] net = new double[13];
        for (int m = 1; m <= 10; m++) {
            net[m] = -2_500;
        }
        net[11] = 30_000 - 78_750;
        net[12] = 60_000 - 5_000;
        assertThat(r.columns().options[1].npv[0]).isCloseTo(npv(30_000, net), within(1e-6));
        assertThat(Analysis.summarize(r).options().get(1).gate().pNoGate()).isEqualTo(1.0);
    }

    @Test
    void summaryJsonIsByteIdenticalForAnyThreadCountUnderEverySamplingMethod() throws Exception {
        Scenario b = ScenarioLoader.load(dev.payback.Shipped.path("b_consumer_goods_multichannel.yaml"), List.of(), null)
                .withRun(6_000, 42);
        for (SamplingMethod method : SamplingMethod.values()) {
            byte[] one = null;
            for (int threads : new int[] {1, 2, 8}) {
                Summary s = Analysis.summarize(Engine.run(b,
                        Engine.Options.defaults().withThreads(threads).withSampling(method)));
                assertThat(s.options()).extracting(Summary.OptionSummary::id).contains("orchestrate_staged");
                byte[] json = SummaryJson.toBytes(s);
                if (one == null) {
                    one = json;
                } else {
                    assertThat(json).as(method + " threads " + threads).isEqualTo(one);
                }
            }
        }
    }
}
