package dev.payback.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.payback.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A two-way sweep against a hand-derived break-even line. In {@link SweepTest#HAND} (exception pain
 * only, the option halves e from month 1, 12-month horizon, r = 0.10) with the one-time cost C and
 * the exception rate e both fixed: NPV = −C + (45,000·e − 1,000)·A, A = Σ_{m=1..12} 1.1^(−m/12).
 * NPV is linear in e and in C, so the interpolated crossing along e is exact:
 * e*(C) = (C/A + 1,000)/45,000. Payback within 12 months ⇔ 12·(45,000·e − 1,000) ≥ C, a step in e
 * at e_pb(C) = (C/12 + 1,000)/45,000: P(payback) jumps from 0 to 1 between the two grid values
 * around it, so its crossing of the confidence lies between them.
 */
class TwoWaySweepTest {
    private static final double[] E = {0.05, 0.075, 0.1, 0.125, 0.15};
    private static final double[] C = {0, 15000, 30000, 45000, 60000};

    @Test
    void theBreakEvenLineIsTheHandDerivedOne(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("hand.yaml"), SweepTest.HAND);
        CliTest.Run r = run("sweep", file.toString(), "--set-range", "pain.exception_rate=0.05..0.15",
                "--set-range", "options.fix.one_time_cost=0..60000", "--steps", "5", "--trials", "300",
                "--out", tmp.resolve("out").toString());
        assertThat(r.code()).as(r.err()).isZero();
        String stem = "sweep-pain.exception_rate--options.fix.one_time_cost";
        JsonNode json = new ObjectMapper().readTree(tmp.resolve("out/" + stem + ".json").toFile());
        double a = SweepTest.annuity();

        // every cell's mean NPV is the closed form
        assertThat(json.get("cells")).hasSize(25);
        for (JsonNode cell : json.get("cells")) {
            double e = cell.get("x").asDouble();
            double c = cell.get("y").asDouble();
            assertThat(cell.at("/options/fix/mean_npv").asDouble()).as("e=%s C=%s", e, c)
                    .isCloseTo(-c + (45_000 * e - 1_000) * a, within(1e-6 * (1 + c)));
        }

        JsonNode npvLine = json.at("/break_even/fix/mean_npv_zero");
        assertThat(npvLine).hasSize(C.length);
        for (int k = 0; k < C.length; k++) {
            JsonNode p = npvLine.get(k);
            assertThat(p.get("y").asDouble()).isEqualTo(C[k]);
            double expected = (C[k] / a + 1_000) / 45_000;
            if (expected < E[0]) {
                assertThat(p.get("x")).as("C=%s: NPV > 0 over the whole range", C[k]).isEmpty();
            } else {
                assertThat(p.get("x")).hasSize(1);
                assertThat(p.at("/x/0/value").asDouble()).as("C=%s", C[k]).isCloseTo(expected, within(1e-9));
                assertThat(p.at("/x/0/direction").asText()).isEqualTo("rising");
            }
        }

        JsonNode paybackLine = json.at("/break_even/fix/payback_12_at_confidence");
        for (int k = 2; k < C.length; k++) {
            double expected = (C[k] / 12 + 1_000) / 45_000;
            int above = 0;
            while (E[above] < expected) {
                above++;
            }
            double crossing = paybackLine.get(k).at("/x/0/value").asDouble();
            assertThat(crossing).as("C=%s", C[k]).isBetween(E[above - 1], E[above]);
        }

        // console: the grid and the line, within 100 columns; html: heat maps, no script
        assertThat(r.out()).contains("fix: P(payback within 12 months)", "fix: mean NPV", "Break-even line");
        r.out().lines().forEach(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(100));
        Document html = Jsoup.parse(tmp.resolve("out/" + stem + ".html").toFile());
        assertThat(html.select("script")).isEmpty();
        assertThat(html.select("table.heat")).hasSize(2);
        assertThat(html.select("table.heat").first().select("tbody tr")).hasSize(C.length);
        List<String> csv = Files.readAllLines(tmp.resolve("out/" + stem + ".csv"));
        assertThat(csv.get(0)).isEqualTo("input_x,value_x,input_y,value_y,option,mean_npv,p_payback_12,p_best");
        assertThat(csv).hasSize(1 + 25 * 2);
    }

    @Test
    void outputsAreByteIdenticalForAnyThreadCount(@TempDir Path tmp) throws Exception {
        for (String threads : new String[] {"1", "2"}) {
            CliTest.Run r = run("sweep", CliTest.SCENARIO_B, "--set-range", "pain.exception_rate=0.04..0.24",
                    "--set-range", "horizon_months=24..48", "--steps", "3", "--trials", "800", "--sampling", "lhs",
                    "--threads", threads, "--out", tmp.resolve(threads).toString());
            assertThat(r.code()).as(r.err()).isZero();
        }
        String stem = "sweep-pain.exception_rate--horizon_months";
        for (String ext : new String[] {".json", ".csv", ".html"}) {
            assertThat(Files.readAllBytes(tmp.resolve("2/" + stem + ext))).as(ext)
                    .isEqualTo(Files.readAllBytes(tmp.resolve("1/" + stem + ext)));
        }
        JsonNode json = new ObjectMapper().readTree(tmp.resolve("1/" + stem + ".json").toFile());
        assertThat(json.get("sampling").asText()).isEqualTo("lhs");
    }

    @Test
    void twoWaySweepsNeedTwoDifferentInputs(@TempDir Path tmp) {
        CliTest.Run same = run("sweep", CliTest.SCENARIO_B, "--set-range", "pain.exception_rate=0.1..0.2",
                "--set-range", "pain.exception_rate=0.1..0.3", "--out", tmp.toString());
        assertThat(same.code()).isEqualTo(2);
        CliTest.Run three = run("sweep", CliTest.SCENARIO_B, "--set-range", "pain.exception_rate=0.1..0.2",
                "--set-range", "horizon_months=24..36", "--set-range", "discount_rate=0..0.1", "--out",
                tmp.toString());
        assertThat(three.code()).isEqualTo(2);
        CliTest.Run sampling = run("sweep", CliTest.SCENARIO_B, "--set-range", "pain.exception_rate=0.1..0.2",
                "--sampling", "nope", "--out", tmp.toString());
        assertThat(sampling.code()).isEqualTo(2);
    }
}
