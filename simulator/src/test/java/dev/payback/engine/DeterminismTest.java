package dev.payback.engine;

import dev.payback.analysis.Analysis;
import dev.payback.report.SummaryJson;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The same scenario, seed and trial count give byte-identical summary.json for any thread count. */
class DeterminismTest {

    @Test
    void identicalBytesFor1_2And8Threads() throws Exception {
        Scenario s = ScenarioLoader.load(dev.payback.Shipped.path("b_consumer_goods_multichannel.yaml"), List.of(), null)
                .withRun(20_000, 99);
        byte[] one = SummaryJson.toBytes(Analysis.summarize(Engine.run(s, Engine.Options.defaults().withThreads(1))));
        byte[] two = SummaryJson.toBytes(Analysis.summarize(Engine.run(s, Engine.Options.defaults().withThreads(2))));
        byte[] eight = SummaryJson.toBytes(Analysis.summarize(Engine.run(s, Engine.Options.defaults().withThreads(8))));
        assertThat(two).isEqualTo(one);
        assertThat(eight).isEqualTo(one);
        byte[] otherSeed = SummaryJson.toBytes(Analysis.summarize(
                Engine.run(s.withRun(20_000, 100), Engine.Options.defaults().withThreads(2))));
        assertThat(otherSeed).isNotEqualTo(one);
    }
}
