package dev.payback.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payback.analysis.Analysis;
import dev.payback.analysis.Summary;
import dev.payback.engine.Engine;
import dev.payback.engine.SimulationResult;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The tracking plan (docs/model.md section 8) and the vendor comparison (section 9) in report.html, the
 * workbook and the console, on scenario C with markup in two vendors' labels.
 */
class TrackingAndVendorsTest {
    static final String LABEL = "<script>alert('vendor')</script> \"Fast\" & <b>Routing</b>";
    static final String LABEL2 = "<img src=x onerror=alert(2)> Flex & co";
    static final List<String> KPIS = List.of("exception_rate", "labor_cost_per_order", "margin_leakage",
            "cash_in_excess_inventory", "pain_per_order");

    @TempDir
    static Path dir;
    static Summary summary;
    static JsonNode json;
    static Document html;

    @BeforeAll
    static void run() throws Exception {
        String yaml = Files.readString(dev.payback.Shipped.path("c_distributor_spreadsheet_routing.yaml"))
                .replace("label: Packaged routing app, vendor-led onboarding (fast, fewer rules)",
                        "label: '" + LABEL.replace("'", "''") + "'")
                .replace("label: Formalize orchestration (routing rules engine and inventory visibility across nodes)",
                        "label: '" + LABEL2 + "'");
        Scenario s = ScenarioLoader.parse(yaml, "c.yaml", List.of(), null).withRun(3000, 17);
        assertThat(s.option("orchestrate_fast").label()).isEqualTo(LABEL);
        assertThat(s.option("orchestrate").label()).isEqualTo(LABEL2);
        SimulationResult r = Engine.run(s, Engine.Options.defaults());
        summary = Analysis.summarize(r);
        Outputs.write(dir, r, summary, EnumSet.allOf(OutputFormat.class));
        json = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        html = Jsoup.parse(dir.resolve("report.html").toFile());
    }

    @Test
    void sectionsArePresentAndEveryNumberIsSummaryJsons() {
        assertThat(html.select("#vendors > h2").text()).isEqualTo("Vendors compared");
        assertThat(html.select("#tracking-plan > h2").text())
                .isEqualTo("Tracking plan: what to expect at 90 days, 6 and 12 months");
        for (String section : List.of("#vendors", "#tracking-plan")) {
            List<Element> tagged = html.select(section + " [data-json]");
            assertThat(tagged.size()).as(section).isGreaterThan(20);
            for (Element e : tagged) {
                JsonNode v = json.at(e.attr("data-json"));
                assertThat(v.isNumber()).as(e.attr("data-json")).isTrue();
                assertThat(e.text()).as(e.attr("data-json"))
                        .isEqualTo(HtmlReport.format(e.attr("data-fmt"), v.asDouble(), "USD"));
            }
        }
        // one tracking table per option, one row per KPI, 3 checkpoints × (status quo, projected, checklist)
        List<Element> tables = html.select("#tracking-plan table.tracking");
        assertThat(tables).hasSize(3);
        for (int k = 0; k < 3; k++) {
            String id = summary.options().get(k).id();
            List<Element> rows = tables.get(k).select("tbody tr");
            assertThat(rows).hasSize(5);
            for (int q = 0; q < 5; q++) {
                assertThat(rows.get(q).select("td")).hasSize(1 + 9);
                for (String month : List.of("3", "6", "12")) {
                    String key = "/kpi_checklist/" + id + "/" + month + "/" + KPIS.get(q);
                    assertThat(rows.get(q).select("[data-json=" + key + "]")).as(key).hasSize(1);
                    assertThat(rows.get(q).select("[data-json=/kpis/status_quo/" + month + "/" + KPIS.get(q) + "/p50]"))
                            .hasSize(1);
                }
            }
        }
        // the plain-words checklist: one sentence per checkpoint and option, with the checklist values
        List<String> items = html.select("#tracking-plan ul.findings li").eachText();
        assertThat(items).hasSize(9);
        double exc = json.at("/kpi_checklist/orchestrate_fast/6/exception_rate").asDouble();
        assertThat(items.get(6 + 1)).startsWith("At 6 months, on track means exceptions at or below "
                + String.format(Locale.ROOT, "%.1f%%", exc * 100) + " of orders");
        assertThat(html.select("#vendors tbody tr")).hasSize(3);
        assertThat(html.select("#vendors figure svg")).hasSize(1);
        assertThat(html.select("#tracking-plan figure svg")).hasSize(5);
    }

