package dev.payback.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Command-line limits: each is exit 2 with a clear line, before any work or any file is made. */
class CliLimitsTest {
    static final String B = CliTest.SCENARIO_B;

    static void usage(CliTest.Run r, String phrase) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(phrase).doesNotContain("\tat ", "Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void threadsTrialsAndSeedsOutOfRange(@TempDir Path tmp) {
        String out = tmp.resolve("o").toString();
        usage(CliTest.run("simulate", B, "--threads", "-3", "--out", out), "--threads must be at least 1, got -3");
        usage(CliTest.run("simulate", B, "--trials", "0", "--out", out), "--trials must be at least 1, got 0");
        usage(CliTest.run("simulate", B, "--trials", "-100", "--out", out), "--trials must be at least 1");
        usage(CliTest.run("simulate", B, "--trials", "3000000000", "--out", out), "--trials");
        usage(CliTest.run("simulate", B, "--seed", "-1", "--out", out), "--seed must be 0 or more, got -1");
        usage(CliTest.run("simulate", B, "--seed", "99999999999999999999", "--out", out), "--seed");
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    @Test
    void outUnderARegularFileIsRefusedBeforeTheRun(@TempDir Path tmp) throws Exception {
        // tests run as root, where permission bits do not stop writes: a path under a file cannot be made by anyone
        Path file = Files.writeString(tmp.resolve("report.txt"), "mine");
        CliTest.Run r = assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                CliTest.run("simulate", B, "--trials", "100000", "--out", file.resolve("deeper/out").toString()));
        usage(r, "cannot be created: " + file + " is a file, not a folder");
        assertThat(Files.readString(file)).isEqualTo("mine");
    }

    @Test
    void aTrialCountThatCannotFitInTheHeapIsRefusedBeforeTheRunNamingTheLargestThatFits(@TempDir Path tmp) {
        Path out = tmp.resolve("o");
        CliTest.Run r = assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                CliTest.run("simulate", B, "--trials", "2000000000", "--out", out.toString()));
        usage(r, "2000000000 trials need about");
        assertThat(r.err()).containsPattern("the largest trial count that fits is [1-9][0-9]{3,} \\(run with --trials [0-9]+");
        assertThat(r.err().split("\n")[0]).startsWith("payback: 2000000000 trials need about");
        assertThat(out).doesNotExist();
    }

    @Test
    void aTrialCountFromTheFileIsNamedAsSuch(@TempDir Path tmp) {
        CliTest.Run r = CliTest.run("simulate", B, "--set", "simulation.trials=2000000000", "--out",
                tmp.resolve("o").toString());
        usage(r, "2000000000 trials (simulation.trials) need about");
    }
}
