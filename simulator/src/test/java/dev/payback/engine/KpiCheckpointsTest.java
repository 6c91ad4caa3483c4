package dev.payback.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payback.analysis.Analysis;
import dev.payback.analysis.Stats;
import dev.payback.analysis.Summary;
import dev.payback.report.SummaryJson;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The KPI checkpoints of docs/model.md section 8, worked out by hand for fixed scenarios, plus the
 * checklist value against a closed-form quantile.
 */
class KpiCheckpointsTest {

    /**
     * Every input fixed. Orders 10,000 a month, no growth, seasonality 2 in month 3, 0.5 in month 6
     * and 1.25 in month 12: O_3 = 20,000, O_6 = 5,000, O_12 = 12,500. AOV 50, margin 0.4, wage 30.
     *
     * <p>Status quo per order: labor 0.1·12/60·30 = 0.6, expedite 0.1·0.2·15 = 0.3, lost sales
     * 0.01·(50·0.4 + 0.5·100) = 0.7, support 0.1·0.5·6 = 0.3 → 1.9. Per month: reconciliation
     * 10·52/12·30 = 1,300, carrying 120,000·0.25/12 = 2,500, write-offs 12,000/12 = 1,000, penalties
     * 2,400/12 = 200 → 5,000; the outage (p = 1, year 1) 24,000/12 = 2,000.
     *
     * <p>Option orch: D = 4, R = 4, so a_3 = 0 (before go-live), a_6 = (6 − 4)/4 = 0.5 (mid-ramp),
     * a_12 = 1 (after the ramp). Option failing: failure_probability 1 with failure_benefit_share
     * 0.5 halves every effect; D = 1.5, R = 3, so a_3 = (3 − 1.5)/3 = 0.5.
     */
    static final String FIXED = """
            name: kpi by hand
            horizon_months: 24
            simulation: {trials: 3000, seed: 11}
            business:
              orders_per_month: 10000
              seasonality: [1, 1, 2, 1, 1, 0.5, 1, 1, 1, 1, 1, 1.25]
              average_order_value: 50
              gross_margin: 0.4
              loaded_labor_cost_per_hour: 30
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
                implementation_months: 4
                ramp_months: 4
                go_live_dip: 0.5
                effects:
                  exception_rate: 0.5
                  minutes_per_exception: 0.25
                  reconciliation_hours_per_week: 0.6
                  excess_inventory_value: 0.2
                  write_offs_per_year: 0.5
                  expedite_fee: 0.4
                  outage: 0.25
                  penalties: 1
              - id: failing
                kind: orchestrate
                one_time_cost: 20000
                annual_cost: 12000
                implementation_months: 1.5
                ramp_months: 3
                failure_probability: 1
                failure_benefit_share: 0.5
                effects:
                  exception_rate: 0.5
                  minutes_per_exception: 0.25
                  reconciliation_hours_per_week: 0.6
                  excess_inventory_value: 0.2
                  write_offs_per_year: 0.5
                  expedite_fee: 0.4
                  outage: 0.25
                  penalties: 1
            """;

    static Scenario parse(String yaml) throws Exception {
        return ScenarioLoader.parse(yaml, "test.yaml", List.of(), null);
    }

    private static void assertKpis(KpiColumns k, int checkpoint, int row, double exceptionRate, double laborPerOrder,
            double leakage, double cash, double painPerOrder) {
        assertThat(k.array(checkpoint, Kpis.EXCEPTION_RATE)[row]).isCloseTo(exceptionRate, within(1e-12));
        assertThat(k.array(checkpoint, Kpis.LABOR_COST_PER_ORDER)[row]).isCloseTo(laborPerOrder, within(1e-12));
        assertThat(k.array(checkpoint, Kpis.MARGIN_LEAKAGE)[row]).isCloseTo(leakage, within(1e-12));
        assertThat(k.array(checkpoint, Kpis.CASH_IN_EXCESS_INVENTORY)[row]).isCloseTo(cash, within(1e-6));
        assertThat(k.array(checkpoint, Kpis.PAIN_PER_ORDER)[row]).isCloseTo(painPerOrder, within(1e-12));
    }

