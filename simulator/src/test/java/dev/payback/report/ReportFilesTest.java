package dev.payback.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payback.analysis.Analysis;
import dev.payback.analysis.Summary;
import dev.payback.engine.Engine;
import dev.payback.engine.SimulationResult;
import dev.payback.report.charts.ChartData;
import dev.payback.report.charts.Charts;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** report.html, summary.csv and business-case.xlsx of one run of scenario B, checked against summary.json. */
class ReportFilesTest {
    @TempDir
    static Path dir;
    static SimulationResult result;
    static Summary summary;
    static JsonNode json;
    static Document html;
    static String htmlText;
    static List<Path> written;

    @BeforeAll
    static void run() throws Exception {
        Scenario s = ScenarioLoader.load(dev.payback.Shipped.path("b_consumer_goods_multichannel.yaml")).withRun(3000, 11);
        result = Engine.run(s, Engine.Options.defaults());
        summary = Analysis.summarize(result);
        written = Outputs.write(dir, result, summary, EnumSet.allOf(OutputFormat.class));
        json = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        htmlText = Files.readString(dir.resolve("report.html"));
        html = Jsoup.parse(htmlText);
    }

    @Test
    void writesEveryFileWithTheReportLast() {
        assertThat(written.get(written.size() - 1)).isEqualTo(dir.resolve("report.html"));
        assertThat(dir.resolve("summary.csv")).isRegularFile();
        assertThat(dir.resolve("business-case.xlsx")).isRegularFile();
        for (Charts.ChartSpec c : Charts.all(ChartData.of(result, summary))) {
            assertThat(dir.resolve("charts/" + c.file() + ".png")).isRegularFile();
            assertThat(dir.resolve("charts/" + c.file() + ".svg")).isRegularFile();
        }
    }