    @Test
    void hostileLabelsAreTextInTheNewSections() {
        String raw = html.outerHtml().toLowerCase(Locale.ROOT);
        assertThat(raw).doesNotContain("<script", "<img", "<b>");
        assertThat(html.select("script, img, b")).isEmpty();
        assertThat(html.select("#vendors tbody").text()).contains(LABEL, LABEL2);
        assertThat(html.select("#tracking-plan h3").eachText()).anyMatch(t -> t.contains(LABEL))
                .anyMatch(t -> t.contains(LABEL2));
        assertThat(html.select("#vendors figure svg text").eachText()).anyMatch(t -> t.contains(LABEL));
        assertThat(html.select("#tracking-plan figure svg text").eachText()).anyMatch(t -> t.contains(LABEL2));
    }

    /**
     * The sentence, checked against the scorecards worked out here: under the default weights
     * (0.30 speed, 0.20 integration, 0.15 rules, 0.10 reporting, 0.25 support) operate scores
     * 1.5 + 0.4 + 0.3 + 0.1 + 0.75 = 3.05, orchestrate 0.9 + 0.8 + 0.75 + 0.4 + 1.0 = 3.85 and
     * orchestrate_fast 1.5 + 0.8 + 0.3 + 0.3 + 1.25 = 4.15: the scorecard favours orchestrate_fast.
     * The money's favourite is the scored option with the highest P(best) in summary.json.
     */
    @Test
    void theSentenceSaysWhetherScorecardAndMoneyAgree() {
        assertThat(json.at("/options/operate/scorecard_score").asDouble()).isCloseTo(3.05, within(1e-12));
        assertThat(json.at("/options/orchestrate/scorecard_score").asDouble()).isCloseTo(3.85, within(1e-12));
        assertThat(json.at("/options/orchestrate_fast/scorecard_score").asDouble()).isCloseTo(4.15, within(1e-12));
        String money = "operate";
        for (String id : List.of("orchestrate", "orchestrate_fast")) {
            if (json.at("/p_best/" + id).asDouble() > json.at("/p_best/" + money).asDouble()) {
                money = id;
            }
        }
        String sentence = html.select("#vendors > p").first().text();
        assertThat(sentence).isEqualTo(VendorComparison.sentence(summary));
        if (money.equals("orchestrate_fast")) {
            assertThat(sentence).startsWith("The scorecard and the money agree: orchestrate_fast scores highest (4.15 "
                    + "of 5, against 3.85 for orchestrate)");
        } else {
            assertThat(sentence).startsWith("The scorecard and the money disagree: the scorecard favours "
                    + "orchestrate_fast (4.15 of 5, against " + (money.equals("orchestrate") ? "3.85" : "3.05") + " for "
                    + money + "), the money favours " + money + " (best by NPV in "
                    + dev.payback.report.Money.percent(json.at("/p_best/" + money).asDouble()) + " of futures");
        }
    }

    @Test
    void agreementWhenTheWeightsFavourTheMoneysChoice() throws Exception {
        // weights on rule flexibility alone: operate 2, orchestrate 5, orchestrate_fast 2
        Scenario s = ScenarioLoader.load(dev.payback.Shipped.path("c_distributor_spreadsheet_routing.yaml"),
                List.of("scorecard_weights={rule_flexibility: 1}"), null).withRun(2000, 3);
        Summary sum = Analysis.headlines(Engine.run(s, Engine.Options.defaults()));
        Summary.OptionSummary money = VendorComparison.moneyFavourite(sum);
        String expected = money.id().equals("orchestrate") ? "The scorecard and the money agree: orchestrate scores "
                + "highest (5.00 of 5, against 2.00 for operate)" : "The scorecard and the money disagree: the "
                + "scorecard favours orchestrate (5.00 of 5";
        assertThat(VendorComparison.sentence(sum)).startsWith(expected);
    }

