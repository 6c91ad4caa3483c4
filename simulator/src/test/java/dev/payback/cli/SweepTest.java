package dev.payback.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payback.analysis.Sweep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.payback.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** payback sweep: break-even values against hand-derived ones, outputs and exit codes. */
class SweepTest {
    static final String SCENARIO_B = CliTest.SCENARIO_B;

    /**
     * Exception pain only (docs/model.md section 2): per order e · (12/60 · 30 + 0.2 · 15) = 9e, so
     * 90,000·e a month at 10,000 orders. The option halves e from month 1 (D = 0, R = 0): benefit
     * 45,000·e a month; costs 12,000/12 = 1,000 a month; C = 30,000. Lost sales (cancellation_rate)
     * are not touched by the option, so they do not enter NPV. With H = 12 and r = 0.10:
     * NPV = −30,000 + (45,000·e − 1,000) · A, A = Σ_{m=1..12} 1.1^(−m/12) ≈ 11.44,
     * so mean NPV = 0 at e* = (30,000/A + 1,000)/45,000 ≈ 0.0805.
     * Net is constant and positive for e > 1/45, so payback within 12 months ⇔ cum_12 ≥ 0 ⇔
     * 12·(45,000·e − 1,000) ≥ 30,000 ⇔ e ≥ 42,000/540,000 = 0.07778.
     * exception_rate is a distribution correlated with cancellation_rate: the sweep fixes it anyway.
     */
    static final String HAND = """
            name: sweep by hand
            horizon_months: 12
            discount_rate: 0.1
            simulation: {trials: 2000, seed: 3}
            business:
              orders_per_month: 10000
              average_order_value: 50
              gross_margin: 0.4
              loaded_labor_cost_per_hour: 30
            pain:
              exception_rate: {pert: [0.05, 0.1, 0.2]}
              minutes_per_exception: 12
              expedite_share_of_exceptions: 0.2
              expedite_fee: 15
              cancellation_rate: {pert: [0.005, 0.01, 0.02]}
            correlations:
              - [pain.exception_rate, pain.cancellation_rate, 0.5]
            options:
              - id: fix
                kind: operate
                one_time_cost: 30000
                annual_cost: 12000
                implementation_months: 0
                effects: {exception_rate: 0.5}
            """;

    static double annuity() {
        double a = 0;
        for (int m = 1; m <= 12; m++) {
            a += Math.pow(1.1, -m / 12.0);
        }
        return a;
    }

    static JsonNode sweep(Path tmp, String yaml, String... args) throws Exception {
        Path file = Files.writeString(tmp.resolve("hand.yaml"), yaml);
        String[] all = new String[args.length + 4];
        all[0] = "sweep";
        all[1] = file.toString();
        all[2] = "--out";
        all[3] = tmp.resolve("out").toString();
        System.arraycopy(args, 0, all, 4, args.length);
        CliTest.Run r = run(all);
        assertThat(r.code()).as(r.err()).isZero();
        try (var files = Files.list(tmp.resolve("out"))) {
            List<Path> json = files.filter(f -> f.getFileName().toString().matches("sweep-.*\\.json")).toList();
            assertThat(json).hasSize(1);
            return new ObjectMapper().readTree(json.get(0).toFile());
        }
    }

