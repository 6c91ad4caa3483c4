package dev.payback.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.payback.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** payback compare: figures side by side, differences, outputs and exit codes. */
class CompareTest {
    static final String B = CliTest.SCENARIO_B;
    static final String C = dev.payback.Shipped.file("c_distributor_spreadsheet_routing.yaml");

    @Test
    void scenarioAgainstItselfShowsZeroDifferences(@TempDir Path tmp) throws Exception {
        CliTest.Run r = run("compare", B, B, "--trials", "2000", "--out", tmp.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(tmp.resolve("compare.json").toFile());
        assertThat(json.get("scenarios").size()).isEqualTo(2);
        int numeric = 0;
        for (JsonNode m : json.get("metrics")) {
            if (m.get("unit").asText().equals("text")) {
                assertThat(m.get("changed_vs_first").get(1).asBoolean()).isFalse();
                assertThat(m.get("values").get(0).asText()).isEqualTo(m.get("values").get(1).asText());
            } else {
                assertThat(m.get("difference_vs_first").get(0).isNull()).isTrue();
                assertThat(m.get("difference_vs_first").get(1).asDouble()).as(m.get("key").asText()).isZero();
                numeric++;
            }
        }
        // pain P50; per strategy (operate, orchestrate, orchestrate_staged) 2 NPV + 3 payback + max one-time
        // cost + P(best); status quo P(best)
        assertThat(numeric).isEqualTo(1 + 3 * 7 + 1);
        assertThat(r.out()).contains("Differences are against [1]", "orchestrate\n  mean NPV", "Verdict");
        // the checkpoints are named as in simulate's outputs
        assertThat(r.out()).contains("  P(payback within 90 days) ").doesNotContain("within 3 months");
        assertThat(json.findValuesAsText("label")).contains("operate: P(payback within 90 days)");
        // a negative ceiling reads "not even free" in full (it was cut to "not even ...")
        assertThat(r.out()).doesNotContain("...");
        for (JsonNode m : json.get("metrics")) {
            if (m.get("key").asText().endsWith(".max_one_time_cost.12") && m.get("values").get(0).asDouble() < 0) {
                assertThat(r.out()).contains("| not even free ");
            }
        }
    }

    @Test
    void differencesAreAgainstTheFirstAndMissingOptionsAreAbsent(@TempDir Path tmp) throws Exception {
        String b = Files.readString(Path.of(B));
        // scenario B without its operate option, and with a name that needs escaping in HTML
        String onlyOrchestrate = (b.substring(0, b.indexOf("  - id: operate"))
                + b.substring(b.indexOf("  - id: orchestrate"))).replace("name: Consumer goods SMB on Shopify, Amazon and wholesale",
                "name: \"<script>alert(1)</script> & co\"");
        Path other = Files.writeString(tmp.resolve("only.yaml"), onlyOrchestrate);
        CliTest.Run r = run("compare", B, other.toString(), C, "--trials", "2000", "--seed", "9",
                "--out", tmp.resolve("o").toString());
        assertThat(r.code()).as(r.err()).isZero();
        ObjectMapper mapper = new ObjectMapper();
        JsonNode json = mapper.readTree(tmp.resolve("o/compare.json").toFile());
        JsonNode operateNpv = metric(json, "options.operate.npv.mean");
        assertThat(operateNpv.get("values").get(1).isNull()).isTrue();
        assertThat(operateNpv.get("difference_vs_first").get(1).isNull()).isTrue();
        JsonNode pain = metric(json, "annualized_pain.p50");
        assertThat(pain.get("difference_vs_first").get(2).asDouble()).isEqualTo(
                pain.get("values").get(2).asDouble() - pain.get("values").get(0).asDouble());
        // same seed, same pain inputs: dropping an option leaves the status quo's pain unchanged
        assertThat(pain.get("difference_vs_first").get(1).asDouble()).isZero();

        List<String> csv = Files.readAllLines(tmp.resolve("o/compare.csv"));
        assertThat(csv.get(0)).isEqualTo("metric,unit,scenario_index,scenario_file,scenario,value,difference_vs_first,"
                + "scenario_overrides");
        assertThat(csv).hasSize(1 + 3 * json.get("metrics").size());

        Document html = Jsoup.parse(tmp.resolve("o/compare.html").toFile());
        assertThat(html.select("script")).isEmpty();
        assertThat(html.select("[src], link, iframe, img")).isEmpty();
        assertThat(html.select("style")).hasSize(1);
        assertThat(html.text()).contains("<script>alert(1)</script> & co", "absent", "Verdict");
        assertThat(html.select("table").first().select("tbody tr")).hasSize(json.get("metrics").size());
    }

    static JsonNode metric(JsonNode json, String key) {
        for (JsonNode m : json.get("metrics")) {
            if (m.get("key").asText().equals(key)) {
                return m;
            }
        }
        throw new AssertionError("no metric " + key);
    }

    @Test
    void exitCodes(@TempDir Path tmp) throws Exception {
        assertThat(run("compare", B, "--out", tmp.toString()).code()).isEqualTo(2);
        assertThat(run("compare", B, C, "--trials", "0", "--out", tmp.toString()).code()).isEqualTo(2);
        CliTest.Run missing = run("compare", B, "no/such.yaml", "--out", tmp.toString());
        assertThat(missing.code()).isEqualTo(3);
        assertThat(missing.err()).contains("no/such.yaml").doesNotContain("\tat ");
        assertThat(Files.exists(tmp.resolve("compare.json"))).isFalse();
    }
}