    @Test
    void workbookSheetsMatchSummaryJson() throws Exception {
        try (InputStream in = Files.newInputStream(dir.resolve("business-case.xlsx"));
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet plan = wb.getSheet("Tracking plan");
            assertThat(plan.getLastRowNum()).isEqualTo(3 * 5 * 3);
            for (int i = 1; i <= plan.getLastRowNum(); i++) {
                Row row = plan.getRow(i);
                JsonNode p = json.at(row.getCell(9).getStringCellValue());
                JsonNode c = json.at(row.getCell(10).getStringCellValue());
                String month = String.valueOf((int) row.getCell(2).getNumericCellValue());
                String kpi = row.getCell(9).getStringCellValue().replaceAll(".*/", "");
                assertThat(row.getCell(3).getNumericCellValue())
                        .isEqualTo(json.at("/kpis/status_quo/" + month + "/" + kpi + "/p50").asDouble());
                assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(p.get("p10").asDouble());
                assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(p.get("p50").asDouble());
                assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(p.get("p90").asDouble());
                assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(c.asDouble());
                assertThat(row.getCell(8).getStringCellValue()).startsWith("At ").endsWith("the case is off track.");
            }
            Sheet vendors = wb.getSheet("Vendors");
            for (int i = 1; i <= 3; i++) {
                Row row = vendors.getRow(i);
                String id = row.getCell(0).getStringCellValue();
                JsonNode o = json.at("/options/" + id);
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(o.get("label").asText());
                assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(o.get("scorecard_score").asDouble());
                assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(o.at("/npv/p50").asDouble());
                assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(o.at("/npv/p10").asDouble());
                assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(o.at("/payback_probability/12").asDouble());
                assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(o.at("/max_one_time_cost/12").asDouble());
                assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(o.at("/one_time_cost/p50").asDouble());
                assertThat(row.getCell(8).getNumericCellValue()).isEqualTo(json.at("/p_best/" + id).asDouble());
            }
            assertThat(vendors.getRow(5).getCell(0).getStringCellValue()).isEqualTo(VendorComparison.sentence(summary));
        }
    }

    @Test
    void consolePrintsTheLeadersChecklistAndTheVendorSentence() {
        String out = ConsoleSummary.render(summary);
        String lead = "operate";
        for (Map.Entry<String, JsonNode> e : json.get("options").properties()) {
            if (json.at("/p_best/" + e.getKey()).asDouble() > json.at("/p_best/" + lead).asDouble()) {
                lead = e.getKey();
            }
        }
        assertThat(out).contains("Tracking plan for " + lead + " (best option by NPV in ");
        double exc12 = json.at("/kpi_checklist/" + lead + "/12/exception_rate").asDouble();
        double pain12 = json.at("/kpi_checklist/" + lead + "/12/pain_per_order").asDouble();
        assertThat(out).contains(String.format(Locale.ROOT, "  12 months  exceptions %.1f%%", exc12 * 100))
                .contains(String.format(Locale.ROOT, "pain / order $%.2f", pain12));
        assertThat(out).contains("Vendors compared", VendorComparison.sentence(summary));
        // as printed (wrapped at 100 columns): the checkpoints stay aligned and no KPI is split from its value
        String printed = ConsoleWidth.fit(out);
        assertThat(printed).contains(String.format(Locale.ROOT, "  12 months  exceptions %.1f%%", exc12 * 100))
                .contains(String.format(Locale.ROOT, "pain / order $%.2f", pain12))
                .contains("  90 days    exceptions ", "  6 months   exceptions ");
        // the checkpoints' lines are wrapped by the tracking plan itself (the heading above them is prose)
        List<String> lines = TrackingPlan.consoleLines(summary);
        for (String line : lines.subList(1, lines.size())) {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(ConsoleWidth.WIDTH);
        }
    }
}