    @Test
    void sweepOfACorrelatedDistributionFindsTheHandDerivedBreakEven(@TempDir Path tmp) throws Exception {
        JsonNode json = sweep(tmp, HAND, "--set-range", "pain.exception_rate=0.05..0.15", "--steps", "11");
        double eNpv = (30_000 / annuity() + 1_000) / 45_000;
        double ePayback = 42_000.0 / 540_000;
        JsonNode npv = json.at("/break_even/fix/mean_npv_zero");
        assertThat(npv.size()).isEqualTo(1);
        // NPV is linear in e, so interpolation between steps is exact up to rounding
        assertThat(npv.get(0).get("value").asDouble()).isCloseTo(eNpv, within(1e-9));
        assertThat(npv.get(0).get("direction").asText()).isEqualTo("rising");
        // P(payback ≤ 12) jumps from 0 to 1 between 0.07 and 0.08: within one step (0.01)
        JsonNode pb = json.at("/break_even/fix/payback_12_at_confidence");
        assertThat(pb.size()).isEqualTo(1);
        assertThat(pb.get(0).get("value").asDouble()).isCloseTo(ePayback, within(0.01));
        // every trial has the swept value: the option is never best below e*, always above
        JsonNode steps = json.get("steps");
        assertThat(steps.size()).isEqualTo(11);
        assertThat(steps.get(0).get("value").asDouble()).isEqualTo(0.05);
        assertThat(steps.get(3).get("value").asDouble()).isEqualTo(0.08);
        assertThat(steps.get(10).get("value").asDouble()).isEqualTo(0.15);
        assertThat(steps.get(0).get("p_best_status_quo").asDouble()).isEqualTo(1.0);
        assertThat(steps.get(10).at("/options/fix/p_best").asDouble()).isEqualTo(1.0);
        double npvAt010 = -30_000 + (45_000 * 0.10 - 1_000) * annuity();
        assertThat(steps.get(5).at("/options/fix/mean_npv").asDouble()).isCloseTo(npvAt010, within(1e-6));
    }

    @Test
    void sweepOfAFixedValueFindsTheHandDerivedBreakEven(@TempDir Path tmp) throws Exception {
        // e fixed at 0.1: net 45,000·0.1 − 1,000 = 3,500 a month; NPV = 3,500·A − C, zero at
        // C* = 3,500·A ≈ 40,040; payback within 12 months ⇔ C ≤ 12·3,500 = 42,000
        String yaml = HAND.replace("exception_rate: {pert: [0.05, 0.1, 0.2]}", "exception_rate: 0.1")
                .replace("correlations:\n  - [pain.exception_rate, pain.cancellation_rate, 0.5]\n", "");
        JsonNode json = sweep(tmp, yaml, "--set-range", "options.fix.one_time_cost=0..60000", "--steps", "13");
        JsonNode npv = json.at("/break_even/fix/mean_npv_zero");
        assertThat(npv.size()).isEqualTo(1);
        assertThat(npv.get(0).get("value").asDouble()).isCloseTo(3_500 * annuity(), within(1e-6));
        assertThat(npv.get(0).get("direction").asText()).isEqualTo("falling");
        JsonNode pb = json.at("/break_even/fix/payback_12_at_confidence");
        assertThat(pb.get(0).get("value").asDouble()).isCloseTo(42_000, within(5_000.0));
        assertThat(pb.get(0).get("direction").asText()).isEqualTo("falling");
    }

    @Test
    void crossingsInterpolateLinearlyAndReportNoneWhenAbsent() {
        double[] x = {0, 1, 2, 3};
        assertThat(Sweep.crossings(x, new double[] {-2, -1, 1, 3}, 0))
                .containsExactly(new Sweep.Crossing(1.5, true));
        assertThat(Sweep.crossings(x, new double[] {1, 2, 3, 4}, 0)).isEmpty();
        assertThat(Sweep.crossings(x, new double[] {1, -1, -1, 1}, 0))
                .containsExactly(new Sweep.Crossing(0.5, false), new Sweep.Crossing(2.5, true));
        assertThat(Sweep.values(0.04, 0.24, 11)).hasSize(11).startsWith(0.04, 0.06, 0.08, 0.1).endsWith(0.24);
    }

