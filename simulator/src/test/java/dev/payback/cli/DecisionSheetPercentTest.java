package dev.payback.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payback.report.Money;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Decision sheet of business-case.xlsx shows its shares as the console and report.html do: a
 * probability below 1% with one decimal (operate's 0.7% chance of losing money in scenario B, which the
 * sheet rounded to 1%), the pain's share of revenue with one decimal (5.4%, not 5%).
 */
class DecisionSheetPercentTest {
    @Test
    void sharesReadAsInTheConsole(@TempDir Path tmp) throws Exception {
        CliTest.Run r = CliTest.run("simulate", CliTest.SCENARIO_B, "--trials", "20000", "--format", "json,xlsx",
                "--out", tmp.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(tmp.resolve("summary.json").toFile());
        double operateLoss = json.at("/options/operate/p_npv_negative").asDouble();
        assertThat(operateLoss).as("the case under test: a probability below 1%").isBetween(0.0005, 0.0095);
        DataFormatter shown = new DataFormatter(Locale.US);
        int shares = 0;
        try (InputStream in = Files.newInputStream(tmp.resolve("business-case.xlsx"));
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet decision = wb.getSheet("Decision");
            for (Row row : decision) {
                if (row.getCell(2) == null || row.getCell(1) == null
                        || row.getCell(1).getCellType() != CellType.NUMERIC) {
                    continue;
                }
                String key = row.getCell(2).getStringCellValue();
                double v = json.at(key).asDouble();
                String words = row.getCell(0).getStringCellValue();
                if (key.equals("/pain_share_of_revenue/p50")) {
                    assertThat(shown.formatCellValue(row.getCell(1))).as(words).isEqualTo(Money.percent1(v));
                    shares++;
                } else if (key.contains("p_npv_negative") || key.contains("probability") || key.startsWith("/p_best")) {
                    assertThat(shown.formatCellValue(row.getCell(1))).as(words).isEqualTo(Money.percent(v));
                    shares++;
                }
            }
        }
        // the pain's share, and per option its loss, payback and best-choice shares, and the status quo's
        assertThat(shares).isEqualTo(1 + 3 * 3 + 1);
        assertThat(Money.percent(operateLoss)).endsWith("%").contains(".");
    }

    @Test
    void everyFiguresWordsFitTheirColumnAndAWrappedValueHasItsLines(@TempDir Path tmp) throws Exception {
        // scenario B's staged rollout cannot pay back within 12 months even if free: its ceiling is a sentence
        CliTest.Run r = CliTest.run("simulate", CliTest.SCENARIO_B, "--trials", "20000", "--format", "xlsx",
                "--out", tmp.toString());
        assertThat(r.code()).as(r.err()).isZero();
        try (InputStream in = Files.newInputStream(tmp.resolve("business-case.xlsx"));
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet decision = wb.getSheet("Decision");
            double columnA = decision.getColumnWidth(0) / 256.0;
            double columnB = decision.getColumnWidth(1) / 256.0;
            int texts = 0;
            for (Row row : decision) {
                if (row.getCell(2) == null || row.getCell(1) == null) {
                    continue;
                }
                String key = row.getCell(2).getStringCellValue();
                if (!key.startsWith("/")) {
                    continue;
                }
                String words = row.getCell(0).getStringCellValue();
                assertThat(words.length()).as(words).isLessThanOrEqualTo((int) columnA);
                if (row.getCell(1).getCellType() == CellType.STRING) {
                    String text = row.getCell(1).getStringCellValue();
                    // at least one 14-point line per column width of text
                    double lines = Math.ceil(text.length() / columnB);
                    assertThat((double) row.getHeightInPoints()).as(text).isGreaterThanOrEqualTo(14 * lines);
                    texts++;
                }
            }
            assertThat(texts).as("B's staged rollout's ceiling is a sentence").isPositive();
        }
    }
}
