package dev.payback.engine;

import dev.payback.analysis.Analysis;
import dev.payback.report.OutputFormat;
import dev.payback.report.Outputs;
import dev.payback.report.SummaryJson;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A run whose outputs draw nothing from the monthly paths (summary.json alone) keeps none of them
 * (a path cap of 0), and its summary is byte for byte the summary of the same run with the paths.
 */
class MonthlyPathsCapTest {

    @Test
    void aRunWithoutMonthlyPathsHasTheSameSummary() throws Exception {
        Scenario s = ScenarioLoader.load(dev.payback.Shipped.path("b_consumer_goods_multichannel.yaml"))
                .withRun(6_000, 11);
        Engine.Options with = Engine.Options.defaults().withThreads(2);
        SimulationResult full = Engine.run(s, with);
        SimulationResult none = Engine.run(s, with.withMonthlyPathCap(0));
        assertThat(full.paths().kept()).isEqualTo(6_000);
        assertThat(none.paths().kept()).isZero();
        assertThat(none.paths().month(0, s.horizonMonths())).isEmpty();
        assertThat(SummaryJson.toBytes(Analysis.summarize(none))).isEqualTo(SummaryJson.toBytes(Analysis.summarize(full)));
    }

    @Test
    void onlySummaryJsonGoesWithoutThePaths() {
        assertThat(Outputs.readMonthlyPaths(EnumSet.of(OutputFormat.JSON))).isFalse();
        for (OutputFormat f : OutputFormat.values()) {
            if (f != OutputFormat.JSON) {
                assertThat(Outputs.readMonthlyPaths(EnumSet.of(OutputFormat.JSON, f))).as(f.name()).isTrue();
            }
        }
        assertThatThrownBy(() -> Engine.Options.defaults().withMonthlyPathCap(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
