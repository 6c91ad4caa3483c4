package dev.payback.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code payback simulate} writes the business-case files, selected with --format. */
class SimulateOutputsTest {
    static final String SCENARIO_A = dev.payback.Shipped.file("a_apparel_single_warehouse.yaml");

    @Test
    void writesEveryOutputAndPrintsTheReportLast(@TempDir Path tmp) throws Exception {
        CliTest.Run r = CliTest.run("simulate", SCENARIO_A, "--trials", "1500", "--out", tmp.toString());
        assertThat(r.code()).as(r.err()).isZero();
        for (String f : List.of("summary.json", "summary.csv", "cashflow.csv", "business-case.xlsx", "report.html",
                "report.pdf",
                "charts/pain-vs-cost.png", "charts/pain-vs-cost.svg", "charts/payback-fan-operate.png",
                "charts/payback-fan-orchestrate.svg", "charts/payback-probability.png", "charts/npv.svg",
                "charts/price-curve.png", "charts/decision-matrix.svg", "charts/tornado-operate.png",
                "charts/tornado-orchestrate.svg", "charts/evppi.png", "charts/evppi.svg")) {
            assertThat(tmp.resolve(f)).as(f).isRegularFile();
            assertThat(Files.size(tmp.resolve(f))).as(f).isPositive();
        }
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(lines.size() - 1)).isEqualTo("Report: " + tmp.resolve("report.html"));
        // 20 + 5 KPI charts and the vendor chart, PNG and SVG each
        assertThat(r.out()).contains("Wrote " + tmp.resolve("business-case.xlsx"), "Wrote 32 chart files");
        try (Stream<Path> left = Files.walk(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
        try (Stream<Path> beside = Files.list(tmp.getParent())) {
            String prefix = "." + tmp.getFileName() + ".payback-";
            assertThat(beside.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(prefix));
        }
    }

    @Test
    void aFolderHoldingTheUsersFilesIsRefusedBeforeTheRunAndLeftAsItWas(@TempDir Path tmp) throws Exception {
        Path mine = tmp.resolve("notes.txt");
        Files.writeString(mine, "keep me");
        Files.createDirectories(tmp.resolve("charts"));
        Files.writeString(tmp.resolve("charts/my-own.png"), "not a chart");
        CliTest.Run r = CliTest.run("simulate", SCENARIO_A, "--trials", "1500", "--out", tmp.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("holds charts/, notes.txt, and it is not a folder payback wrote", "name a new or empty folder");
        assertThat(Files.readString(mine)).isEqualTo("keep me");
        assertThat(Files.readString(tmp.resolve("charts/my-own.png"))).isEqualTo("not a chart");
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).hasSize(2);
        }

        // a user's file added later to a folder payback wrote is refused the same way
        Path ours = tmp.resolve("ours");
        assertThat(CliTest.run("simulate", SCENARIO_A, "--trials", "500", "--format", "json", "--out",
                ours.toString()).code()).isZero();
        Files.writeString(ours.resolve("notes.txt"), "mine");
        CliTest.Run again = CliTest.run("simulate", SCENARIO_A, "--trials", "500", "--out", ours.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("holds notes.txt, which payback did not write there");
        assertThat(Files.readString(ours.resolve("notes.txt"))).isEqualTo("mine");
    }

    @Test
    void formatSelectsASubset(@TempDir Path tmp) {
        CliTest.Run r = CliTest.run("simulate", SCENARIO_A, "--trials", "800", "--out", tmp.toString(),
                "--format", "json,csv");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(tmp.resolve("summary.json")).isRegularFile();
        assertThat(tmp.resolve("summary.csv")).isRegularFile();
        assertThat(tmp.resolve("report.html")).doesNotExist();
        assertThat(tmp.resolve("business-case.xlsx")).doesNotExist();
        assertThat(tmp.resolve("charts")).doesNotExist();
        assertThat(r.out()).doesNotContain("Report:");

        CliTest.Run charts = CliTest.run("simulate", SCENARIO_A, "--trials", "800", "--out", tmp.toString(),
                "--format", "charts", "--format", "html");
        assertThat(charts.code()).as(charts.err()).isZero();
        assertThat(tmp.resolve("charts/npv.png")).isRegularFile();
        assertThat(tmp.resolve("report.html")).isRegularFile();
        // the new set replaced the old one as a whole: no stale json or csv of the previous run
        assertThat(tmp.resolve("summary.json")).doesNotExist();
        assertThat(tmp.resolve("summary.csv")).doesNotExist();

        CliTest.Run fewer = CliTest.run("simulate", SCENARIO_A, "--trials", "800", "--out", tmp.toString(),
                "--format", "json");
        assertThat(fewer.code()).as(fewer.err()).isZero();
        assertThat(tmp.resolve("charts")).doesNotExist();
        assertThat(tmp.resolve("report.html")).doesNotExist();
        assertThat(tmp.resolve("summary.json")).isRegularFile();
    }

    @Test
    void unknownFormatIsAUsageError(@TempDir Path tmp) {
        CliTest.Run r = CliTest.run("simulate", SCENARIO_A, "--trials", "500", "--out", tmp.toString(),
                "--format", "json,docx");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("docx", "json,csv,xlsx,html,charts,pdf");
        assertThat(tmp.resolve("summary.json")).doesNotExist();
    }
}
