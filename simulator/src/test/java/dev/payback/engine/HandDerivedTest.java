package dev.payback.engine;

import dev.payback.analysis.Analysis;
import dev.payback.analysis.Summary;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Scenarios with every input fixed, whose figures are worked out by hand in the comments and
 * checked against the engine (docs/model.md section 2).
 */
class HandDerivedTest {

    /**
     * Orders 10,000 a month, flat. Per-order pain: labor 0.1·12/60·30 = 0.6, expedite 0.1·0.2·15
     * = 0.3, lost sales 0.01·(50·0.4 + 0.5·100) = 0.7, support 0.1·0.5·6 = 0.3 → 1.9, so 19,000 a
     * month. Fixed: reconciliation 10·52/12·30 = 1,300, carrying 120,000·0.25/12 = 2,500,
     * write-offs 12,000/12 = 1,000, other 2,400/12 = 200 → 5,000. Event (p = 1) 24,000/12 = 2,000.
     * pain_m = 26,000; P = 312,000; Rev = 6,000,000; share 0.052; FTE 312,000/(30·2080) = 5.
     *
     * Option: exception_rate −50% saves 0.3+0.15+0.15 = 0.6 per order = 6,000; the event −25% saves
     * 500; penalties −100% save 200 → benefit 6,700 a month. D = 1.5, R = 2: a = 0, 0.25, 0.75,
     * 1, ... Costs: 1,000 + 0.1·10,000·a_m, plus the dip 0.5·labor = 0.5·6,000 = 3,000 in month
     * m* = floor(1.5)+1 = 2. Net: −1,000; 1,675 − 4,250 = −2,575; 5,025 − 1,750 = 3,275; then
     * 6,700 − 2,000 = 4,700. cum from −20,000: −21,000, −23,575, −20,300, −15,600, −10,900,
     * −6,200, −1,500, +3,200 → payback month 8; cum_12 = 3,200 + 4·4,700 = 22,000.
     */
    static final String FLAT = """
            name: hand derived
            horizon_months: 24
            discount_rate: 0.12
            simulation: {trials: 5000, seed: 7}
            business:
              orders_per_month: 10000
              average_order_value: 50
              gross_margin: 0.4
              loaded_labor_cost_per_hour: 30
              channels: 2
              fulfillment_paths: 2
              inventory_accuracy: 0.93
              complexity: 3
            pain:
              exception_rate: 0.1
              minutes_per_exception: 12
              expedite_share_of_exceptions: 0.2
              expedite_fee: 15
              cancellation_rate: 0.01
              churn_share_of_cancellations: 0.5
              customer_lifetime_margin: 100
              tickets_per_exception: 0.5
              cost_per_ticket: 6
              reconciliation_hours_per_week: 10
              excess_inventory_value: 120000
              carrying_cost_rate: 0.25
              write_offs_per_year: 12000
              other: [{name: penalties, per_year: 2400}]
              events: [{name: outage, probability: 1, cost: 24000}]
            options:
              - id: orch
                kind: orchestrate
                one_time_cost: 20000
                annual_cost: 12000
                per_order_fee: 0.1
                implementation_months: 1.5
                ramp_months: 2
                go_live_dip: 0.5
                effects: {exception_rate: 0.5, outage: 0.25, penalties: 1}
            """;

    static Scenario parse(String yaml) throws Exception {
        return ScenarioLoader.parse(yaml, "test.yaml", List.of(), null);
    }

