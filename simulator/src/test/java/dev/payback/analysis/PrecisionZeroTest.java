package dev.payback.analysis;

import dev.payback.engine.Engine;
import dev.payback.engine.SimulationResult;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** --precision where every payback probability is 0: the half-width is Wilson's, not 0. */
class PrecisionZeroTest {
    static final String NEVER_PAYS = """
            name: never pays back
            business: {orders_per_month: 100, average_order_value: 10, gross_margin: 0.3, loaded_labor_cost_per_hour: 20}
            pain: {exception_rate: 0.01, minutes_per_exception: 1}
            options:
              - {id: costly, kind: orchestrate, one_time_cost: 1000000, annual_cost: 100000, implementation_months: 1,
                 effects: {exception_rate: 0.5}}
            """;

    @Test
    void aProbabilityNeverSeenIsNotKnownToPlusMinusZero() throws Exception {
        Scenario s = ScenarioLoader.parse(NEVER_PAYS, "never.yaml", List.of(), null).withRun(2000, 1);
        SimulationResult r = Engine.run(s, Engine.Options.defaults());
        assertThat(r.stats().optionCount(0, dev.payback.engine.RunStats.PAID_12)).isZero();
        double z = 1.959963984540054;
        // Wilson's interval at p = 0 is [0, z²/(n+z²)]; half its width, by hand for n = 2000
        assertThat(Precision.worstHalfWidth(r)).isCloseTo(z * z / (2 * (2000 + z * z)), within(1e-15));
        assertThat(Precision.worstHalfWidth(r)).isGreaterThan(9e-4);
        // so --precision 1e-6 is not claimed after the first batch: it runs to the cap
        Precision.Outcome o = Precision.run(s, Engine.Options.defaults(), 1e-6, 70_000, null, null);
        assertThat(o.reached()).isFalse();
        assertThat(o.result().trials()).isEqualTo(70_000);
    }
}
