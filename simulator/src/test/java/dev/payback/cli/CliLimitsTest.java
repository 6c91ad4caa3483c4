package dev.payback.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

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
    void weakMessagesOfIssue16SayWhatToDo(@TempDir Path tmp) {
        String out = tmp.resolve("o").toString();
        // the per-thread buffers of 100,000 threads do not fit: the advice is fewer threads, not --trials 0
        CliTest.Run threads = CliTest.run("simulate", B, "--threads", "100000", "--out", out);
        usage(threads, "--threads 100000 needs about");
        assertThat(threads.err()).contains("use at most --threads").doesNotContain("--trials 0");
        usage(CliTest.run("simulate", B, "--format", "", "--out", out), "--format: no format named (--format '')");
        usage(CliTest.run("compare", B, "--out", out),
                "compare needs at least two runs, got 1: to look at one scenario use payback simulate, or compare it "
                        + "with a preset of itself: compare FILE FILE@PRESET");
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    @Test
    void outUnderARegularFileIsRefusedBeforeTheRun(@TempDir Path tmp) throws Exception {
        // tests run as root, where permission bits do not stop writes: a path under a file cannot be made by anyone
        Path file = Files.writeString(tmp.resolve("report.txt"), "mine");
        // 500,000,000 trials fit in the heap but take minutes: a refusal within a generous 60 s came before the run
        CliTest.Run r = assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
                CliTest.run("simulate", B, "--trials", "500000000", "--out", file.resolve("deeper/out").toString()));
        usage(r, "cannot be created: " + file + " is a file, not a folder");
        assertThat(Files.readString(file)).isEqualTo("mine");
    }

    /**
     * Memory no longer grows with trials beyond the retained-trial cap, so only a small heap can be
     * too small: a child JVM with 128 MB stands in for a user's small machine.
     */
    @Test
    void aTrialCountThatCannotFitInTheHeapIsRefusedBeforeTheRunNamingTheLargestThatFits(@TempDir Path tmp)
            throws Exception {
        Path out = tmp.resolve("o");
        Path log = tmp.resolve("log.txt");
        Process p = ChildProcessTest.start(log, "-Xmx128m", "simulate", B, "--trials", "2000000000", "--out",
                out.toString());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(log);
        assertThat(p.exitValue()).as(err).isEqualTo(2);
        assertThat(err).containsPattern("the largest trial count that fits is [1-9][0-9]{3,} \\(run with --trials [0-9]+")
                .doesNotContain("\tat ", "Exception");
        assertThat(err.split("\n")[0]).startsWith("payback: 2000000000 trials need about");
        assertThat(out).doesNotExist();

        Path log2 = tmp.resolve("log2.txt");
        Process q = ChildProcessTest.start(log2, "-Xmx128m", "simulate", B, "--set", "simulation.trials=2000000000",
                "--out", out.toString());
        assertThat(q.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(q.exitValue()).isEqualTo(2);
        assertThat(Files.readString(log2)).contains("2000000000 trials (simulation.trials) need about");
    }
}
