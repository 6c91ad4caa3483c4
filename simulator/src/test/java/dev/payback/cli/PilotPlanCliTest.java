package dev.payback.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.payback.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** payback pilot-plan and the staged strategy in simulate, through the command line. */
class PilotPlanCliTest {

    @Test
    void pilotPlanPrintsTheGridAndWritesItsFiles(@TempDir Path tmp) throws Exception {
        CliTest.Run r = run("pilot-plan", CliTest.SCENARIO_B, "--option", "orchestrate", "--trials", "4000",
                "--shares", "0.1,0.25", "--months", "2,3", "--targets", "0.2,0.3", "--out", tmp.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("big bang (no pilot)").contains("The highest mean NPV:")
                .contains("The cautious pick (highest P10 NPV):");
        for (String f : new String[] {"pilot-plan.json", "pilot-plan.csv", "pilot-plan.png", "pilot-plan.svg",
            "pilot-plan.html"}) {
            assertThat(tmp.resolve(f)).isRegularFile();
        }
        JsonNode j = new ObjectMapper().readTree(tmp.resolve("pilot-plan.json").toFile());
        assertThat(j.get("designs")).hasSize(8);
        assertThat(j.get("designs").get(0).get("pilot_share").asDouble()).isEqualTo(0.1);
        assertThat(j.get("designs").get(0).has("p_false_stop")).isTrue();
        assertThat(Files.readAllLines(tmp.resolve("pilot-plan.csv"))).hasSize(1 + 1 + 8);
        String html = Files.readString(tmp.resolve("pilot-plan.html"));
        assertThat(html).contains("<svg").doesNotContain("<script").contains("Big bang (no pilot)");
        // the same run again writes the same bytes, with another thread count
        Path again = tmp.resolve("again");
        assertThat(run("pilot-plan", CliTest.SCENARIO_B, "--option", "orchestrate", "--trials", "4000", "--shares",
                "0.1,0.25", "--months", "2,3", "--targets", "0.2,0.3", "--threads", "1", "--out", again.toString())
                .code()).isZero();
        for (String f : new String[] {"pilot-plan.json", "pilot-plan.csv", "pilot-plan.svg", "pilot-plan.html"}) {
            assertThat(Files.readAllBytes(again.resolve(f))).as(f).isEqualTo(Files.readAllBytes(tmp.resolve(f)));
        }
    }

    @Test
    void markupInNamesIsEscapedInPilotPlanHtml(@TempDir Path tmp) throws Exception {
        String b = Files.readString(Path.of(CliTest.SCENARIO_B))
                .replace("name: Consumer goods SMB on Shopify, Amazon and wholesale", "name: \"<script>alert(1)</script>\"")
                .replace("label: Order orchestration platform (routing, inventory layer, exception workflows)",
                        "label: \"<img src=x onerror=alert(2)>\"");
        Path file = tmp.resolve("hostile.yaml");
        Files.writeString(file, b);
        CliTest.Run r = run("pilot-plan", file.toString(), "--option", "orchestrate", "--trials", "2000",
                "--shares", "0.25", "--months", "3", "--targets", "0.3", "--out", tmp.resolve("out").toString());
        assertThat(r.code()).as(r.err()).isZero();
        String html = Files.readString(tmp.resolve("out/pilot-plan.html"));
        assertThat(html.toLowerCase(java.util.Locale.ROOT)).doesNotContain("<script", "<img");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;img src");
    }

    @Test
    void usageMistakesExitTwo(@TempDir Path tmp) {
        assertThat(run("pilot-plan", CliTest.SCENARIO_B, "--option", "nope", "--out", tmp.toString()).err())
                .contains("--option nope is not an option of the scenario; its options are operate, orchestrate");
        CliTest.Run r = run("pilot-plan", CliTest.SCENARIO_B, "--option", "orchestrate", "--shares", "1.5",
                "--out", tmp.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--shares: each share must lie strictly between 0 and 1, got 1.5");
        assertThat(run("pilot-plan", CliTest.SCENARIO_B, "--option", "orchestrate", "--months", "0",
                "--out", tmp.toString()).code()).isEqualTo(2);
        assertThat(run("pilot-plan", CliTest.SCENARIO_B, "--option", "orchestrate", "--targets", "30",
                "--out", tmp.toString()).code()).isEqualTo(2);
    }

    @Test
    void pilotOfAnOptionWithAStagedTwinNamesTheGateTheBusinessCaseAssumed(@TempDir Path tmp) {
        CliTest.Run r = run("pilot", CliTest.SCENARIO_B, dev.payback.Shipped.file("b_consumer_goods_multichannel_pilot.yaml"),
                "--trials", "4000", "--out", tmp.toString());
        assertThat(r.code()).as(r.err()).isZero();
        // the console wraps prose at 100 columns (issue 15): compare with line breaks folded
        assertThat(r.out().replaceAll("\\s+", " ")).contains("The business case's staged rollout (orchestrate_staged) assumed a go target "
                + "of 30% after 3 live months on 25% of orders, the same target as this pilot.");
    }

    @Test
    void simulateReportsTheStagedStrategyBesideTheBigBang(@TempDir Path tmp) throws Exception {
        CliTest.Run r = run("simulate", CliTest.SCENARIO_B, "--trials", "3000", "--out", tmp.toString());
        assertThat(r.code()).as(r.err()).isZero();
        // the console wraps lines past 100 columns (issue 15): compare with runs of spaces and line breaks folded
        assertThat(r.out().replaceAll("\\s+", " ")).contains("orchestrate_staged").contains("piloted first")
                .contains("Pilot gate 25% of orders for 3 months, go at a 30% reduction: go in ");
        JsonNode j = new ObjectMapper().readTree(tmp.resolve("summary.json").toFile());
        JsonNode st = j.get("options").get("orchestrate_staged");
        for (String key : new String[] {"npv", "roi", "first_year_cost", "cumulative_net", "payback_probability",
            "payback_month", "p_no_payback", "p_npv_negative", "p_pain_exceeds_first_year_cost",
            "max_one_time_cost", "payback_confidence", "gate"}) {
            assertThat(st.has(key)).as(key).isTrue();
        }
        for (String key : new String[] {"p_go", "p_false_go", "p_false_stop", "observed_reduction",
            "value_of_staging"}) {
            assertThat(st.get("gate").has(key)).as(key).isTrue();
        }
        assertThat(j.get("p_best").has("orchestrate_staged")).isTrue();
        assertThat(Files.readString(tmp.resolve("summary.csv"))).contains("orchestrate_staged");
        assertThat(Files.readString(tmp.resolve("report.html"))).contains("Pilot first?");
    }
}