    @Test
    void flatScenarioMatchesHandArithmetic() throws Exception {
        SimulationResult r = Engine.run(parse(FLAT), Engine.Options.defaults().withThreads(2));
        TrialColumns c = r.columns();
        OptionColumns o = c.options[0];
        for (int i : new int[] {0, 1234, 4999}) {
            assertThat(c.annualPain[i]).isCloseTo(312_000, within(1e-6));
            assertThat(c.revenue[i]).isCloseTo(6_000_000, within(1e-6));
            assertThat(c.painShare[i]).isCloseTo(0.052, within(1e-12));
            assertThat(c.painFte[i]).isCloseTo(5.0, within(1e-12));
            // complexity 3 + exceptions 10% → 3 + accuracy 93% → 3 + 2 channels → 3 + 5 FTE → 5 + 5.2% → 5
            assertThat(c.score[i]).isEqualTo((byte) 22);
            assertThat(o.paybackMonth[i]).isEqualTo((short) 8);
            assertThat(o.cumulativeNet[0][i]).isCloseTo(-20_300, within(1e-6));
            assertThat(o.cumulativeNet[1][i]).isCloseTo(-6_200, within(1e-6));
            assertThat(o.cumulativeNet[2][i]).isCloseTo(22_000, within(1e-6));
            // First-year cost: 20,000 + 12·1,000 + 1,000·(0 + .25 + .75 + 9) + 3,000 = 45,000
            assertThat(o.firstYearCost[i]).isCloseTo(45_000, within(1e-6));
            // max_{m≤T}(cum_m + C): T=3 → −300 (month 3), T=6 → 13,800, T=12 → 42,000
            assertThat(o.maxCumulativeBeforeOneTime[0][i]).isCloseTo(-300, within(1e-6));
            assertThat(o.maxCumulativeBeforeOneTime[1][i]).isCloseTo(13_800, within(1e-6));
            assertThat(o.maxCumulativeBeforeOneTime[2][i]).isCloseTo(42_000, within(1e-6));
            // ROI over 24 months: benefit 6,700·22 = 147,400; costs 24,000 + 22,000 + 3,000 = 49,000
            assertThat(o.roi[i]).isCloseTo((147_400.0 - 49_000 - 20_000) / (20_000 + 49_000), within(1e-12));
            assertThat(c.best[i]).isEqualTo((byte) 1);
        }
        double[] net = new double[25];
        net[1] = -1000;
        net[2] = -2575;
        net[3] = 3275;
        for (int m = 4; m <= 24; m++) {
            net[m] = 4700;
        }
        double npv = -20_000;
        for (int m = 1; m <= 24; m++) {
            npv += net[m] / Math.pow(1.12, m / 12.0);
        }
        assertThat(o.npv[0]).isCloseTo(npv, within(1e-6));

        Summary s = Analysis.summarize(r);
        Summary.OptionSummary os = s.options().get(0);
        assertThat(os.paybackProbability()).containsEntry(3, 0.0).containsEntry(6, 0.0).containsEntry(12, 1.0);
        assertThat(os.maxOneTimeCost().get(3)).isCloseTo(-300, within(1e-6));
        assertThat(os.maxOneTimeCost().get(12)).isCloseTo(42_000, within(1e-6));
        assertThat(os.paybackMonth().p50()).isEqualTo(8);
        assertThat(os.pNoPayback()).isZero();
        assertThat(os.pPainExceedsFirstYearCost()).isEqualTo(1.0);
        assertThat(s.pBest()).containsEntry("orch", 1.0).containsEntry("status_quo", 0.0);
        assertThat(s.decision().pPilot()).isEqualTo(1.0);
        assertThat(s.thresholds().painShareGe5pct()).isEqualTo(1.0);
        assertThat(s.thresholds().fteGe2()).isEqualTo(1.0);
        assertThat(s.thresholds().exceptionRateGe10pct()).isEqualTo(1.0);
        assertThat(s.thresholds().exceptionRateGe15pct()).isEqualTo(0.0);
        assertThat(s.thresholds().inventoryAccuracyLt95pct()).isEqualTo(1.0);
        assertThat(s.thresholds().reconciliationGe10pctOfWeek()).isEqualTo(1.0);
    }

