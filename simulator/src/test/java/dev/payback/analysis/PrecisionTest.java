package dev.payback.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payback.engine.Engine;
import dev.payback.report.SummaryJson;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PrecisionTest {

    static Scenario scenarioB() throws Exception {
        return ScenarioLoader.load(dev.payback.Shipped.path("b_consumer_goods_multichannel.yaml"), List.of(), null)
                .withRun(1, 21);
    }

    @Test
    void stopsAtTheFirstBatchBelowTheTargetDeterministically() throws Exception {
        Scenario s = scenarioB();
        Precision.Outcome one = Precision.run(s, Engine.Options.defaults().withThreads(1), 0.006, 1_000_000, null, null);
        Precision.Outcome two = Precision.run(s, Engine.Options.defaults().withThreads(2), 0.006, 1_000_000, null, null);
        assertThat(one.reached()).isTrue();
        assertThat(one.halfWidth()).isLessThan(0.006);
        int n = one.result().trials();
        assertThat(n % Precision.FIRST_BATCH).isZero();
        assertThat(Integer.bitCount(n / Precision.FIRST_BATCH)).isEqualTo(1);   // FIRST_BATCH · 2^k
        if (n > Precision.FIRST_BATCH) {   // the batch before did not meet the target
            double previous = Precision.worstHalfWidth(Engine.run(s.withRun(n / 2, s.seed()), Engine.Options.defaults()));
            assertThat(previous).isGreaterThanOrEqualTo(0.006);
        }
        assertThat(two.result().trials()).isEqualTo(n);
        byte[] a = SummaryJson.toBytes(Analysis.summarize(one.result()));
        assertThat(SummaryJson.toBytes(Analysis.summarize(two.result()))).isEqualTo(a);
        // identical to a plain run of that many trials
        assertThat(SummaryJson.toBytes(Analysis.summarize(Engine.run(s.withRun(n, s.seed()), Engine.Options.defaults()))))
                .isEqualTo(a);
    }

    @Test
    void stopsAtTheCapWhenTheTargetIsOutOfReach() throws Exception {
        Precision.Outcome o = Precision.run(scenarioB(), Engine.Options.defaults(), 1e-4, 50_000, null, null);
        assertThat(o.reached()).isFalse();
        assertThat(o.result().trials()).isEqualTo(50_000);
        assertThat(o.batches()).isEqualTo(2);   // 32,768 then the cap
    }

    @Test
    void summaryJsonHasStandardErrorsAfterTheExistingKeys() throws Exception {
        Summary s = Analysis.summarize(Engine.run(scenarioB().withRun(5_000, 4), Engine.Options.defaults()));
        JsonNode json = new ObjectMapper().readTree(SummaryJson.toBytes(s));
        List<String> keys = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys.get(keys.size() - 1)).isEqualTo("standard_errors");
        JsonNode se = json.get("standard_errors");
        double p = json.at("/options/orchestrate/payback_probability/12").asDouble();
        assertThat(se.at("/options/orchestrate/payback_probability/12").asDouble())
                .isCloseTo(Math.sqrt(p * (1 - p) / 5_000), within(1e-15));
        double sd = json.at("/options/orchestrate/npv/sd").asDouble();
        assertThat(se.at("/options/orchestrate/npv_mean").asDouble()).isCloseTo(sd / Math.sqrt(5_000), within(1e-9));
        double pb = json.at("/p_best/status_quo").asDouble();
        assertThat(se.at("/p_best/status_quo").asDouble()).isCloseTo(Math.sqrt(pb * (1 - pb) / 5_000), within(1e-15));
        assertThat(se.at("/thresholds/pain_share_ge_5pct").isNumber()).isTrue();
        assertThat(se.at("/verdict_probability/orchestrate").isNumber()).isTrue();
    }
}