    @Test
    void fixedScenarioMatchesHandArithmetic() throws Exception {
        SimulationResult r = Engine.run(parse(FIXED), Engine.Options.defaults().withThreads(2));
        TrialColumns c = r.columns();
        for (int i : new int[] {0, 1777, 2999}) {
            // Status quo. labor/order = 0.6 + 1,300/O; leakage = (0.3 + 0.7)·O + 1,000 over 50·O
            // = 0.02 + 20/O; pain/order = 1.9 + (5,000 + 2,000)/O.
            // T = 3 (O 20,000): 0.665, 0.021, 2.25. T = 6 (O 5,000): 0.86, 0.024, 3.3.
            // T = 12 (O 12,500): 0.704, 0.0216, 2.46.
            assertKpis(c.statusQuoKpis, 0, i, 0.1, 0.665, 0.021, 120_000, 2.25);
            assertKpis(c.statusQuoKpis, 1, i, 0.1, 0.86, 0.024, 120_000, 3.3);
            assertKpis(c.statusQuoKpis, 2, i, 0.1, 0.704, 0.0216, 120_000, 2.46);

            KpiColumns orch = c.options[0].kpis;
            // T = 3, a = 0: not live, the status quo's values.
            assertKpis(orch, 0, i, 0.1, 0.665, 0.021, 120_000, 2.25);
            // T = 6, a = 0.5, O = 5,000: e = 0.1·(1 − 0.25) = 0.075, t = 12·0.875 = 10.5,
            // h = 10·0.7 = 7, V = 120,000·0.9 = 108,000, W = 12,000·0.75 = 9,000, f = 15·0.8 = 12.
            // labor = 5,000·0.075·10.5/60·30 = 1,968.75; reconciliation = 7·52/12·30 = 910
            //   → (1,968.75 + 910)/5,000 = 0.57575.
            // expedite 5,000·0.075·0.2·12 = 900, lost sales 5,000·0.7 = 3,500, write-offs 9,000/12 = 750
            //   → 5,150 / (5,000·50) = 0.0206.
            // pain_6 = 5,000·1.9 + 7,000 = 16,500. At full adoption (e 0.05, t 9, h 4, V 96,000,
            // W 6,000, f 9): per order 0.225 + 0.09 + 0.7 + 0.15 = 1.165; per month 4·130 + 96,000·0.25/12
            // + 6,000/12 + 0 = 3,020; outage 2,000·0.75 = 1,500 → pain' = 5,825 + 4,520 = 10,345;
            // benefit 6,155; (16,500 − 0.5·6,155)/5,000 = 13,422.5/5,000 = 2.6845.
            assertKpis(orch, 1, i, 0.075, 0.57575, 0.0206, 108_000, 2.6845);
            // T = 12, a = 1, O = 12,500: labor 12,500·0.225 = 2,812.5 + 520 → 3,332.5/12,500 = 0.2666;
            // expedite 12,500·0.05·0.2·9 = 1,125 + lost 8,750 + write-offs 500 = 10,375 / 625,000 = 0.0166;
            // pain' = 12,500·1.165 + 3,020 + 1,500 = 19,082.5 → 1.5266 per order.
            assertKpis(orch, 2, i, 0.05, 0.2666, 0.0166, 96_000, 1.5266);

            KpiColumns failing = c.options[1].kpis;
            // Failed rollout, every effect halved; T = 3, a = 0.5, O = 20,000: e = 0.1·(1 − 0.125) = 0.0875,
            // t = 12·(1 − 0.0625) = 11.25, h = 10·0.85 = 8.5, V = 114,000, W = 10,500, f = 13.5.
            // labor 20,000·0.0875·11.25/60·30 = 9,843.75 + 8.5·130 = 1,105 → 10,948.75/20,000 = 0.5474375.
            // expedite 20,000·0.0875·0.2·13.5 = 4,725 + lost 14,000 + write-offs 875 = 19,600 / 1,000,000.
            // pain_3 = 20,000·1.9 + 7,000 = 45,000. Full (failed) adoption: per order 0.39375 + 0.18 + 0.7
            // + 0.225 = 1.49875; per month 910 + 2,250 + 750 + 100 = 4,010; outage 1,750
            // → pain' = 29,975 + 5,760 = 35,735, benefit 9,265; (45,000 − 4,632.5)/20,000 = 2.018375.
            assertKpis(failing, 0, i, 0.0875, 0.5474375, 0.0196, 114_000, 2.018375);
        }

        Summary s = Analysis.summarize(r);
        Summary.KpiTrack sq = s.kpiTrack("status_quo");
        assertThat(sq.stats().keySet()).containsExactly(3, 6, 12);
        assertThat(sq.stats().get(6).keySet()).containsExactly("exception_rate", "labor_cost_per_order",
                "margin_leakage", "cash_in_excess_inventory", "pain_per_order");
        assertThat(sq.checklist()).isEmpty();
        Summary.KpiTrack orch = s.kpiTrack("orch");
        Stats pain6 = orch.stats().get(6).get("pain_per_order");
        assertThat(pain6.n()).isEqualTo(3000);
        assertThat(pain6.mean()).isCloseTo(2.6845, within(1e-12));
        assertThat(pain6.p10()).isCloseTo(2.6845, within(1e-12));
        assertThat(pain6.p90()).isCloseTo(2.6845, within(1e-12));
        assertThat(orch.checklist().get(12).get("labor_cost_per_order")).isCloseTo(0.2666, within(1e-12));
        assertThat(orch.checklist().get(3).get("exception_rate")).isCloseTo(0.1, within(1e-12));
    }