    /**
     * Growth 44% a year and a seasonal profile: O_m = 10,000 · 1.44^((m−1)/12) · season. Pain per
     * order 1.9, fixed 5,000, event 2,000 a month as above, so P = 1.9·ΣO + 84,000 and
     * Rev = 50·ΣO over months 1..12. The option's monthly figures follow the same algebra.
     */
    @Test
    void growthAndSeasonalityFollowTheOrdersEquation() throws Exception {
        String yaml = FLAT.replace("  orders_per_month: 10000", "  orders_per_month: 10000\n"
                + "  annual_growth: 0.44\n"
                + "  seasonality: [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.5]");
        SimulationResult r = Engine.run(parse(yaml), Engine.Options.defaults().withThreads(1));
        double[] orders = new double[25];
        double yearOne = 0;
        double[] season = {2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.5};
        for (int m = 1; m <= 24; m++) {
            orders[m] = 10_000 * Math.pow(1.44, (m - 1) / 12.0) * season[(m - 1) % 12];
            if (m <= 12) {
                yearOne += orders[m];
            }
        }
        assertThat(r.columns().annualPain[0]).isCloseTo(1.9 * yearOne + 84_000, within(1e-6));
        assertThat(r.columns().revenue[0]).isCloseTo(50 * yearOne, within(1e-6));

        // benefit_m = 0.6·O_m + 700; a = 0, .25, .75, 1...; costs 1,000 + 0.1·O_m·a_m + dip 0.5·0.6·O_2
        double sum = 0;
        double npv = -20_000;
        int payback = 0;
        double costs = 0;
        double benefits = 0;
        double firstYear = 20_000;
        double[] a = new double[25];
        a[2] = 0.25;
        a[3] = 0.75;
        for (int m = 4; m <= 24; m++) {
            a[m] = 1;
        }
        for (int m = 1; m <= 24; m++) {
            double benefit = 0.6 * orders[m] + 700;
            double cost = 1000 + 0.1 * orders[m] * a[m] + (m == 2 ? 0.5 * 0.6 * orders[m] : 0);
            double net = a[m] * benefit - cost;
            sum += net;
            npv += net / Math.pow(1.12, m / 12.0);
            costs += cost;
            benefits += a[m] * benefit;
            if (m <= 12) {
                firstYear += cost;
            }
            if (payback == 0 && sum - 20_000 >= 0) {
                payback = m;
            }
        }
        OptionColumns o = r.columns().options[0];
        assertThat(o.npv[0]).isCloseTo(npv, within(1e-6));
        assertThat(o.paybackMonth[0]).isEqualTo((short) payback);
        assertThat(o.firstYearCost[0]).isCloseTo(firstYear, within(1e-6));
        assertThat(o.roi[0]).isCloseTo((benefits - costs - 20_000) / (20_000 + costs), within(1e-12));
    }

    /**
     * exception_rate ~ uniform[0.05, 0.25], everything else as in {@link #FLAT}: P is linear in e.
     * Per order, e contributes 12/60·30 + 0.2·15 + 0.5·6 = 12 (so 0.7 + 12e per order), hence
     * P = 120,000·(0.7 + 12e) + 84,000 = 168,000 + 1,440,000·e: mean 384,000 and
     * P(P > 400,000) = P(e > 0.16111…) = (0.25 − 0.16111…)/0.2 = 0.44444….
     */
    @Test
    void uniformInputGivesClosedFormMeanAndTail() throws Exception {
        String yaml = FLAT.replace("exception_rate: 0.1", "exception_rate: {uniform: [0.05, 0.25]}")
                .replace("trials: 5000", "trials: 40000");
        SimulationResult r = Engine.run(parse(yaml), Engine.Options.defaults());
        double[] pain = r.columns().annualPain;
        int n = pain.length;
        double mean = 0;
        long above = 0;
        for (double p : pain) {
            mean += p;
            if (p > 400_000) {
                above++;
            }
        }
        mean /= n;
        double sd = 1_440_000 * 0.2 / Math.sqrt(12);
        assertThat(mean).isCloseTo(384_000, within(4 * sd / Math.sqrt(n)));
        double p = (0.25 - (400_000 - 168_000) / 1_440_000.0) / 0.2;
        assertThat((double) above / n).isCloseTo(p, within(4 * Math.sqrt(p * (1 - p) / n)));
    }

    /** The status quo wins ties: an option with no effect and no cost has NPV 0 and is never best. */
    @Test
    void tiesGoToTheStatusQuo() throws Exception {
        String yaml = FLAT.substring(0, FLAT.indexOf("options:")) + """
                options:
                  - {id: nothing, kind: operate, one_time_cost: 0, annual_cost: 0, implementation_months: 0}
                """;
        SimulationResult r = Engine.run(parse(yaml), Engine.Options.defaults());
        Summary s = Analysis.summarize(r);
        assertThat(s.pBest()).containsEntry("status_quo", 1.0).containsEntry("nothing", 0.0);
        assertThat(s.options().get(0).roi()).isNull();
        // cum_1 = 0 ≥ 0: pays back in month 1
        assertThat(s.options().get(0).paybackProbability().get(3)).isEqualTo(1.0);
    }
}
