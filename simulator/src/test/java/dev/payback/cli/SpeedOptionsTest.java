package dev.payback.cli;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** --timings, --workbook-trials and the upper limit of --trials, as a user reaches them. */
class SpeedOptionsTest {

    @Test
    void timingsListEveryStageOnStandardErrorOnlyWhenAsked(@TempDir Path tmp) {
        CliTest.Run r = CliTest.run("simulate", CliTest.SCENARIO_B, "--trials", "1000", "--format", "json,csv",
                "--timings", "--out", tmp.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> stages = r.err().lines().filter(l -> l.startsWith("  ")).map(l -> l.trim().split("\\s{2,}")[0])
                .toList();
        assertThat(stages).containsSubsequence("load", "engine", "sensitivity", "headline statistics", "json", "csv",
                "total (from main)");
        assertThat(r.out()).doesNotContain("timings");

        CliTest.Run quiet = CliTest.run("simulate", CliTest.SCENARIO_B, "--trials", "1000", "--format", "json",
                "--out", tmp.toString());
        assertThat(quiet.code()).isZero();
        assertThat(quiet.err()).doesNotContain("timings");
    }

    @Test
    void thePrecisionNoteWritesTheTargetAsGiven(@TempDir Path tmp) {
        CliTest.Run r = CliTest.run("simulate", CliTest.SCENARIO_B, "--precision", "0.0001", "--trials", "2000",
                "--format", "json", "--out", tmp.toString());
        assertThat(r.code()).as(r.err()).isZero();
        // one batch of 2,000 trials cannot reach +/-0.0001: the note names the target as written, not 1.0E-4
        assertThat(r.out().replaceAll("\\s+", " ")).contains("Precision NOT reached: worst P(payback) half-width ")
                .contains(" > 0.0001 at the cap of 2,000 trials (1 batch)").doesNotContain("E-4");
    }

    @Test
    void workbookHasTheTrialsSheetOnlyWithWorkbookTrials(@TempDir Path tmp) throws Exception {
        CliTest.Run plain = CliTest.run("simulate", CliTest.SCENARIO_B, "--trials", "1500", "--format", "xlsx",
                "--out", tmp.resolve("plain").toString());
        CliTest.Run with = CliTest.run("simulate", CliTest.SCENARIO_B, "--trials", "1500", "--format", "xlsx",
                "--workbook-trials", "--out", tmp.resolve("with").toString());
        assertThat(plain.code()).as(plain.err()).isZero();
        assertThat(with.code()).as(with.err()).isZero();
        try (InputStream in = Files.newInputStream(tmp.resolve("plain/business-case.xlsx"));
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheet("Trials")).isNull();
            assertThat(wb.getSheet("Summary")).isNotNull();
        }
        try (InputStream in = Files.newInputStream(tmp.resolve("with/business-case.xlsx"));
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheet("Trials").getLastRowNum()).isEqualTo(1500);
        }
    }

    @Test
    void trialsAboveTheLargestIntAreRefusedBeforeTheRun(@TempDir Path tmp) {
        CliTest.Run r = CliTest.run("simulate", CliTest.SCENARIO_B, "--trials", "2147483648", "--out", tmp.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--trials", "at most 2,147,483,647");
        assertThat(tmp).isEmptyDirectory();
    }
}
