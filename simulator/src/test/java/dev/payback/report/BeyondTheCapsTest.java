package dev.payback.report;

import dev.payback.analysis.Analysis;
import dev.payback.analysis.PilotUpdate;
import dev.payback.analysis.Summary;
import dev.payback.engine.Engine;
import dev.payback.sampling.SamplingMethod;
import dev.payback.engine.SimulationResult;
import dev.payback.scenario.PilotLoader;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run larger than both the retained-trial line and the monthly-path line, with different lines
 * (here 500 and 300 of 1,500 trials, two different pseudo-random subsets), goes through every output and the pilot update: every consumer must
 * index the retained rows and the kept paths by their own counts, never by the trial count.
 */
class BeyondTheCapsTest {

    @Test
    void everyOutputAndThePilotWorkWhenRetainedRowsAndKeptPathsDiffer(@TempDir Path dir) throws Exception {
        Scenario s = ScenarioLoader.load(dev.payback.Shipped.path("b_consumer_goods_multichannel.yaml"), List.of(), null)
                .withRun(1_500, 11);
        SimulationResult r = Engine.run(s, new Engine.Options(2, 300, 500, SamplingMethod.RANDOM));
        assertThat(r.trials()).isEqualTo(1_500);
        // binomial counts around the lines (sd 18 and 15); 5 sd either side
        assertThat(r.retained()).isBetween(500 - 90, 500 + 90);
        assertThat(r.paths().kept()).isBetween(300 - 80, 300 + 80);
        assertThat(r.paths().kept()).isNotEqualTo(r.retained());

        Summary summary = Analysis.summarize(r);
        assertThat(summary.trials()).isEqualTo(1_500);
        List<Path> written = Outputs.write(dir, r, summary, EnumSet.allOf(OutputFormat.class));
        assertThat(written).contains(dir.resolve("report.html"), dir.resolve("business-case.xlsx"));
        for (Path p : written) {
            assertThat(Files.size(p)).as(p.toString()).isPositive();
        }

        // the charts count every trial as a simulated future and name the retained rows the bars come from
        var chartData = dev.payback.report.charts.ChartData.of(r, summary);
        assertThat(chartData.trials()).isEqualTo(1_500);
        assertThat(chartData.retainedTrials()).isEqualTo(r.retained());
        String svg = Files.readString(dir.resolve("charts/pain-vs-cost.svg"));
        assertThat(svg).contains(String.format(java.util.Locale.ROOT, "1,500 simulated futures, bars from a random %,d of them", r.retained()));
        assertThat(Files.readString(dir.resolve("charts/payback-probability.svg")))
                .contains("1,500 simulated futures").doesNotContain("500 simulated futures ");

        var pilot = PilotLoader.load(dev.payback.Shipped.path("b_consumer_goods_multichannel_pilot.yaml"), s);
        PilotUpdate.Result update = PilotUpdate.analyze(r, pilot);
        assertThat(update.ess()).isPositive().isLessThanOrEqualTo(r.retained());
    }
}
