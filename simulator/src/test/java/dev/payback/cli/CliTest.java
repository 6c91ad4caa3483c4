package dev.payback.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line: exit codes, messages and output files. */
class CliTest {
    static final String SCENARIO_B = dev.payback.Shipped.file("b_consumer_goods_multichannel.yaml");

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = Cli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void simulateWritesSummaryAndPrintsHeadlines(@TempDir Path tmp) throws Exception {
        Run r = run("simulate", SCENARIO_B, "--trials", "3000", "--seed", "5", "--out", tmp.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Annualized pain", "P(payback within)", "Max one-time cost",
                "Decision matrix score", "Wrote " + tmp.resolve("summary.json"));
        JsonNode json = new ObjectMapper().readTree(tmp.resolve("summary.json").toFile());
        assertThat(json.get("trials").asInt()).isEqualTo(3000);
        assertThat(json.get("seed").asLong()).isEqualTo(5);
        assertThat(json.at("/options/orchestrate/payback_probability/12").isNumber()).isTrue();
    }

    @Test
    void trialsCsvHasOneRowPerTrial(@TempDir Path tmp) throws Exception {
        Run r = run("simulate", SCENARIO_B, "--trials", "500", "--out", tmp.toString(), "--trials-csv");
        assertThat(r.code()).as(r.err()).isZero();
        var lines = Files.readAllLines(tmp.resolve("trials.csv"));
        assertThat(lines).hasSize(501);
        assertThat(lines.get(0)).startsWith("trial,business.orders_per_month,").contains("orchestrate.npv");
    }

    @Test
    void setOverridesAValue(@TempDir Path tmp) throws Exception {
        Run base = run("simulate", SCENARIO_B, "--trials", "2000", "--out", tmp.resolve("a").toString());
        Run worse = run("simulate", SCENARIO_B, "--trials", "2000", "--out", tmp.resolve("b").toString(),
                "--set", "pain.exception_rate={pert: [0.01, 0.02, 0.03]}");
        assertThat(base.code()).isZero();
        assertThat(worse.code()).as(worse.err()).isZero();
        ObjectMapper m = new ObjectMapper();
        double painBase = m.readTree(tmp.resolve("a/summary.json").toFile()).at("/annualized_pain/mean").asDouble();
        double painLow = m.readTree(tmp.resolve("b/summary.json").toFile()).at("/annualized_pain/mean").asDouble();
        assertThat(painLow).isLessThan(painBase);
    }

    @Test
    void everyCommandsHelpRendersCleanly() {
        // picocli reports a description it cannot format on System.err, not on the command's writer
        java.io.PrintStream systemErr = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (String command : List.of("simulate", "validate", "sweep", "compare", "pilot")) {
                Run r = run(command, "--help");
                assertThat(r.code()).as(command).isZero();
                assertThat(r.out()).as(command).startsWith("Usage: payback " + command);
                assertThat(r.out() + r.err()).as(command).doesNotContain("Could not format", "%n", "%%");
            }
        } finally {
            System.setErr(systemErr);
        }
        assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("Could not format");
    }

    @Test
    void validateChecksAPilotFileAgainstTheScenario(@TempDir Path tmp) throws Exception {
        Run ok = run("validate", SCENARIO_B, "--pilot", dev.payback.Shipped.file("b_consumer_goods_multichannel_pilot.yaml"));
        assertThat(ok.code()).as(ok.err()).isZero();
        // the exact lines: contains("valid") would also match "invalid"
        assertThat(ok.out()).isEqualTo(SCENARIO_B + ": valid" + System.lineSeparator()
                + dev.payback.Shipped.file("b_consumer_goods_multichannel_pilot.yaml") + ": valid"
                + System.lineSeparator());
        Path bad = Files.writeString(tmp.resolve("pilot.yaml"), """
                option: orchestrat
                scope_share: 0.25
                success_criteria: {exception_rate_reduction: 0.3}
                months:
                  - {month: 0, orders: 100, exceptions: 10}
                  - {month: 1, orders: 100, exceptions: 120}
                """);
        Run r = run("validate", SCENARIO_B, "--pilot", bad.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("pilot.yaml:1:9: option:", "did you mean orchestrate?")
                .contains("pilot.yaml:6:").doesNotContain("\tat ");
    }

    @Test
    void validateSaysValid() {
        Run r = run("validate", SCENARIO_B);
        assertThat(r.code()).isZero();
        // the exact line: contains("valid") would also match "invalid"
        assertThat(r.out()).isEqualTo(SCENARIO_B + ": valid" + System.lineSeparator());
    }

    @Test
    void usageErrorsExitWith2() {
        assertThat(run().code()).isEqualTo(2);
        assertThat(run("simulate").code()).isEqualTo(2);
        assertThat(run("frobnicate").code()).isEqualTo(2);
        assertThat(run("simulate", SCENARIO_B, "--trials", "many").code()).isEqualTo(2);
        Run zeroThreads = run("simulate", SCENARIO_B, "--threads", "0");
        assertThat(zeroThreads.code()).isEqualTo(2);
        assertThat(zeroThreads.err()).contains("--threads must be at least 1");
        Run negativeSeed = run("simulate", SCENARIO_B, "--seed", "-4");
        assertThat(negativeSeed.code()).isEqualTo(2);
        assertThat(negativeSeed.err()).contains("--seed must be 0 or more");
    }

    @Test
    void outPointingAtAFileIsRefused(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("report.txt"), "mine");
        Run r = run("simulate", SCENARIO_B, "--trials", "100", "--out", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("is a file, not a folder");
        assertThat(Files.readString(file)).isEqualTo("mine");
    }

    @Test
    void invalidScenarioExitsWith3AndOneLinePerProblem(@TempDir Path tmp) throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.yaml"), """
                name: bad
                business:
                  orders_per_month: 1000
                  average_order_value: 50
                  gross_margin: 0.4
                  loaded_labor_cost_per_hour: 30
                pain:
                  exeption_rate: 0.1
                options: []
                """);
        Run r = run("simulate", bad.toString(), "--out", tmp.resolve("o").toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("bad.yaml:8:3: pain.exeption_rate", "did you mean exception_rate?")
                .doesNotContain("Exception", "\tat ");
        assertThat(Files.exists(tmp.resolve("o/summary.json"))).isFalse();
        assertThat(run("validate", bad.toString()).code()).isEqualTo(3);
    }

    @picocli.CommandLine.Command(name = "boom")
    static final class Boom implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("disk on fire");
        }
    }

    @Test
    void unexpectedErrorsExitWith1WithoutStackTraceUnlessDebug() {
        CommandLine cl = Cli.commandLine().addSubcommand(new Boom());
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("boom")).isEqualTo(1);
        assertThat(err.toString()).contains("unexpected error: IllegalStateException: disk on fire", "--debug")
                .doesNotContain("\tat ");
        StringWriter err2 = new StringWriter();
        CommandLine cl2 = Cli.commandLine().addSubcommand(new Boom());
        cl2.setErr(new PrintWriter(err2));
        assertThat(cl2.execute("--debug", "boom")).isEqualTo(1);
        assertThat(err2.toString()).contains("\tat ");
    }

    @Test
    void missingFileExitsWith3() {
        Run r = run("validate", "no/such/file.yaml");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("no/such/file.yaml").doesNotContain("\tat ");
    }

    @Test
    void badOverrideExitsWith3() {
        Run r = run("validate", SCENARIO_B, "--set", "pain.exeption_rate=0.2");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("exception_rate");
    }
}
