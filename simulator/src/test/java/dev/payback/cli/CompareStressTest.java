package dev.payback.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.payback.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15: compare runs of the same file under different presets and --set values. */
class CompareStressTest {
    private static final String B = CliTest.SCENARIO_B;

    @Test
    void theSameFileWithTwoPresets(@TempDir Path tmp) throws Exception {
        CliTest.Run r = run("compare", B, B + "@peak_season", B, "--stress", "3:vendor_late",
                "--set", "3:horizon_months=48", "--trials", "2000", "--out", tmp.resolve("c").toString());
        assertThat(r.code()).as(r.err()).isZero();
        ObjectMapper m = new ObjectMapper();
        JsonNode json = m.readTree(tmp.resolve("c/compare.json").toFile());
        JsonNode sc = json.get("scenarios");
        assertThat(sc.get(0).at("/overrides/stress").isNull()).isTrue();
        assertThat(sc.get(1).at("/overrides/stress").asText()).isEqualTo("peak_season");
        assertThat(sc.get(2).at("/overrides/stress").asText()).isEqualTo("vendor_late");
        assertThat(sc.get(2).at("/overrides/set/0").asText()).isEqualTo("horizon_months=48");

        // the inputs that differ, as the scenario file writes them (its stress: section)
        List<String> inputs = new ArrayList<>();
        json.get("inputs_that_differ").forEach(d -> inputs.add(d.get("input").asText()));
        assertThat(inputs).contains("pain.exception_rate", "business.seasonality", "horizon_months",
                "options.orchestrate.implementation_months");
        JsonNode rate = diff(json, "pain.exception_rate");
        assertThat(rate.get("values").get(0).asText()).isEqualTo("{pert: [0.03, 0.12, 0.24]}");
        assertThat(rate.get("values").get(1).asText()).isEqualTo("{pert: [0.12, 0.18, 0.28]}");
        assertThat(rate.get("values").get(2).asText()).isEqualTo("{pert: [0.03, 0.12, 0.24]}");
        assertThat(diff(json, "horizon_months").get("values").get(2).asText()).isEqualTo("48");
        // an input no run changes is not listed
        assertThat(inputs).doesNotContain("business.orders_per_month");

        // the preset run is the same run as simulate --stress (same seed and trials)
        CliTest.Run s = run("simulate", B, "--stress", "peak_season", "--trials", "2000", "--format", "json",
                "--out", tmp.resolve("s").toString());
        assertThat(s.code()).as(s.err()).isZero();
        JsonNode summary = m.readTree(tmp.resolve("s/summary.json").toFile());
        assertThat(CompareTest.metric(json, "annualized_pain.p50").get("values").get(1).asDouble())
                .isEqualTo(summary.at("/annualized_pain/p50").asDouble());

        // colours by good and bad: lower pain is good, higher NPV is good
        JsonNode pain = CompareTest.metric(json, "annualized_pain.p50");
        assertThat(pain.get("better").asText()).isEqualTo("lower");
        assertThat(pain.get("difference_vs_first").get(1).asDouble()).isPositive();  // peak season: more pain
        Document html = Jsoup.parse(tmp.resolve("c/compare.html").toFile());
        Element painRow = html.select("table").first().select("tbody tr").first();
        assertThat(painRow.select("td.diff").first().hasClass("bad")).isTrue();
        JsonNode npv = CompareTest.metric(json, "options.orchestrate.npv.mean");
        String npvClass = npv.get("difference_vs_first").get(1).asDouble() > 0 ? "good" : "bad";
        Element npvRow = html.select("table").first().select("tbody tr").stream()
                .filter(e -> e.child(0).text().equals("orchestrate: mean NPV")).findFirst().orElseThrow();
        assertThat(npvRow.select("td.diff").first().hasClass(npvClass)).isTrue();

        // NPV and payback charts of every run, side by side
        assertThat(html.select("h2").eachText()).contains("Inputs that differ", "NPV distribution",
                "Probability of payback");
        assertThat(html.select(".grid figure svg")).hasSize(6);
        assertThat(html.text()).contains("[2] Consumer goods SMB on Shopify, Amazon and wholesale "
                + "[stress preset peak_season]");

        // verdicts in words, console within 100 columns
        assertThat(r.out()).doesNotContain("| pilot ").contains("Inputs that differ between the runs:");
        r.out().lines().forEach(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(100));
    }

    @Test
    void verdictsAreWords(@TempDir Path tmp) {
        // scenario A's verdict is the cautious middle one: it must read as words, not the code "pilot"
        CliTest.Run r = run("compare", dev.payback.Shipped.file("a_apparel_single_warehouse.yaml"),
                dev.payback.Shipped.file("a_apparel_single_warehouse.yaml"), "--trials", "1000", "--out", tmp.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("\\[1\\] (operate: fix the node first|improve the node and pilot "
                + "orchestration|orchestrate)\\n");
        assertThat(r.out()).contains("The runs use the same inputs");
    }

    @Test
    void outputsAreByteIdenticalForAnyThreadCount(@TempDir Path tmp) throws Exception {
        for (String threads : new String[] {"1", "2"}) {
            CliTest.Run r = run("compare", B, B + "@peak_season", "--trials", "800", "--threads", threads, "--out",
                    tmp.resolve(threads).toString());
            assertThat(r.code()).as(r.err()).isZero();
        }
        for (String f : new String[] {"compare.json", "compare.csv", "compare.html"}) {
            assertThat(java.nio.file.Files.readAllBytes(tmp.resolve("2/" + f))).as(f)
                    .isEqualTo(java.nio.file.Files.readAllBytes(tmp.resolve("1/" + f)));
        }
    }

    @Test
    void malformedRunsAreUsageErrors(@TempDir Path tmp) {
        assertThat(run("compare", B, B + "@", "--out", tmp.toString()).code()).isEqualTo(2);
        assertThat(run("compare", B, B, "--stress", "peak_season", "--out", tmp.toString()).code()).isEqualTo(2);
        assertThat(run("compare", B, B, "--stress", "3:peak_season", "--out", tmp.toString()).code()).isEqualTo(2);
        assertThat(run("compare", B, B + "@vendor_late", "--stress", "2:peak_season", "--out", tmp.toString())
                .code()).isEqualTo(2);
        assertThat(run("compare", B, B, "--set", "2:horizon_months", "--out", tmp.toString()).code()).isEqualTo(2);
        CliTest.Run unknown = run("compare", B, B + "@nope", "--out", tmp.toString());
        assertThat(unknown.code()).isEqualTo(3);
        assertThat(unknown.err()).contains("there is no stress preset 'nope'");
    }

    private static JsonNode diff(JsonNode json, String input) {
        for (JsonNode d : json.get("inputs_that_differ")) {
            if (d.get("input").asText().equals(input)) {
                return d;
            }
        }
        throw new AssertionError("no difference for " + input);
    }
}
