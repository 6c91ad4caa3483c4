package dev.payback.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * report.html never shows a negative max one-time cost as a price (README, "The recommendation": "A
 * negative ceiling is never shown as a price"), in any of its tables, and its "Vendors compared" table
 * lists each vendor once, as the console, the workbook and the chart do: a staged rollout is its
 * big-bang twin's vendor.
 */
class ReportCeilingsTest {
    @Test
    void aNegativeCeilingReadsNoneAndTheStagedRolloutIsNoSecondVendor(@TempDir Path tmp) throws Exception {
        CliTest.Run r = CliTest.run("simulate", CliTest.SCENARIO_B, "--trials", "4000", "--format", "json,html",
                "--out", tmp.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(tmp.resolve("summary.json").toFile());
        // the case under test: scenario B's staged rollout misses the 12-month bar even if free
        assertThat(json.at("/options/orchestrate_staged/max_one_time_cost/12").asDouble()).isNegative();
        assertThat(json.at("/options/orchestrate/max_one_time_cost/12").asDouble()).isPositive();
        Document html = Jsoup.parse(tmp.resolve("report.html").toFile());

        // no cell anywhere carries a negative ceiling as a number
        for (Element e : html.select("[data-json*=max_one_time_cost]")) {
            assertThat(json.at(e.attr("data-json")).asDouble()).as(e.attr("data-json")).isNotNegative();
        }
        // "Pilot first?": the big bang's price beside "none, even if free" for the staged rollout
        Element pilotRow = html.select("#pilot-first-orchestrate_staged tr:contains(Max one-time cost)").first();
        assertThat(pilotRow).isNotNull();
        assertThat(pilotRow.select("td").eachText()).containsExactly(pilotRow.child(0).text(),
                html.select("#options [data-json=/options/orchestrate/max_one_time_cost/12]").text(),
                "none, even if free");

        // the checkpoints are named as in the options table: 90 days, not 3 months
        assertThat(html.select("#pilot-first-orchestrate_staged td").eachText())
                .contains("P(payback within 90 days)", "P(payback within 6 months)", "P(payback within 12 months)")
                .doesNotContain("P(payback within 3 months)");

        // "Vendors compared": operate and orchestrate, as in the console's "Vendors compared" line
        List<String> vendors = html.select("#vendors tbody tr").stream()
                .map(tr -> tr.select("td").first().ownText().trim()).toList();
        assertThat(vendors).containsExactly("operate", "orchestrate");
        assertThat(r.out()).contains("Vendors compared").doesNotContain("orchestrate_staged 3.85 of 5");
    }

    @Test
    void theWorkbooksVendorsSheetSaysNoneForANegativeCeiling(@TempDir Path tmp) throws Exception {
        CliTest.Run r = CliTest.run("simulate", dev.payback.Shipped.file("a_apparel_single_warehouse.yaml"),
                "--trials", "4000", "--format", "json,xlsx,html", "--out", tmp.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(tmp.resolve("summary.json").toFile());
        // the case under test: scenario A's orchestrate misses the 12-month bar even if free
        assertThat(json.at("/options/orchestrate/max_one_time_cost/12").asDouble()).isNegative();
        assertThat(json.at("/options/operate/max_one_time_cost/12").asDouble()).isPositive();
        try (InputStream in = Files.newInputStream(tmp.resolve("business-case.xlsx"));
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet vendors = wb.getSheet("Vendors");
            Row operate = vendors.getRow(1);
            Row orchestrate = vendors.getRow(2);
            assertThat(operate.getCell(0).getStringCellValue()).isEqualTo("operate");
            assertThat(operate.getCell(6).getNumericCellValue())
                    .isEqualTo(json.at("/options/operate/max_one_time_cost/12").asDouble());
            assertThat(orchestrate.getCell(0).getStringCellValue()).isEqualTo("orchestrate");
            assertThat(orchestrate.getCell(6).getStringCellValue()).isEqualTo("none, even if free");
        }
        Document html = Jsoup.parse(tmp.resolve("report.html").toFile());
        assertThat(html.select("#vendors tbody tr").get(1).select("td").get(5).text()).isEqualTo("none, even if free");
    }
}
