package dev.payback.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The cases of issue 16 that the other reliability tests do not cover (docs/reliability.md lists
 * every case with its test): flags beyond their type, a pilot file where a scenario belongs and the
 * reverse, divisors of the model at or near zero, a sweep value refused at the end of its range,
 * compare's memory check, a pilot the scenario cannot explain, an undeletable previous output,
 * fewer options than the previous run, and default folders of simulate and pilot.
 */
class ReliabilityTest {
    static final String B = CliTest.SCENARIO_B;
    static final String PILOT_B = dev.payback.Shipped.file("b_consumer_goods_multichannel_pilot.yaml");
    static final String BODY = HostileInputTest.VALID_BODY;

    static void usage(CliTest.Run r, String... phrases) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(phrases).doesNotContain("\tat ", "Exception");
        assertThat(r.out()).isEmpty();
    }

    /** Exit 3 with exactly one line holding every phrase. */
    static void oneLine(CliTest.Run r, String... phrases) {
        assertThat(r.code()).as(r.err()).isEqualTo(Cli.INVALID_INPUT);
        assertThat(r.err().lines()).as(r.err()).hasSize(1);
        assertThat(r.err()).contains(phrases).doesNotContain("\tat ");
    }

    static String with(String from, String to) {
        assertThat(BODY).contains(from);
        return BODY.replace(from, to);
    }

    static CliTest.Run validate(Path tmp, String yaml) throws IOException {
        Path f = Files.writeString(tmp.resolve("s.yaml"), yaml);
        return CliTest.run("validate", f.toString());
    }

    @Test
    void wholeNumberFlagsBeyondTheirTypeNameTheAllowedRange(@TempDir Path tmp) {
        String out = tmp.resolve("o").toString();
        usage(CliTest.run("simulate", B, "--trials", "2147483648", "--out", out),
                "2147483648 trials is more than a run can hold: at most 2,147,483,647");
        usage(CliTest.run("simulate", B, "--threads", "2147483648", "--out", out),
                "--threads must be a whole number from 1 to 2,147,483,647", "got 2147483648");
        usage(CliTest.run("simulate", B, "--seed", "9223372036854775808", "--out", out),
                "--seed must be a whole number from 0 to 9,223,372,036,854,775,807", "got 9223372036854775808");
        usage(CliTest.run("sweep", B, "--set-range", "pain.exception_rate=0.1..0.2", "--steps", "2147483648",
                "--out", out), "--steps must be a whole number from 2 to 1001", "got 2147483648");
        usage(CliTest.run("pilot-plan", B, "--option", "orchestrate", "--months", "1,99999999999", "--out", out),
                "'99999999999' is not a whole number from -2,147,483,648 to 2,147,483,647");
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    @Test
    void aFormatListOfOnlyCommasIsRefusedNotTakenAsAll(@TempDir Path tmp) {
        usage(CliTest.run("simulate", B, "--format", ",", "--out", tmp.resolve("o").toString()),
                "--format: no format named (--format ',')");
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    @Test
    void aPilotFileWhereAScenarioBelongsIsOneLine(@TempDir Path tmp) {
        oneLine(CliTest.run("validate", PILOT_B), PILOT_B + ":", "this is a pilot file (it has months: and "
                + "scope_share:), not a scenario", "payback validate SCENARIO --pilot " + PILOT_B);
        oneLine(CliTest.run("compare", B, PILOT_B, "--out", tmp.resolve("o").toString()),
                "this is a pilot file");
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    @Test
    void aScenarioWhereAPilotFileBelongsIsOneLine(@TempDir Path tmp) {
        oneLine(CliTest.run("validate", B, "--pilot", B), B + ":", "this is a scenario file (it has business: "
                + "or options:), not a pilot file");
        oneLine(CliTest.run("pilot", B, B, "--out", tmp.resolve("o").toString()), "not a pilot file");
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    @Test
    void zeroOrNearZeroRevenueOrWageIsRefusedAndTheSmallestAllowedRunsToFiniteShares(@TempDir Path tmp)
            throws Exception {
        String must = "but it must stay above 0 in every trial (at least 1e-15)";
        oneLine(validate(tmp, with("average_order_value: 40", "average_order_value: 0")),
                "business.average_order_value: its values reach 0, " + must, "measured against revenue");
        oneLine(validate(tmp, with("orders_per_month: 5000", "orders_per_month: {uniform: [0, 100]}")),
                "business.orders_per_month: its values reach 0, " + must);
        oneLine(validate(tmp, with("loaded_labor_cost_per_hour: 30", "loaded_labor_cost_per_hour: 0")),
                "business.loaded_labor_cost_per_hour: its values reach 0, " + must,
                "measured against the labor cost of an FTE");
        oneLine(validate(tmp, with("average_order_value: 40", "average_order_value: 1e-16")), "reach 1.0E-16");
        oneLine(validate(tmp, with("loaded_labor_cost_per_hour: 30",
                "loaded_labor_cost_per_hour: {lognormal: [1e-14, 1e-12]}")),
                "10 standard deviations of this lognormal reach 8.3");
        // the same check for values set on the command line and swept
        CliTest.Run set = CliTest.run("simulate", B, "--set", "business.average_order_value=0", "--out",
                tmp.resolve("o").toString());
        assertThat(set.code()).isEqualTo(Cli.INVALID_INPUT);
        assertThat(set.err()).contains(must);

        // the floor itself is valid, and its shares and FTEs are finite numbers, not "n/a"
        String floor = with("average_order_value: 40", "average_order_value: 1e-15")
                .replace("loaded_labor_cost_per_hour: 30", "loaded_labor_cost_per_hour: 1e-15");
        Path f = Files.writeString(tmp.resolve("floor.yaml"), floor);
        CliTest.Run r = CliTest.run("simulate", f.toString(), "--trials", "500", "--format", "json", "--out",
                tmp.resolve("floor").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("n/a");
        JsonNode json = new ObjectMapper().readTree(tmp.resolve("floor/summary.json").toFile());
        assertThat(json.at("/pain_share_of_revenue/mean").isNumber()).as(json.toString()).isTrue();
        assertThat(json.at("/pain_fte/mean").isNumber()).isTrue();
        // hand-derived (docs/model.md section 2): the only pain is the labor of exceptions, O · e · 10/60 · w,
        // against revenue O · AOV; with w = AOV the share is e / 6 in every trial, and the mean of
        // pert [0.05, 0.1, 0.2] is (0.05 + 4 · 0.1 + 0.2) / 6. Over 500 trials the sample mean's
        // standard error is 1.1% of it (pert sd 0.0276): 5% is 4.4 standard errors (false failure < 1e-5)
        double expected = (0.05 + 4 * 0.1 + 0.2) / 6 / 6;
        assertThat(json.at("/pain_share_of_revenue/mean").asDouble()).isCloseTo(expected,
                org.assertj.core.data.Percentage.withPercentage(5));
    }

    @Test
    void aFirstYearWithoutOrdersIsRefused(@TempDir Path tmp) throws Exception {
        String zeros = "  seasonality: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]\n";
        oneLine(validate(tmp, with("  average_order_value: 40", zeros + "  average_order_value: 40")),
                "business.seasonality: every multiplier is 0: no month has orders");
        String closedJanuary = "  seasonality: [0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n";
        oneLine(validate(tmp, with("  average_order_value: 40", closedJanuary + "  annual_growth: "
                + "{uniform: [-1, 0.2]}\n  average_order_value: 40")),
                "business.seasonality: month 1 has no orders and annual_growth can reach -1");
        // a closed first month is fine while growth stays above -1, and so is a decline of 100% with
        // orders in month 1
        assertThat(validate(tmp, with("  average_order_value: 40", closedJanuary
                + "  annual_growth: {uniform: [-0.99, 0.2]}\n  average_order_value: 40")).code()).isZero();
        assertThat(validate(tmp, with("  average_order_value: 40", "  annual_growth: -1\n  average_order_value: 40"))
                .code()).isZero();
    }

    @Test
    void aNormalForAPositiveQuantityThatReachesZeroIsRefused(@TempDir Path tmp) throws Exception {
        oneLine(validate(tmp, with("orders_per_month: 5000", "orders_per_month: {normal: [5000, 2000]}")),
                "business.orders_per_month: this normal reaches -15000 within 10 standard deviations of its mean "
                        + "(draws below 0 would be clamped to 0)", "{ci90: [lo, hi]} with lo > 0 (a lognormal)");
        oneLine(validate(tmp, with("average_order_value: 40", "average_order_value: {ci90: [-5, 80]}")),
                "business.average_order_value: this normal reaches");
        // mean − 10 sd above 0: the sampler never draws beyond 9.1 sd, so no trial is clamped
        assertThat(validate(tmp, with("orders_per_month: 5000", "orders_per_month: {normal: [5000, 490]}")).code())
                .isZero();
    }

    @Test
    void aSweepChecksEverySweptValueBeforeTheFirstRun(@TempDir Path tmp) {
        // 1,000,000,000 trials a step (it fits in the tests' 2 GB heap) would run for many minutes on any
        // machine: the bad last value must be found before the first run
        CliTest.Run r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliTest.run("sweep", B,
                "--set-range", "pain.exception_rate=0..2", "--steps", "3", "--trials", "1000000000", "--out",
                tmp.resolve("o").toString()));
        assertThat(r.code()).as(r.err()).isEqualTo(Cli.INVALID_INPUT);
        assertThat(r.err()).contains("--set-range: pain.exception_rate:", "(the swept value 2)");
        CliTest.Run two = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliTest.run("sweep", B,
                "--set-range", "business.average_order_value=20..40", "--set-range", "pain.exception_rate=0..2",
                "--steps", "3", "--trials", "1000000000", "--out", tmp.resolve("o").toString()));
        assertThat(two.code()).as(two.err()).isEqualTo(Cli.INVALID_INPUT);
        assertThat(two.err()).contains("pain.exception_rate", "(the swept value 2)");
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    @Test
    void compareChecksEveryRunsMemoryBeforeTheFirstAndNamesTheOneThatDoesNotFit(@TempDir Path tmp)
            throws Exception {
        Path big = Files.writeString(tmp.resolve("big.yaml"), Files.readString(Path.of(B))
                .replaceFirst("simulation: \\{[^}]*\\}", "simulation: {trials: 2000000000, seed: 42}"));
        assertThat(Files.readString(big)).contains("trials: 2000000000");
        Path log = tmp.resolve("log.txt");
        // B's own 100,000 trials fit in 1 GB; the second file's 2,000,000,000 do not, and it is named before B runs
        Process p = ChildProcessTest.start(log, "-Xmx1g", "compare", B, big.toString(), "--out",
                tmp.resolve("o").toString());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(log);
        assertThat(p.exitValue()).as(err).isEqualTo(2);
        assertThat(err).contains(big + ": 2000000000 trials (simulation.trials) need about",
                "the largest trial count that fits").doesNotContain("\tat ", "Exception", "Wrote");
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    @Test
    void aPilotWhoseBaselineTheScenarioCannotProduceSaysSoInsteadOfAskingForMoreTrials(@TempDir Path tmp)
            throws Exception {
        // baseline 98.3% of orders with exceptions; scenario B's exception rate is pert [0.08, 0.14, 0.22]
        String pilot = Files.readString(Path.of(PILOT_B)).replace("orders: 2950, exceptions: 425",
                "orders: 2950, exceptions: 2900").replace("orders: 3050, exceptions: 430", "orders: 3050, exceptions: 3000");
        Path f = Files.writeString(tmp.resolve("pilot.yaml"), pilot);
        CliTest.Run r = CliTest.run("pilot", B, f.toString(), "--trials", "2000", "--out", tmp.resolve("o").toString());
        assertThat(r.code()).as(r.err()).isZero();
        String console = r.out().replaceAll("\\s+", " ");
        assertThat(console).contains("Warning: the pilot's baseline exception rate 0.9833 lies outside every "
                + "exception rate the scenario", "rather than running more trials").doesNotContain("--trials");
    }

    @Test
    void anUndeletablePreviousOutputIsAWarningAfterACompletePublish(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("o");
        String[] first = {"simulate", B, "--trials", "500", "--seed", "1", "--format", "json,html", "--out",
            out.toString()};
        assertThat(CliTest.run(first).code()).isZero();
        Path report = out.resolve("report.html");
        // chattr +i needs root and a filesystem with attributes; elsewhere this case cannot be made
        assumeTrue(new ProcessBuilder("chattr", "+i", report.toString()).start().waitFor() == 0,
                "chattr +i works here");
        List<Path> immutable = new ArrayList<>();
        try {
            CliTest.Run second = CliTest.run("simulate", B, "--trials", "500", "--seed", "2", "--format",
                    "json,html", "--out", out.toString());
            assertThat(second.code()).as(second.err()).isZero();
            assertThat(new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("seed").asLong())
                    .isEqualTo(2);
            assertThat(Files.readString(out.resolve("report.html"))).contains("seed 2");
            assertThat(second.err()).contains("payback: warning: could not delete all of", ".o.payback-old-",
                    "the new outputs are complete: delete that folder yourself");
            try (Stream<Path> s = Files.list(tmp)) {
                s.filter(p -> p.getFileName().toString().startsWith(".o.payback-old-"))
                        .forEach(p -> immutable.add(p.resolve("report.html")));
            }
            assertThat(immutable).hasSize(1);
            // the next run into the folder is not blocked by the leftover either
            CliTest.Run third = CliTest.run("simulate", B, "--trials", "500", "--seed", "3", "--format", "json",
                    "--out", out.toString());
            assertThat(third.code()).as(third.err()).isZero();
            assertThat(ChildProcessTest.names(out)).containsExactly(".payback-output", "summary.json");
        } finally {
            new ProcessBuilder("chattr", "-i", report.toString()).start().waitFor();
            for (Path p : immutable) {
                new ProcessBuilder("chattr", "-i", p.toString()).start().waitFor();
            }
        }
    }

    @Test
    void aRunWithFewerOptionsLeavesNoChartOfTheOldOnes(@TempDir Path tmp) throws Exception {
        String two = BODY + "  - id: second\n    kind: operate\n    one_time_cost: 5000\n    annual_cost: 1000\n"
                + "    implementation_months: 1\n    effects: {exception_rate: 0.2}\n";
        Path out = tmp.resolve("o");
        Path twoFile = Files.writeString(tmp.resolve("two.yaml"), two);
        Path oneFile = Files.writeString(tmp.resolve("one.yaml"), BODY);
        CliTest.Run r2 = CliTest.run("simulate", twoFile.toString(), "--trials", "500", "--format", "charts",
                "--out", out.toString());
        assertThat(r2.code()).as(r2.err()).isZero();
        List<String> before = ChildProcessTest.names(out.resolve("charts"));
        assertThat(String.join(",", before)).contains("second");
        CliTest.Run r1 = CliTest.run("simulate", oneFile.toString(), "--trials", "500", "--format", "charts",
                "--out", out.toString());
        assertThat(r1.code()).as(r1.err()).isZero();
        List<String> after = ChildProcessTest.names(out.resolve("charts"));
        assertThat(String.join(",", after)).doesNotContain("second");
        assertThat(r1.out()).contains("Wrote " + after.size() + " chart files");
    }

    @Test
    void simulateAndPilotOfTheSameBaseNameWriteTheirOwnDefaultFolders(@TempDir Path tmp) throws Exception {
        Path scenarios = Files.createDirectories(tmp.resolve("scenarios"));
        Path pilots = Files.createDirectories(tmp.resolve("pilots"));
        Path scenario = Files.copy(Path.of(B), scenarios.resolve("b.yaml"));
        Path pilot = Files.copy(Path.of(PILOT_B), pilots.resolve("b.yaml"));
        for (String[] args : List.of(new String[] {"simulate", scenario.toString(), "--trials", "500", "--format",
            "json"}, new String[] {"pilot", scenario.toString(), pilot.toString(), "--trials", "500"})) {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx256m", "-XX:+UseSerialGC", "-Djava.awt.headless=true", "-cp",
                    System.getProperty("java.class.path"), "dev.payback.cli.Main"));
            cmd.addAll(List.of(args));
            Path log = tmp.resolve("log.txt");
            Process p = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(Files.readString(log)).isZero();
        }
        JsonNode simulate = new ObjectMapper().readTree(tmp.resolve("out/b/summary.json").toFile());
        assertThat(simulate.has("options")).isTrue();
        assertThat(ChildProcessTest.names(tmp.resolve("out"))).containsExactly("b", "b-pilot");
    }
}
