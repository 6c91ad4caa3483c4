package dev.payback.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The finance files of {@code payback simulate}: report.pdf (its first page states the
 * recommendation), cashflow.csv against a hand-computed scenario, the workbook's Decision sheet,
 * decision.payback_months validation, and no reference to files a user's clone lacks.
 */
class BusinessCaseFilesTest {

    /**
     * Every input fixed. Pain: reconciliation 12 h/week at 50/h = 12·52/12·50 = 2,600 a month; the
     * option removes all of it. C = 10,000; A = 1,200 (100 a month); D = 1, R = 2, so a_1 = 0,
     * a_2 = 0.5, a_m = 1 from month 3. Net: month 1 −100; month 2 1,300 − 100 = 1,200; then 2,500.
     * Cumulative: −10,000, −10,100, −8,900, −6,400, −3,900, −1,400, +1,100 (payback at month 6).
     */
    static final String FIXED = """
            name: Fixed cash flow
            currency: EUR
            horizon_months: 12
            simulation: {trials: 500, seed: 1}
            business:
              orders_per_month: 1000
              average_order_value: 100
              gross_margin: 0.5
              loaded_labor_cost_per_hour: 50
            pain:
              reconciliation_hours_per_week: 12
            options:
              - id: orch
                kind: orchestrate
                one_time_cost: 10000
                annual_cost: 1200
                implementation_months: 1
                ramp_months: 2
                effects: {reconciliation_hours_per_week: 1}
            """;