    @Test
    void htmlIsSelfContained() {
        assertThat(html.select("script, link, iframe, object, embed, img, base, meta[http-equiv]")).isEmpty();
        for (Element e : html.getAllElements()) {
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                assertThat(name).as("event handler on <%s>", e.tagName()).doesNotStartWith("on");
                if (name.equals("src") || name.endsWith("href") || name.equals("action")) {
                    assertThat(a.getValue()).as("%s on <%s>", name, e.tagName()).startsWith("#");
                }
            }
        }
        String lower = htmlText.toLowerCase(Locale.ROOT);
        assertThat(lower).doesNotContain("@import", "file:", "@font-face");
        Matcher url = Pattern.compile("url\\(\\s*['\"]?([^)'\"]*)").matcher(lower);
        int urls = 0;
        while (url.find()) {
            urls++;
            assertThat(url.group(1)).as("url(%s)", url.group(1)).startsWith("#");
        }
        assertThat(urls).as("the charts clip with local url(#...) references").isPositive();
        assertThat(html.select("style").html()).contains("@media print", "page-break-before");
    }

    /** The xmlns declarations of inline SVG name namespaces; they are not fetched. */
    @Test
    void onlyNamespaceNamesLookLikeAddresses() {
        int all = count(Pattern.compile("(?i)https?://"), htmlText);
        int namespaces = count(Pattern.compile("(?i)\\sxmlns(:[a-z]+)?=[\"']https?://"), htmlText);
        assertThat(namespaces).isPositive();
        assertThat(all).isEqualTo(namespaces);
        for (Element e : html.getAllElements()) {
            for (Attribute a : e.attributes()) {
                if (!a.getKey().toLowerCase(Locale.ROOT).startsWith("xmlns")) {
                    assertThat(a.getValue().toLowerCase(Locale.ROOT)).as(a.getKey()).doesNotContain("://");
                }
            }
        }
    }

    private static int count(Pattern p, String s) {
        Matcher m = p.matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void containsEveryChartInline() {
        ChartData data = ChartData.of(result, summary);
        List<Charts.ChartSpec> specs = new java.util.ArrayList<>(Charts.all(data));
        specs.addAll(Charts.pilotFirst(data, summary));
        assertThat(html.select("figure:not(#summary-fan) svg")).hasSize(specs.size());
        for (Charts.ChartSpec c : specs) {
            Element fig = html.getElementById("chart-" + c.file());
            assertThat(fig).as(c.file()).isNotNull();
            assertThat(fig.select("svg")).hasSize(1);
            assertThat(fig.select("svg text").text()).contains(c.chart().getTitle().getText().substring(0, 12));
        }
        // each SVG's definitions are distinct, so clip paths of one chart never apply to another
        List<String> ids = html.select("svg [id]").eachAttr("id");
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void sectionsComeInBusinessCaseOrder() {
        // scenario B pilots orchestrate first: its "Pilot first?" section follows the options compared
        assertThat(html.select("main > section").eachAttr("id")).containsExactly("what-to-do", "executive-summary",
                "recommendation", "options", "cash-flow", "pilot-first-orchestrate_staged", "vendors", "tracking-plan",
                "drivers", "measure", "charts", "assumptions", "method", "glossary");
        assertThat(html.select("#pilot-first-orchestrate_staged > h2").text()).isEqualTo("Pilot first?");
        assertThat(html.select("#drivers > h2").text()).isEqualTo("What drives the result");
        assertThat(html.select("#measure > h2").text()).isEqualTo("What to measure before deciding");
    }

    @Test
    void everyTaggedNumberMatchesSummaryJson() {
        List<Element> tagged = html.select("[data-json]");
        assertThat(tagged.size()).isGreaterThan(60);
        for (Element e : tagged) {
            JsonNode v = json.at(e.attr("data-json"));
            assertThat(v.isNumber()).as(e.attr("data-json")).isTrue();
            assertThat(e.text()).as(e.attr("data-json"))
                    .isEqualTo(HtmlReport.format(e.attr("data-fmt"), v.asDouble(), json.get("currency").asText()));
        }
        // the tagged numbers cover each option's headline figures
        for (Summary.OptionSummary o : summary.options()) {
            for (String key : List.of("payback_probability/12", "max_one_time_cost/12", "npv/p50",
                    "p_npv_negative", "one_time_cost/p50")) {
                // a negative ceiling is never shown as a price: its cells read "none, even if free", untagged
                boolean none = key.startsWith("max_one_time_cost") && o.maxOneTimeCost().get(12) < 0;
                assertThat(html.select("[data-json=/options/" + o.id() + "/" + key + "]")).as(key)
                        .hasSizeGreaterThanOrEqualTo(none ? 0 : 1).hasSizeLessThanOrEqualTo(none ? 0 : 99);
            }
        }
    }

    @Test
    void executiveSummaryStatesTheHeadlinesFromSummaryJson() {
        String text = html.getElementById("executive-summary").text();
        String cur = json.get("currency").asText();
        assertThat(text).contains(String.format(Locale.ROOT, "%,d simulated futures", json.get("trials").asInt()));
        assertThat(text).contains(Money.compact(json.at("/annualized_pain/p50").asDouble(), cur));
        for (Summary.OptionSummary o : summary.options()) {
            JsonNode on = json.at("/options/" + o.id());
            assertThat(text).contains(Money.percent(on.at("/payback_probability/12").asDouble()));
            double max = on.at("/max_one_time_cost/12").asDouble();
            assertThat(text).contains(Money.whole(on.at("/one_time_cost/p50").asDouble(), cur));
            if (max < 0) {
                // a negative ceiling is never shown as a price
                assertThat(text.toLowerCase(Locale.ROOT)).contains(o.id() + " does not pay back within 12 months")
                        .contains("even if free").doesNotContain(Money.whole(max, cur));
            } else {
                assertThat(text).contains(Money.whole(max, cur));
            }
        }
        assertThat(html.select("#recommendation").text())
                .contains(Charts.verdict(json.at("/decision/verdict").asText()));
        assertThat(html.select("#recommendation tbody tr")).hasSizeGreaterThanOrEqualTo(3 + 5 + 10);
        assertThat(html.select("#assumptions tbody tr")).hasSize(json.get("inputs").size());
    }

    /** The leading option (highest mean NPV) read from summary.json. */
    private static String leadingFromJson() {
        String lead = null;
        for (Summary.OptionSummary o : summary.options()) {
            if (lead == null || json.at("/options/" + o.id() + "/npv/mean").asDouble()
                    > json.at("/options/" + lead + "/npv/mean").asDouble()) {
                lead = o.id();
            }
        }
        return lead;
    }

    @Test
    void whatDrivesTheResultNamesTheTopThreeInputsWithTheirMoney() {
        String cur = json.get("currency").asText();
        String lead = leadingFromJson();
        Element section = html.getElementById("drivers");
        assertThat(section.select("p").first().select("[data-json]").eachAttr("data-json"))
                .containsExactly("/options/" + lead + "/npv/mean");
        List<Element> items = section.select("ol > li");
        assertThat(items).hasSize(3);
        JsonNode entries = json.at("/options/" + lead + "/sensitivity");
        String console = ConsoleSummary.render(summary);
        for (int i = 0; i < 3; i++) {
            Element li = items.get(i);
            JsonNode e = entries.get(i);
            String at = "/options/" + lead + "/sensitivity/" + i;
            assertThat(li.select("[data-json]").eachAttr("data-json"))
                    .containsExactly(at + "/tornado_low", at + "/tornado_high", at + "/spearman");
            double low = e.get("tornado_low").asDouble();
            double high = e.get("tornado_high").asDouble();
            assertThat(li.text()).startsWith(InputWords.plainName(e.get("input").asText()) + ":")
                    .contains("a swing of " + Money.compact(Math.abs(high - low), cur));
            // the console says the same words, from the same lines
            assertThat(console).contains("  " + (i + 1) + ". " + li.text() + "\n");
        }
        // and they are the three largest swings
        double third = Math.abs(entries.get(2).get("tornado_high").asDouble() - entries.get(2).get("tornado_low").asDouble());
        for (int i = 3; i < entries.size(); i++) {
            assertThat(Math.abs(entries.get(i).get("tornado_high").asDouble() - entries.get(i).get("tornado_low")
                    .asDouble())).isLessThanOrEqualTo(third);
        }
        // one tornado per option in this section, then the value-of-information chart in the next
        assertThat(section.select("figure").eachAttr("id")).containsExactlyElementsOf(
                summary.options().stream().map(o -> "chart-tornado-" + o.id()).toList());
        assertThat(html.select("#measure figure").eachAttr("id")).containsExactly("chart-evppi");
        assertThat(section.select("figure svg text").text()).contains(Money.compact(
                json.at("/options/" + lead + "/npv/mean").asDouble(), cur));
    }

    @Test
    void whatToMeasureStatesTheEvpiAndTheInputsAboveTheBar() {
        String cur = json.get("currency").asText();
        Element section = html.getElementById("measure");
        assertThat(section.select("[data-json=/value_of_information/evpi]").text())
                .isEqualTo(Money.compact(json.at("/value_of_information/evpi").asDouble(), cur));
        double smallest = Double.POSITIVE_INFINITY;
        String cheapest = null;
        for (Summary.OptionSummary o : summary.options()) {
            double c = json.at("/options/" + o.id() + "/first_year_cost/p50").asDouble();
            if (c < smallest) {
                smallest = c;
                cheapest = o.id();
            }
        }
        double bar = 0.05 * smallest;
        assertThat(section.select("[data-json=/options/" + cheapest + "/first_year_cost/p50]")).hasSize(1);
        assertThat(section.text()).contains(Money.compact(bar, cur));
        List<Integer> worth = new java.util.ArrayList<>();
        JsonNode per = json.at("/value_of_information/per_input");
        for (int i = 0; i < per.size(); i++) {
            if (per.get(i).get("evppi").asDouble() > bar) {
                worth.add(i);
            }
        }
        List<Element> items = section.select("ul > li");
        assertThat(items).hasSize(worth.size());
        if (worth.isEmpty()) {
            assertThat(section.text()).contains("No single input is worth measuring first");
        }
        for (int k = 0; k < worth.size(); k++) {
            assertThat(items.get(k).select("[data-json]").eachAttr("data-json"))
                    .containsExactly("/value_of_information/per_input/" + worth.get(k) + "/evppi");
        }
        for (Element p : section.select("p")) {
            assertThat(ConsoleSummary.render(summary)).contains("  " + p.text() + "\n");
        }
    }

    @Test
    void csvHasOneRowPerOptionMatchingSummaryJson() throws Exception {
        try (Reader r = Files.newBufferedReader(dir.resolve("summary.csv"), StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            List<CSVRecord> rows = p.getRecords();
            assertThat(rows).hasSize(summary.options().size());
            for (CSVRecord row : rows) {
                JsonNode o = json.at("/options/" + row.get("option"));
                assertThat(o.isObject()).isTrue();
                assertThat(Double.parseDouble(row.get("payback_probability_12")))
                        .isEqualTo(o.at("/payback_probability/12").asDouble());
                assertThat(Double.parseDouble(row.get("max_one_time_cost_12")))
                        .isEqualTo(o.at("/max_one_time_cost/12").asDouble());
                assertThat(Double.parseDouble(row.get("npv_p50"))).isEqualTo(o.at("/npv/p50").asDouble());
                assertThat(Double.parseDouble(row.get("p_best"))).isEqualTo(json.at("/p_best/" + row.get("option"))
                        .asDouble());
                assertThat(row.get("label")).isEqualTo(o.get("label").asText());
            }
        }
    }

    @Test
    void workbookOpensAndItsSummarySheetMatchesSummaryJson() throws Exception {
        try (InputStream in = Files.newInputStream(dir.resolve("business-case.xlsx"));
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            // no per-trial rows by default (--workbook-trials adds them)
            List<String> expected = new java.util.ArrayList<>(List.of("Decision", "Summary", "Options", "Cash flow",
                    "Assumptions", "Sensitivity", "Tracking plan"));
            if (VendorComparison.applies(summary)) {
                expected.add("Vendors");
            }
            List<String> names = new java.util.ArrayList<>();
            for (int k = 0; k < wb.getNumberOfSheets(); k++) {
                names.add(wb.getSheetName(k));
            }
            assertThat(names).containsExactlyElementsOf(expected);
            assertThat(wb.getActiveSheetIndex()).isZero();
            Sheet sheet = wb.getSheet("Summary");
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("summary.json key");
            int checked = 0;
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                String pointer = row.getCell(2).getStringCellValue();
                JsonNode v = json.at(pointer);
                assertThat(v.isMissingNode()).as(pointer).isFalse();
                Cell cell = row.getCell(1);
                if (v.isNull()) {
                    assertThat(cell).as(pointer).isNull();
                } else if (v.isNumber() && pointer.contains("/max_one_time_cost/") && v.asDouble() < 0) {
                    // a negative ceiling is never shown as a price
                    assertThat(cell.getStringCellValue()).as(pointer).startsWith("none: no payback within")
                            .endsWith("even if free");
                } else if (v.isNumber()) {
                    assertThat(cell.getCellType()).as(pointer).isEqualTo(CellType.NUMERIC);
                    assertThat(cell.getNumericCellValue()).as(pointer)
                            .isCloseTo(v.asDouble(), within(Math.abs(v.asDouble()) * 1e-12));
                } else {
                    assertThat(cell.getStringCellValue()).as(pointer).isEqualTo(v.asText());
                }
                checked++;
            }
            assertThat(checked).isGreaterThan(80);
            assertThat(wb.getSheet("Options").getLastRowNum()).isEqualTo(summary.options().size());
            assertThat(wb.getSheet("Assumptions").getLastRowNum()).isEqualTo(json.get("inputs").size());
            Sheet sens = wb.getSheet("Sensitivity");
            int tornado = 0;
            int voi = 0;
            for (int i = 1; i <= sens.getLastRowNum(); i++) {
                Row row = sens.getRow(i);
                Cell key = row == null ? null : row.getCell(7);
                if (key == null || key.getCellType() != CellType.STRING || !key.getStringCellValue().startsWith("/")) {
                    continue;
                }
                String pointer = key.getStringCellValue();
                JsonNode v = json.at(pointer);
                assertThat(v.isMissingNode()).as(pointer).isFalse();
                if (pointer.contains("/sensitivity/")) {
                    assertThat(row.getCell(1).getStringCellValue()).isEqualTo(v.get("input").asText());
                    assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(v.get("tornado_low").asDouble());
                    assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(v.get("tornado_high").asDouble());
                    assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(v.get("spearman").asDouble());
                    tornado++;
                } else if (pointer.equals("/value_of_information/evpi")) {
                    assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(v.asDouble());
                    voi++;
                } else {
                    assertThat(row.getCell(1).getStringCellValue()).isEqualTo(v.get("input").asText());
                    assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(v.get("evppi").asDouble());
                    voi++;
                }
            }
            int entries = 0;
            for (Summary.OptionSummary o : summary.options()) {
                entries += json.at("/options/" + o.id() + "/sensitivity").size();
            }
            assertThat(tornado).isEqualTo(entries);
            assertThat(voi).isEqualTo(1 + json.at("/value_of_information/per_input").size());
        }
    }

    @Test
    void workbookTrialsSheetOnlyWhenAsked(@TempDir Path other) throws Exception {
        Path file = other.resolve("with-trials.xlsx");
        try (var out = Files.newOutputStream(file)) {
            BusinessCaseXlsx.write(result, summary, new WorkbookOptions(true), out);
        }
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(VendorComparison.applies(summary) ? 9 : 8);
            assertThat(wb.getSheetName(6)).isEqualTo("Trials");
            Sheet trials = wb.getSheet("Trials");
            assertThat(trials.getLastRowNum()).isEqualTo(3000);
            assertThat(trials.getRow(1).getCell(1).getNumericCellValue())
                    .isEqualTo(result.columns().annualPain().get(0));
        }
    }
}
