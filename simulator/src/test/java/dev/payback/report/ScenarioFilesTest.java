package dev.payback.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payback.analysis.Analysis;
import dev.payback.analysis.Summary;
import dev.payback.engine.Engine;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every shipped scenario runs, has every docs/model.md section 5 key, and the seed cases reach their verdicts. */
class ScenarioFilesTest {
    static final List<String> TOP = List.of("scenario", "trials", "seed", "currency", "horizon_months",
            "annualized_pain", "pain_share_of_revenue", "pain_fte", "thresholds", "options", "p_best", "decision");
    static final List<String> THRESHOLDS = List.of("pain_share_ge_1_5pct", "pain_share_ge_3pct",
            "pain_share_ge_5pct", "fte_ge_1", "fte_ge_2", "exception_rate_ge_10pct", "exception_rate_ge_15pct",
            "inventory_accuracy_lt_95pct", "reconciliation_ge_10pct_of_week");
    static final List<String> OPTION = List.of("npv", "roi", "first_year_cost", "cumulative_net",
            "payback_probability", "payback_month", "p_no_payback", "p_npv_negative",
            "p_pain_exceeds_first_year_cost", "max_one_time_cost", "payback_confidence");
    static final List<String> STATS = List.of("mean", "sd", "p5", "p10", "p25", "p50", "p75", "p90", "p95", "min",
            "max");

    static Stream<Path> scenarioFiles() throws IOException {
        return Files.list(dev.payback.Shipped.dir()).filter(p -> p.toString().endsWith(".yaml"))
                .filter(p -> !p.getFileName().toString().contains("pilot")).sorted();
    }

    static Summary run(Path file, int trials) throws Exception {
        Scenario s = ScenarioLoader.load(file, List.of(), null);
        return Analysis.summarize(Engine.run(s.withRun(trials, s.seed()), Engine.Options.defaults()));
    }

    @ParameterizedTest
    @MethodSource("scenarioFiles")
    void everySection5KeyIsPresent(Path file) throws Exception {
        JsonNode j = new ObjectMapper().readTree(SummaryJson.toBytes(run(file, 4000)));
        assertThat(j.fieldNames()).toIterable().containsAll(TOP);
        assertThat(j.get("thresholds").fieldNames()).toIterable().containsAll(THRESHOLDS);
        for (String stat : List.of("annualized_pain", "pain_share_of_revenue", "pain_fte")) {
            assertStats(j.get(stat));
        }
        Iterator<String> ids = j.get("options").fieldNames();
        assertThat(ids.hasNext()).isTrue();
        while (ids.hasNext()) {
            String id = ids.next();
            JsonNode o = j.get("options").get(id);
            assertThat(o.fieldNames()).toIterable().containsAll(OPTION);
            assertStats(o.get("npv"));
            assertStats(o.get("first_year_cost"));
            assertStats(o.get("payback_month"));
            for (String t : List.of("3", "6", "12")) {
                assertStats(o.get("cumulative_net").get(t));
                assertThat(o.get("payback_probability").get(t).isNumber()).isTrue();
                assertThat(o.get("max_one_time_cost").get(t).isNumber()).isTrue();
            }
            assertThat(j.get("p_best").has(id)).isTrue();
        }
        assertThat(j.get("p_best").has("status_quo")).isTrue();
        assertStats(j.get("decision").get("score"));
        assertThat(j.get("decision").get("verdict_probability").fieldNames()).toIterable()
                .containsExactly("operate", "pilot", "orchestrate");
    }

    private static void assertStats(JsonNode stats) {
        assertThat(stats.fieldNames()).toIterable().containsExactlyElementsOf(STATS);
    }

    /** The seed's three cases: A operates, B orchestrates, C formalizes orchestration. */
    @ParameterizedTest
    @CsvSource({
        "a_apparel_single_warehouse.yaml, operate, operate",
        "b_consumer_goods_multichannel.yaml, orchestrate, orchestrate",
        "c_distributor_spreadsheet_routing.yaml, orchestrate, orchestrate"})
    void seedCasesReachTheirVerdicts(String file, String verdict, String bestOption) throws Exception {
        Summary s = run(dev.payback.Shipped.path(file), 20_000);
        assertThat(s.decision().verdict()).isEqualTo(verdict);
        String best = s.pBest().entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertThat(best).isEqualTo(bestOption);
    }
}
