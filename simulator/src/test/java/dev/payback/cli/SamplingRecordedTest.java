package dev.payback.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command that runs trials states how their inputs were drawn (--sampling) in its outputs, and
 * compare and pilot take --sampling too: their figures are those of simulate with the same method,
 * seed and trials (so the option is applied, not only recorded).
 */
class SamplingRecordedTest {
    static final String B = CliTest.SCENARIO_B;
    static final String PILOT_B = PilotCliTest.PILOT_B;
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(Path p) throws Exception {
        return JSON.readTree(p.toFile());
    }

    static void ok(CliTest.Run r) {
        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void simulateStatesTheMethodInEveryOutput(@TempDir Path tmp) throws Exception {
        Path lhs = tmp.resolve("lhs");
        CliTest.Run r = CliTest.run("simulate", B, "--trials", "4096", "--sampling", "lhs", "--out", lhs.toString());
        ok(r);
        assertThat(r.out()).contains("random seed 42, Latin hypercube sampling,");
        assertThat(json(lhs.resolve("summary.json")).at("/sampling").asText()).isEqualTo("lhs");
        List<String> csv = Files.readAllLines(lhs.resolve("summary.csv"));
        List<String> header = List.of(csv.get(0).split(","));
        assertThat(header.get(header.size() - 1)).isEqualTo("sampling");
        assertThat(csv.get(1)).endsWith(",lhs");
        String html = Files.readString(lhs.resolve("report.html"));
        assertThat(html).contains("random seed 42 · Latin hypercube sampling · USD")
                .contains("The inputs are drawn by Latin hypercube sampling")
                .contains("With Latin hypercube sampling these are conservative");
        try (InputStream in = Files.newInputStream(lhs.resolve("business-case.xlsx"));
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet summary = wb.getSheet("Summary");
            String value = null;
            for (Row row : summary) {
                if (row.getCell(0) != null && "Sampling".equals(row.getCell(0).getStringCellValue())) {
                    value = row.getCell(1).getStringCellValue();
                }
            }
            assertThat(value).isEqualTo("lhs");
        }

        Path random = tmp.resolve("random");
        ok(CliTest.run("simulate", B, "--trials", "4096", "--format", "json", "--out", random.toString()));
        assertThat(json(random.resolve("summary.json")).at("/sampling").asText()).isEqualTo("random");
    }

    @Test
    void compareRunsAndStatesTheMethod(@TempDir Path tmp) throws Exception {
        Path sim = tmp.resolve("sim");
        ok(CliTest.run("simulate", B, "--trials", "4096", "--sampling", "sobol", "--format", "json", "--out",
                sim.toString()));
        Path cmp = tmp.resolve("cmp");
        CliTest.Run r = CliTest.run("compare", B, B + "@peak_season", "--trials", "4096", "--sampling", "sobol",
                "--out", cmp.toString());
        ok(r);
        assertThat(r.out()).contains("4,096 trials, seed 42, Sobol' sampling");
        JsonNode c = json(cmp.resolve("compare.json"));
        assertThat(c.at("/scenarios/0/sampling").asText()).isEqualTo("sobol");
        assertThat(c.at("/scenarios/1/sampling").asText()).isEqualTo("sobol");
        // run 1 is the scenario as written: its P(best) are simulate's with the same method, bit for bit
        JsonNode s = json(sim.resolve("summary.json"));
        String text = c.toString();
        double orchestrate = s.at("/p_best/orchestrate").asDouble();
        assertThat(text).contains(Double.toString(orchestrate));
        // and differ from random sampling's (the option is applied, not only recorded)
        Path rnd = tmp.resolve("rnd");
        ok(CliTest.run("simulate", B, "--trials", "4096", "--format", "json", "--out", rnd.toString()));
        assertThat(json(rnd.resolve("summary.json")).at("/p_best/orchestrate").asDouble()).isNotEqualTo(orchestrate);
    }

    @Test
    void pilotRunsAndStatesTheMethod(@TempDir Path tmp) throws Exception {
        Path sim = tmp.resolve("sim");
        ok(CliTest.run("simulate", B, "--trials", "4096", "--sampling", "lhs", "--format", "json", "--out",
                sim.toString()));
        Path pilot = tmp.resolve("pilot");
        CliTest.Run r = CliTest.run("pilot", B, PILOT_B, "--trials", "4096", "--sampling", "lhs", "--out",
                pilot.toString());
        ok(r);
        assertThat(r.out()).contains("seed 42, Latin hypercube sampling");
        JsonNode p = json(pilot.resolve("summary.json"));
        assertThat(p.at("/sampling").asText()).isEqualTo("lhs");
        // the verdict's prior is simulate's payback bar with the same draws
        assertThat(p.at("/verdict/payback_probability_prior").asDouble())
                .isEqualTo(json(sim.resolve("summary.json")).at("/options/orchestrate/payback_bar/probability").asDouble());
        assertThat(Files.readString(pilot.resolve("pilot.html"))).contains("seed 42, Latin hypercube sampling");
    }

    @Test
    void pilotPlanStatesTheMethod(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("plan");
        CliTest.Run r = CliTest.run("pilot-plan", B, "--option", "orchestrate", "--shares", "0.25", "--months", "3",
                "--targets", "0.3", "--trials", "2048", "--sampling", "sobol", "--out", out.toString());
        ok(r);
        assertThat(r.out()).contains("seed 42, Sobol' sampling");
        assertThat(json(out.resolve("pilot-plan.json")).at("/sampling").asText()).isEqualTo("sobol");
        assertThat(Files.readString(out.resolve("pilot-plan.html"))).contains("seed 42, Sobol&#39; sampling");
    }
}