    /**
     * One uniform input: exception_rate ~ U(0.1, 0.2); the option halves it and is live from month 1
     * (D = 0, R = 0), so its exception rate at every checkpoint is U(0.05, 0.1). The checklist at
     * q = 0.8 is that uniform's 0.8-quantile, 0.05 + 0.8·0.05 = 0.09 (at q = 0.9, 0.095); its P10,
     * median and P90 are 0.055, 0.075 and 0.095; the status quo's median is 0.15. The standard error
     * of a sample quantile is sqrt(q(1 − q)/n)/density = sqrt(0.16/100,000)/20 ≈ 6.3e-5.
     */
    @Test
    void checklistIsTheClosedFormQuantileOfOneUniformInput() throws Exception {
        String yaml = """
                name: one uniform
                simulation: {trials: 100000, seed: 3}
                business: {orders_per_month: 1000, average_order_value: 50, gross_margin: 0.4,
                           loaded_labor_cost_per_hour: 30}
                pain: {exception_rate: {uniform: [0.1, 0.2]}}
                options:
                  - {id: halve, kind: orchestrate, one_time_cost: 1000, annual_cost: 0, implementation_months: 0,
                     effects: {exception_rate: 0.5}}
                decision: {payback_confidence: Q}
                """;
        for (double[] qv : new double[][] {{0.8, 0.09}, {0.9, 0.095}}) {
            Scenario s = parse(yaml.replace("Q", Double.toString(qv[0])));
            Summary sum = Analysis.summarize(Engine.run(s, Engine.Options.defaults().withThreads(2)));
            for (int month : new int[] {3, 6, 12}) {
                assertThat(sum.kpiTrack("halve").checklist().get(month).get("exception_rate"))
                        .isCloseTo(qv[1], within(4e-4));
                Stats st = sum.kpiTrack("halve").stats().get(month).get("exception_rate");
                assertThat(st.p10()).isCloseTo(0.055, within(4e-4));
                assertThat(st.p50()).isCloseTo(0.075, within(4e-4));
                assertThat(st.p90()).isCloseTo(0.095, within(4e-4));
                assertThat(st.mean()).isCloseTo(0.075, within(3e-4));
                assertThat(sum.kpiTrack("status_quo").stats().get(month).get("exception_rate").p50())
                        .isCloseTo(0.15, within(8e-4));
            }
        }
    }