    static Path write(Path dir, String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void cashflowCsvMatchesTheHandComputedMonths(@TempDir Path tmp) throws Exception {
        Path file = write(tmp, "fixed.yaml", FIXED);
        CliTest.Run r = CliTest.run("simulate", file.toString(), "--out", tmp.resolve("out").toString(),
                "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        double[] net = {-10_000, -100, 1_200, 2_500, 2_500, 2_500, 2_500, 2_500, 2_500, 2_500, 2_500, 2_500, 2_500};
        List<CSVRecord> rows;
        try (Reader in = Files.newBufferedReader(tmp.resolve("out/cashflow.csv"))) {
            rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
        assertThat(rows).hasSize(13);
        double cum = 0;
        for (int m = 0; m <= 12; m++) {
            CSVRecord row = rows.get(m);
            cum += net[m];
            assertThat(row.get("option")).isEqualTo("orch");
            assertThat(Integer.parseInt(row.get("month"))).isEqualTo(m);
            for (String level : List.of("p10", "p50", "p90")) {
                assertThat(Double.parseDouble(row.get("net_" + level))).as("net month " + m)
                        .isCloseTo(net[m], within(1e-6));
                assertThat(Double.parseDouble(row.get("cumulative_" + level))).as("cum month " + m)
                        .isCloseTo(cum, within(1e-6));
            }
        }
        assertThat(cum).isEqualTo(-10_000 - 100 + 1_200 + 10 * 2_500);
    }

    @Test
    void pdfStartsWithTheRecommendationAndTheWorkbookWithTheDecisionSheet(@TempDir Path tmp) throws Exception {
        Path file = write(tmp, "fixed.yaml", FIXED);
        Path out = tmp.resolve("out");
        CliTest.Run r = CliTest.run("simulate", file.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        // payback at month 6 within the 12-month bar: buy
        String sentence = "Buy orch: it meets the bar, payback within 12 months in at least 80% of futures.";
        assertThat(r.out().split("\n")[3]).isEqualTo("Recommendation: " + sentence);

        byte[] pdfBytes = Files.readAllBytes(out.resolve("report.pdf"));
        try (PDDocument pdf = Loader.loadPDF(pdfBytes)) {
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            // EUR prints on A4
            PDRectangle size = pdf.getPage(0).getMediaBox();
            assertThat(size.getWidth()).isCloseTo(PDRectangle.A4.getWidth(), within(1f));
            assertThat(size.getHeight()).isCloseTo(PDRectangle.A4.getHeight(), within(1f));
            PDFTextStripper text = new PDFTextStripper();
            text.setStartPage(1);
            text.setEndPage(1);
            String first = text.getText(pdf).replaceAll("\\s+", " ");
            assertThat(first).contains("What to do", sentence);
            text.setStartPage(2);
            text.setEndPage(2);
            assertThat(text.getText(pdf)).doesNotContain("What to do");
        }
        // the same run again gives the same PDF bytes
        Path again = tmp.resolve("again");
        assertThat(CliTest.run("simulate", file.toString(), "--out", again.toString(), "--format", "pdf").code())
                .isZero();
        assertThat(Files.readAllBytes(again.resolve("report.pdf"))).isEqualTo(pdfBytes);

        try (InputStream in = Files.newInputStream(out.resolve("business-case.xlsx"));
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheetName(0)).isEqualTo("Decision");
            assertThat(wb.getActiveSheetIndex()).isZero();
            assertThat(wb.getSheetAt(0).getRow(4).getCell(0).getStringCellValue()).isEqualTo(sentence);
            var cash = wb.getSheet("Cash flow");
            assertThat(cash.getLastRowNum()).isEqualTo(13);
            assertThat(cash.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Net cash of the month, P10");
            assertThat(cash.getRow(0).getCell(2).getCellComment().getString().getString()).isEqualTo("key: net_p10");
            assertThat(cash.getRow(3).getCell(3).getNumericCellValue()).isCloseTo(1_200, within(1e-6));
            assertThat(wb.getSheet("Options").getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(wb.getSheet("Options").getRepeatingRows().formatAsString()).isEqualTo("1:1");
        }

        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).doesNotContain("../shared", "MODEL" + ".md", "next to this report");
        assertThat(html).contains("@page { size: A4;");
    }

    @Test
    void pageSizeFollowsTheCurrencyOrTheFlag(@TempDir Path tmp) throws Exception {
        Path file = write(tmp, "usd.yaml", FIXED.replace("currency: EUR", "currency: USD"));
        assertThat(CliTest.run("simulate", file.toString(), "--out", tmp.resolve("a").toString(), "--format", "pdf")
                .code()).isZero();
        assertThat(CliTest.run("simulate", file.toString(), "--out", tmp.resolve("b").toString(), "--format", "pdf",
                "--page-size", "a4").code()).isZero();
        try (PDDocument letter = Loader.loadPDF(Files.readAllBytes(tmp.resolve("a/report.pdf")));
             PDDocument a4 = Loader.loadPDF(Files.readAllBytes(tmp.resolve("b/report.pdf")))) {
            assertThat(letter.getPage(0).getMediaBox().getWidth()).isCloseTo(612f, within(1f));
            assertThat(a4.getPage(0).getMediaBox().getWidth()).isCloseTo(PDRectangle.A4.getWidth(), within(1f));
        }
        CliTest.Run bad = CliTest.run("simulate", file.toString(), "--out", tmp.resolve("c").toString(),
                "--page-size", "tabloid");
        assertThat(bad.code()).isEqualTo(2);
    }

    @Test
    void paybackMonthsMustBeAWholeNumberWithinTheHorizon(@TempDir Path tmp) throws Exception {
        Path file = write(tmp, "bad.yaml", FIXED + "decision: {payback_months: 13}\n");
        CliTest.Run r = CliTest.run("validate", file.toString());
        assertThat(r.code()).isEqualTo(3);
        String[] lines = r.err().strip().split("\n");
        assertThat(lines).hasSize(1);
        assertThat(lines[0]).startsWith(file + ":").contains("decision.payback_months: must be a whole number from 1 "
                + "to 12, got 13");
        Path frac = write(tmp, "frac.yaml", FIXED + "decision: {payback_months: 2.5}\n");
        CliTest.Run f = CliTest.run("simulate", frac.toString(), "--out", tmp.resolve("o").toString());
        assertThat(f.code()).isEqualTo(3);
        assertThat(f.err()).contains("decision.payback_months: must be a whole number, got 2.5");
        Path ok = write(tmp, "ok.yaml", FIXED + "decision: {payback_months: 1}\n");
        assertThat(CliTest.run("validate", ok.toString()).code()).isZero();
    }
}
