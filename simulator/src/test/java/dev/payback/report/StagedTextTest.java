package dev.payback.report;

import dev.payback.analysis.Analysis;
import dev.payback.analysis.Summary;
import dev.payback.engine.Engine;
import dev.payback.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The "Pilot first?" paragraph, on a case whose figures are known by hand. */
class StagedTextTest {

    /**
     * Every input fixed; the pilot can never show the 60% target (the true reduction is 40%), so it
     * always stops: P(go) = 0, every stop is a false stop (the big bang's NPV is positive in every
     * future), and the staged strategy always loses money while the big bang never does.
     * Staged NPV at 0% discount: −30,000 − 2,500 − 48,750 + 55,000 − 5,000 = −31,250; the big bang's
     * −100,000 − 10,000 − 195,000 + 10 · 220,000 = 1,895,000; so staging costs $1.93M of expected NPV.
     */
    @Test
    void theParagraphStatesWhatStagingDoesInPlainWords() throws Exception {
        String yaml = """
                name: always stops
                horizon_months: 12
                discount_rate: 0
                simulation: {trials: 500, seed: 3}
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
                      go_criteria: {exception_rate_reduction: 0.6}
                """;
        Summary s = Analysis.summarize(Engine.run(ScenarioLoader.parse(yaml, "t.yaml", List.of(), null),
                Engine.Options.defaults().withThreads(1)));
        String text = StagedText.paragraph(s.options().get(0), s.options().get(1), "USD");
        assertThat(text).startsWith("Piloting orch on 25% of orders for 2 months before expanding costs "
                + Money.compact(1_895_000 + 31_250, "USD") + " of expected NPV and raises the chance of losing "
                + "money from 0% to 100%; the pilot says go in 0% of futures.");
        assertThat(text).contains("stops in 100% where it would have made money (false stop), at a target of 60%");
        assertThat(text).contains("expands in 0% of futures where the big bang loses money");
        assertThat(text).contains("payback pilot-plan SCENARIO --option orch");
    }
}
