package dev.payback.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A one-trial run (the smallest --trials allows) reads as one future, and says sensitivity needs two. */
class SingleTrialTest {
    @Test
    void oneTrialIsOneFutureAndItsDriversAreNotMeasurable(@TempDir Path tmp) throws Exception {
        CliTest.Run r = CliTest.run("simulate", CliTest.SCENARIO_B, "--trials", "1", "--format", "json,html",
                "--out", tmp.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 simulated future (trials)")
                .contains("Not measurable from a single simulated future")
                .doesNotContain("1 simulated futures")
                .doesNotContain("every input of the scenario is fixed");
        assertThat(Files.readString(tmp.resolve("report.html"))).contains("1 simulated future ·")
                .doesNotContain("1 simulated futures");
    }

    @Test
    void twoTrialsAreFutures(@TempDir Path tmp) throws Exception {
        CliTest.Run r = CliTest.run("simulate", CliTest.SCENARIO_B, "--trials", "2", "--format", "json",
                "--out", tmp.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("2 simulated futures (trials)").doesNotContain("Not measurable");
    }
}