    @Test
    void sweepWritesTableJsonCsvAndCharts(@TempDir Path tmp) throws Exception {
        CliTest.Run r = run("sweep", SCENARIO_B, "--set-range", "pain.exception_rate=0.04..0.24", "--steps", "3",
                "--trials", "1500", "--out", tmp.toString(), "--stress", "vendor_late");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Sweep of pain.exception_rate", "Break-even", "orchestrate", "operate",
                "Wrote into " + tmp + ":", "  sweep-pain.exception_rate.png");
        List<String> csv = Files.readAllLines(tmp.resolve("sweep-pain.exception_rate.csv"));
        assertThat(csv.get(0)).isEqualTo("input,value,option,mean_npv,p_payback_12,p_best");
        // per value: operate, orchestrate, orchestrate_staged and the status quo
        assertThat(csv).hasSize(1 + 3 * 4);
        assertThat(Files.readAllBytes(tmp.resolve("sweep-pain.exception_rate.png"))).startsWith(0x89, 'P', 'N', 'G');
        assertThat(Files.readString(tmp.resolve("sweep-pain.exception_rate.svg"))).contains("<svg").contains("</svg>");
        JsonNode json = new ObjectMapper().readTree(tmp.resolve("sweep-pain.exception_rate.json").toFile());
        assertThat(json.at("/overrides/stress").asText()).isEqualTo("vendor_late");
        assertThat(r.out()).contains("Stress test: stress preset vendor_late");
        String html = Files.readString(tmp.resolve("sweep-pain.exception_rate.html"));
        assertThat(html).contains("<svg").doesNotContain("<script").contains("Break-even values");
        for (JsonNode step : json.get("steps")) {
            double total = step.get("p_best_status_quo").asDouble() + step.at("/options/operate/p_best").asDouble()
                    + step.at("/options/orchestrate/p_best").asDouble()
                    + step.at("/options/orchestrate_staged/p_best").asDouble();
            assertThat(total).isCloseTo(1.0, within(1e-9));
        }
    }

    @Test
    void theSameSweepWritesTheSameBytesInEveryFile(@TempDir Path tmp) throws Exception {
        for (String dir : List.of("a", "b")) {
            CliTest.Run r = run("sweep", SCENARIO_B, "--set-range", "options.orchestrate.one_time_cost=20000..120000",
                    "--steps", "3", "--trials", "1000", "--out", tmp.resolve(dir).toString());
            assertThat(r.code()).as(r.err()).isZero();
        }
        List<Path> files;
        try (java.util.stream.Stream<Path> s = Files.list(tmp.resolve("a"))) {
            files = s.sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("sweep-options.orchestrate.one_time_cost.svg", "sweep-options.orchestrate.one_time_cost.html");
        for (Path f : files) {
            assertThat(Files.readAllBytes(tmp.resolve("b").resolve(f.getFileName()))).as(f.getFileName().toString())
                    .isEqualTo(Files.readAllBytes(f));
        }
    }

    @Test
    void sweepKeepsEveryOtherDrawAndMatchesSimulateWithSet(@TempDir Path tmp) throws Exception {
        // common random numbers: the sweep's step at 0.6 is the simulate run with that value set
        // (failure_benefit_share is a plain value in scenario B, correlated with nothing)
        CliTest.Run r = run("sweep", SCENARIO_B, "--set-range", "options.orchestrate.failure_benefit_share=0.2..0.6",
                "--steps", "2", "--trials", "2000", "--out", tmp.resolve("s").toString());
        assertThat(r.code()).as(r.err()).isZero();
        CliTest.Run sim = run("simulate", SCENARIO_B, "--trials", "2000", "--out", tmp.resolve("m").toString(),
                "--set", "options.orchestrate.failure_benefit_share=0.6");
        assertThat(sim.code()).as(sim.err()).isZero();
        ObjectMapper m = new ObjectMapper();
        JsonNode sweep = m.readTree(tmp.resolve("s/sweep-options.orchestrate.failure_benefit_share.json").toFile());
        JsonNode summary = m.readTree(tmp.resolve("m/summary.json").toFile());
        assertThat(sweep.at("/steps/1/options/orchestrate/mean_npv").asDouble())
                .isEqualTo(summary.at("/options/orchestrate/npv/mean").asDouble());
        assertThat(sweep.at("/steps/1/options/orchestrate/p_payback_12").asDouble())
                .isEqualTo(summary.at("/options/orchestrate/payback_probability/12").asDouble());
        assertThat(sweep.at("/steps/1/options/operate/p_best").asDouble())
                .isEqualTo(summary.at("/p_best/operate").asDouble());
    }

    @Test
    void badRangesAreUsageErrors(@TempDir Path tmp) {
        String out = tmp.toString();
        assertThat(run("sweep", SCENARIO_B, "--out", out).code()).isEqualTo(2);
        for (String bad : List.of("pain.exception_rate=0.3..0.1", "pain.exception_rate=abc..0.2",
                "pain.exception_rate=0.1", "pain.exception_rate=0.1..0.1", "=0.1..0.2", "name=1..2",
                "options.orchestrate.label=1..2", "simulation.trials=10..20")) {
            CliTest.Run r = run("sweep", SCENARIO_B, "--set-range", bad, "--trials", "100", "--out", out);
            assertThat(r.code()).as(bad + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).contains("--set-range");
        }
        CliTest.Run steps = run("sweep", SCENARIO_B, "--set-range", "pain.exception_rate=0.1..0.2", "--steps", "1",
                "--out", out);
        assertThat(steps.code()).isEqualTo(2);
        assertThat(steps.err()).contains("--steps must be a whole number from 2 to 1001", "got 1");
        for (String many : List.of("1002", "100000000", "2147483647")) {
            long t0 = System.nanoTime();
            CliTest.Run r = run("sweep", SCENARIO_B, "--set-range", "pain.exception_rate=0.1..0.2", "--steps", many,
                    "--out", out);
            assertThat(r.code()).as(r.err()).isEqualTo(2);
            assertThat(r.err()).contains("--steps must be a whole number from 2 to 1001", "got " + many);
            // refused before any step runs: 100,000,000 steps would take days, so 30 s is a generous bound
            assertThat(System.nanoTime() - t0).isLessThan(30_000_000_000L);
        }
        assertThat(Files.exists(tmp.resolve("sweep-pain.exception_rate.json"))).isFalse();
    }

    @Test
    void pathsUnknownToTheScenarioAreInputErrors(@TempDir Path tmp) {
        CliTest.Run typo = run("sweep", SCENARIO_B, "--set-range", "pain.exeption_rate=0.1..0.2", "--trials", "100",
                "--out", tmp.toString());
        assertThat(typo.code()).isEqualTo(3);
        assertThat(typo.err()).contains("did you mean exception_rate?")
                .startsWith("--set-range: pain.exeption_rate: unknown key");
        CliTest.Run option = run("sweep", SCENARIO_B, "--set-range", "options.nope.one_time_cost=1..2",
                "--trials", "100", "--out", tmp.toString());
        assertThat(option.code()).isEqualTo(3);
        assertThat(option.err()).contains("there is no option with id 'nope'");
        // a value outside the input's domain is refused by the loader too, labelled --set-range
        CliTest.Run outside = run("sweep", SCENARIO_B, "--set-range", "pain.exception_rate=0.5..1.5", "--trials",
                "100", "--out", tmp.toString());
        assertThat(outside.code()).isEqualTo(3);
        assertThat(outside.err()).startsWith("--set-range: pain.exception_rate: ").contains("(the swept value 1.1)");
        CliTest.Run huge = run("sweep", SCENARIO_B, "--set-range", "options.orchestrate.one_time_cost=1e307..1.7e308",
                "--trials", "100", "--out", tmp.toString());
        assertThat(huge.code()).as(huge.err()).isEqualTo(2);
        assertThat(huge.err()).contains("1e307 is too large: every input lies within ±1e15");
        // a whole-number field stepped by halves is a usage error, before anything runs
        CliTest.Run half = run("sweep", SCENARIO_B, "--set-range", "horizon_months=12..13", "--steps", "3",
                "--trials", "100", "--out", tmp.toString());
        assertThat(half.code()).isEqualTo(2);
        assertThat(half.err()).contains("--set-range horizon_months takes whole numbers", "gives 12.5");
        assertThat(Files.exists(tmp.resolve("sweep-pain.exception_rate.json"))).isFalse();
    }
}
