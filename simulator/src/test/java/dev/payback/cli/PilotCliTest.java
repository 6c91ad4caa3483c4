package dev.payback.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code payback pilot}: exit codes, the console verdict and the three output files. */
class PilotCliTest {
    static final String SCENARIO_B = dev.payback.Shipped.file("b_consumer_goods_multichannel.yaml");
    static final String PILOT_B = dev.payback.Shipped.file("b_consumer_goods_multichannel_pilot.yaml");

    @Test
    void pilotPrintsTheVerdictFirstAndWritesJsonHtmlAndPng(@TempDir Path tmp) throws Exception {
        CliTest.Run r = CliTest.run("pilot", SCENARIO_B, PILOT_B, "--trials", "20000", "--seed", "3",
                "--threads", "2", "--out", tmp.toString());
        assertThat(r.code()).as(r.err()).isZero();
        // issue 15: the target was hit, but the full rollout misses the 80% payback bar at the quoted price
        assertThat(r.out()).startsWith("No-go: the pilot hit its target, but the updated business case misses the "
                + "payback bar.\n  1. Target: hit. Exceptions per order fell 36.5% against a target of 30% (met).");
        assertThat(r.out()).contains("2. Payback bar: missed.", "What would make it go:", "A lower price",
                "projected (prior)", "after the pilot", "P(payback within 12 months)",
                "Max one-time cost, 12-month payback (80% confidence)",
                "Max one-time cost, 90-day payback (80% confidence)", "Effective sample size:",
                "Wrote into " + tmp + ":\n  summary.json", "  pilot.html", "  summary.csv", "  pilot.xlsx");

        JsonNode json = new ObjectMapper().readTree(tmp.resolve("summary.json").toFile());
        for (String block : new String[] {"prior", "updated"}) {
            for (String key : new String[] {"npv", "roi", "first_year_cost", "cumulative_net", "payback_probability",
                    "payback_month", "p_no_payback", "p_npv_negative", "p_pain_exceeds_first_year_cost",
                    "max_one_time_cost", "payback_confidence", "p_best", "exception_rate_effect",
                    "baseline_exception_rate"}) {
                assertThat(json.get(block).has(key)).as(block + "." + key).isTrue();
            }
            assertThat(json.at("/" + block + "/npv/p50").isNumber()).isTrue();
            assertThat(json.at("/" + block + "/payback_probability/12").isNumber()).isTrue();
        }
        assertThat(json.at("/pilot/observed_reduction").asDouble())
                .isEqualTo(1 - (285.0 / 3150) / (855.0 / 6000));
        assertThat(json.at("/pilot/projected_reduction/p50").isNumber()).isTrue();
        assertThat(json.at("/pilot/percentile").asDouble()).isBetween(0.0, 1.0);
        assertThat(json.at("/pilot/go").asBoolean()).isTrue();
        assertThat(json.at("/pilot/ess").asDouble()).isPositive();
        assertThat(json.at("/pilot/success_criteria/exception_rate_reduction/target").asDouble()).isEqualTo(0.3);
        assertThat(json.at("/trials").asInt()).isEqualTo(20000);

        Document html = Jsoup.parse(tmp.resolve("pilot.html").toFile(), "UTF-8");
        assertThat(html.select("script")).isEmpty();
        assertThat(html.select("link, img[src^=http], [src^=http]")).isEmpty();
        assertThat(html.select("style")).isNotEmpty();
        assertThat(html.select("div.verdict").text()).startsWith("No-go The pilot hit its target");
        assertThat(html.select("div.verdict").hasClass("nogo")).isTrue();
        assertThat(html.select("svg")).isNotEmpty();
        assertThat(html.select("table").text()).contains("P(payback within 12 months)");
        // The verdict comes before the table and the chart.
        String page = Files.readString(tmp.resolve("pilot.html"));
        assertThat(page.indexOf("class=\"verdict")).isLessThan(page.indexOf("<table")).isLessThan(page.indexOf("<svg"));
        byte[] png = Files.readAllBytes(tmp.resolve("pilot.png"));
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    @Test
    void outputsAreByteIdenticalForAnyThreadCount(@TempDir Path tmp) throws Exception {
        for (String threads : new String[] {"1", "2"}) {
            CliTest.Run r = CliTest.run("pilot", SCENARIO_B, PILOT_B, "--trials", "5000", "--threads", threads,
                    "--out", tmp.resolve(threads).toString());
            assertThat(r.code()).as(r.err()).isZero();
        }
        for (String f : new String[] {"summary.json", "pilot.html", "summary.csv", "pilot.xlsx"}) {
            assertThat(Files.readAllBytes(tmp.resolve("2").resolve(f))).as(f)
                    .isEqualTo(Files.readAllBytes(tmp.resolve("1").resolve(f)));
        }
    }

    @Test
    void htmlEscapesTextFromTheScenario(@TempDir Path tmp) throws Exception {
        String scenario = Files.readString(Path.of(SCENARIO_B))
                .replace("name: Consumer goods SMB on Shopify, Amazon and wholesale", "name: \"<b>B</b> & co\"");
        Path s = tmp.resolve("s.yaml");
        Files.writeString(s, scenario);
        CliTest.Run r = CliTest.run("pilot", s.toString(), PILOT_B, "--trials", "3000", "--out",
                tmp.resolve("out").toString());
        assertThat(r.code()).as(r.err()).isZero();
        String page = Files.readString(tmp.resolve("out/pilot.html"));
        assertThat(page).contains("&lt;b&gt;B&lt;/b&gt; &amp; co").doesNotContain("<b>B</b>");
    }

    @Test
    void anInvalidPilotFileExitsWith3AndNamesEveryProblem(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, """
                option: orchestrat
                scope_share: 0.25
                success_criteria: {exception_rate_reduction: 0.3}
                months:
                  - {month: 0, orders: 3000, exceptions: 420}
                  - {month: 1, orders: 300, exceptions: 350}
                """);
        CliTest.Run r = CliTest.run("pilot", SCENARIO_B, bad.toString(), "--trials", "1000", "--out",
                tmp.resolve("out").toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err().lines()).containsExactly(
                bad + ":1:9: option: the scenario has no option 'orchestrat' (did you mean orchestrate?)",
                bad + ":6:41: months[1].exceptions: exceptions 350 exceed the month's orders 300 "
                        + "(exceptions are counted among the month's orders)");
        assertThat(tmp.resolve("out/summary.json")).doesNotExist();
    }

    @Test
    void missingFilesExitWith3AndUsageErrorsWith2(@TempDir Path tmp) {
        CliTest.Run noPilot = CliTest.run("pilot", SCENARIO_B, tmp.resolve("nope.yaml").toString());
        assertThat(noPilot.code()).isEqualTo(3);
        assertThat(noPilot.err()).contains("nope.yaml: the file does not exist");
        assertThat(CliTest.run("pilot", SCENARIO_B).code()).isEqualTo(2);
        assertThat(CliTest.run("pilot", SCENARIO_B, PILOT_B, "--trials", "0").code()).isEqualTo(2);
    }

    @Test
    void swappedArgumentsAreNamedAsSuch(@TempDir Path tmp) {
        CliTest.Run r = CliTest.run("pilot", PILOT_B, SCENARIO_B, "--trials", "1000", "--out", tmp.resolve("o").toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(PILOT_B + " looks like a pilot file", "the scenario comes first, then the pilot",
                "payback pilot " + SCENARIO_B + " " + PILOT_B);
        assertThat(tmp.resolve("o")).doesNotExist();
    }
}