    /** Beyond the retained-trial cap the KPI columns hold the retained rows only, and the moments stay exact. */
    @Test
    void cappedRunStreamsExactKpiMoments() throws Exception {
        Scenario s = SamplingMethodsTest.scenarioB().withRun(9_000, 4);
        SimulationResult all = Engine.run(s, Engine.Options.defaults().withThreads(2));
        SimulationResult capped = Engine.run(s, Engine.Options.defaults().withThreads(3).withRetainCap(1_000));
        assertThat(capped.columns().options[0].kpis.array(1, Kpis.PAIN_PER_ORDER)).hasSize(capped.retained());
        // beyond the line a pseudo-random subset of about 1,000 rows (binomial: sd about 30)
        assertThat(capped.retained()).isBetween(1_000 - 150, 1_000 + 150);
        for (int strategy = 0; strategy <= s.options().size(); strategy++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < Kpis.COUNT; k++) {
                    RunStats.Moments a = all.stats().kpi(strategy, j, k);
                    RunStats.Moments b = capped.stats().kpi(strategy, j, k);
                    assertThat(b).isEqualTo(a);
                    // and the moments agree with a direct computation over every trial
                    double[] col = strategy == 0 ? all.columns().statusQuoKpis.array(j, k)
                            : all.columns().options[strategy - 1].kpis.array(j, k);
                    assertThat(a.mean()).isCloseTo(Stats.mean(col), within(1e-9 * Math.abs(Stats.mean(col)) + 1e-15));
                }
            }
        }
        // each retained row holds the KPIs of the trial it names (Retention.trial)
        int row = 7;
        int trial = capped.retention().trial(row);
        assertThat(capped.columns().options[1].kpis.array(2, Kpis.EXCEPTION_RATE)[row])
                .isEqualTo(all.columns().options[1].kpis.array(2, Kpis.EXCEPTION_RATE)[trial]);
    }

    /** Every shipped scenario has the kpis block for the status quo and each option, and a checklist per option. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"a_apparel_single_warehouse.yaml",
            "b_consumer_goods_multichannel.yaml", "c_distributor_spreadsheet_routing.yaml", "template.yaml"})
    void everyScenarioHasTheKpiBlocks(String file) throws Exception {
        Scenario s = ScenarioLoader.load(dev.payback.Shipped.path(file), List.of(), null).withRun(2000, 5);
        JsonNode j = new ObjectMapper().readTree(SummaryJson.toBytes(Analysis.summarize(Engine.run(s,
                Engine.Options.defaults()))));
        List<String> ids = new java.util.ArrayList<>(List.of("status_quo"));
        s.strategies().forEach(o -> ids.add(o.id()));   // staged rollouts included
        assertThat(j.get("kpis").fieldNames()).toIterable().containsExactlyElementsOf(ids);
        assertThat(j.get("kpi_checklist").fieldNames()).toIterable().containsExactlyElementsOf(ids.subList(1,
                ids.size()));
        for (String id : ids) {
            assertThat(j.at("/kpis/" + id).fieldNames()).toIterable().containsExactly("3", "6", "12");
            for (String t : List.of("3", "6", "12")) {
                assertThat(j.at("/kpis/" + id + "/" + t).fieldNames()).toIterable()
                        .containsExactlyElementsOf(Kpis.NAMES);
                for (String k : Kpis.NAMES) {
                    assertThat(j.at("/kpis/" + id + "/" + t + "/" + k).fieldNames()).toIterable().containsExactly(
                            "mean", "sd", "p5", "p10", "p25", "p50", "p75", "p90", "p95", "min", "max");
                    if (!id.equals("status_quo")) {
                        assertThat(j.at("/kpi_checklist/" + id + "/" + t + "/" + k).isNumber()).isTrue();
                    }
                }
            }
        }
    }

    /** kpis, kpi_checklist, scorecard scores and weights are byte-identical for 1 and 3 threads. */
    @Test
    void newKeysAreIdenticalAcrossThreadCounts() throws Exception {
        Scenario s = ScenarioLoader.load(dev.payback.Shipped.path("c_distributor_spreadsheet_routing.yaml"),
                List.of(), null).withRun(12_345, 21);
        ObjectMapper m = new ObjectMapper();
        JsonNode one = m.readTree(SummaryJson.toBytes(Analysis.summarize(Engine.run(s,
                Engine.Options.defaults().withThreads(1)))));
        JsonNode three = m.readTree(SummaryJson.toBytes(Analysis.summarize(Engine.run(s,
                Engine.Options.defaults().withThreads(3)))));
        for (String key : List.of("kpis", "kpi_checklist", "scorecard_weights")) {
            assertThat(one.get(key)).as(key).isNotNull();
            assertThat(m.writeValueAsString(three.get(key))).isEqualTo(m.writeValueAsString(one.get(key)));
        }
        for (Map.Entry<String, JsonNode> o : one.get("options").properties()) {
            assertThat(three.at("/options/" + o.getKey() + "/scorecard_score"))
                    .isEqualTo(o.getValue().get("scorecard_score"));
        }
        assertThat(one.at("/kpis/status_quo/12/pain_per_order/p50").isNumber()).isTrue();
    }
}
