package dev.payback.engine;

import dev.payback.analysis.Analysis;
import dev.payback.analysis.PilotPlanSummary;
import dev.payback.analysis.Summary;
import dev.payback.sampling.SamplingMethod;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** pilot-plan: the grid on common random numbers, against simulate and a case built for monotonicity. */
class PilotPlanTest {

    @Test
    void aOneDesignGridEqualsSimulatesStagedFiguresExactly() throws Exception {
        Scenario b = ScenarioLoader.load(dev.payback.Shipped.path("b_consumer_goods_multichannel.yaml"), List.of(), null)
                .withRun(12_000, 9);
        for (SamplingMethod method : new SamplingMethod[] {SamplingMethod.RANDOM, SamplingMethod.SOBOL}) {
            Engine.Options options = Engine.Options.defaults().withThreads(2).withSampling(method);
            Summary s = Analysis.summarize(Engine.run(b, options));
            Summary.OptionSummary staged = s.options().stream().filter(o -> o.id().equals("orchestrate_staged"))
                    .findFirst().orElseThrow();
            Summary.OptionSummary big = s.options().stream().filter(o -> o.id().equals("orchestrate"))
                    .findFirst().orElseThrow();
            PilotPlanSummary plan = PilotPlanSummary.of(PilotPlan.run(b, "orchestrate",
                    List.of(new PilotPlan.Design(0.25, 3, 0.30)), options.withThreads(1)));
            PilotPlanSummary.Row row = plan.rows().get(0);
            assertThat(row.figures().meanNpv()).isEqualTo(staged.npv().mean());
            assertThat(row.figures().p10Npv()).isEqualTo(staged.npv().p10());
            assertThat(row.figures().pPayback12()).isEqualTo(staged.paybackProbability().get(12));
            assertThat(row.pGo()).isEqualTo(staged.gate().pGo());
            assertThat(row.pFalseGo()).isEqualTo(staged.gate().pFalseGo());
            assertThat(row.pFalseStop()).isEqualTo(staged.gate().pFalseStop());
            assertThat(plan.bigBang().meanNpv()).isEqualTo(big.npv().mean());
            assertThat(plan.bigBang().p10Npv()).isEqualTo(big.npv().p10());
            assertThat(plan.bigBang().pPayback12()).isEqualTo(big.paybackProbability().get(12));
        }
    }

    @Test
    void theGridIsByteIdenticalForAnyThreadCount() throws Exception {
        Scenario b = ScenarioLoader.load(dev.payback.Shipped.path("b_consumer_goods_multichannel.yaml"), List.of(), null)
                .withRun(7_000, 4);
        List<PilotPlan.Design> designs = List.of(new PilotPlan.Design(0.1, 2, 0.2), new PilotPlan.Design(0.5, 4, 0.4),
                new PilotPlan.Design(0.1, 2, 0.3));
        byte[] one = null;
        for (int threads : new int[] {1, 2, 8}) {
            byte[] json = dev.payback.report.pilotplan.PilotPlanReport.json(PilotPlanSummary.of(PilotPlan.run(b,
                    "orchestrate", designs, Engine.Options.defaults().withThreads(threads)
                            .withSampling(SamplingMethod.LHS))));
            if (one == null) {
                one = json;
            } else {
                assertThat(json).as("threads %d", threads).isEqualTo(one);
            }
        }
    }

    /**
     * D = 1 (m* = 2), a 12-month ramp, effect uniform on [0.2, 0.8], target 0.2: a pilot of M months
     * gates at G = M + 1 with a_G = M/12, so it measures about r·M/12 and goes when r ≥ 2.4/M:
     * P(go) = 0, 0, 0, 1/3, 0.53, 2/3 for M = 1..6. Each trial's gate uses the same two uniforms for
     * every M, so no trial can turn from go to stop as the pilot grows.
     */
    @Test
    void aLongerPilotNeverLowersTheChanceOfGoWhenTheRampIsLonger() throws Exception {
        Scenario s = ScenarioLoader.parse("""
                name: monotone
                horizon_months: 24
                simulation: {trials: 20000, seed: 8}
                business:
                  orders_per_month: 1000000
                  average_order_value: 10
                  gross_margin: 0.5
                  loaded_labor_cost_per_hour: 60
                pain:
                  exception_rate: {uniform: [0.05, 0.15]}
                  minutes_per_exception: 6
                options:
                  - id: orch
                    kind: orchestrate
                    one_time_cost: 50000
                    annual_cost: 12000
                    implementation_months: 1
                    ramp_months: 12
                    effects: {exception_rate: {uniform: [0.2, 0.8]}}
                """, "monotone.yaml", List.of(), null);
        List<PilotPlan.Design> designs = new ArrayList<>();
        for (int m = 1; m <= 6; m++) {
            designs.add(new PilotPlan.Design(0.5, m, 0.2));
        }
        PilotPlanSummary plan = PilotPlanSummary.of(PilotPlan.run(s, "orch", designs,
                Engine.Options.defaults().withThreads(2)));
        double[] expected = {0, 0, 0, 1.0 / 3, 0.8 / 1.5, 2.0 / 3};
        for (int m = 1; m < 6; m++) {
            assertThat(plan.rows().get(m).pGo()).as("months %d", m + 1)
                    .isGreaterThanOrEqualTo(plan.rows().get(m - 1).pGo());
        }
        for (int m = 0; m < 6; m++) {
            // 500,000 pilot orders: the measured reduction is within about ±0.01 of r·M/12
            assertThat(plan.rows().get(m).pGo()).as("months %d", m + 1).isCloseTo(expected[m],
                    org.assertj.core.api.Assertions.within(0.02));
        }
        assertThat(plan.rows().get(5).pGo()).isGreaterThan(plan.rows().get(2).pGo() + 0.5);
    }
}
