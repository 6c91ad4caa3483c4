package dev.payback.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README, "Sweeps": "The file names carry the swept input(s), so sweeping another input never
 * overwrites a sweep". The folder is still published as a whole; the sweeps of other inputs in it
 * are carried into the new set.
 */
class SweepFolderTest {
    static final String EXC = "pain.exception_rate";
    static final String COST = "options.orchestrate.one_time_cost";

    @Test
    void aSweepOfAnotherInputKeepsTheEarlierSweep(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("sweeps");
        CliTest.Run first = CliTest.run("sweep", CliTest.SCENARIO_B, "--set-range", EXC + "=0.05..0.2", "--steps", "3",
                "--trials", "500", "--out", out.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).doesNotContain("Kept there");
        // the break-even lines' values start in one column, after the longest option id
        List<String> breakEven = first.out().lines().filter(l -> l.startsWith("  operate ")
                || l.startsWith("  orchestrate ") || l.startsWith("  orchestrate_staged ")).toList();
        assertThat(breakEven).hasSize(6);
        for (String l : breakEven) {
            assertThat(l.charAt("  orchestrate_staged ".length())).as(l).isNotEqualTo(' ');
            assertThat(l.substring(0, "  orchestrate_staged ".length())).as(l).endsWith(" ");
        }
        byte[] firstJson = Files.readAllBytes(out.resolve("sweep-" + EXC + ".json"));

        CliTest.Run grid = CliTest.run("sweep", CliTest.SCENARIO_B, "--set-range", EXC + "=0.05..0.2", "--set-range",
                COST + "=0..100000", "--steps", "2", "--trials", "500", "--out", out.toString());
        assertThat(grid.code()).as(grid.err()).isZero();
        CliTest.Run other = CliTest.run("sweep", CliTest.SCENARIO_B, "--set-range", COST + "=0..100000", "--steps",
                "3", "--trials", "500", "--out", out.toString());
        assertThat(other.code()).as(other.err()).isZero();
        assertThat(other.out()).contains("Kept there from earlier sweeps of other inputs:",
                "  sweep-" + EXC + ".json", "  sweep-" + EXC + "--" + COST + ".html");

        assertThat(names(out)).containsExactly(".payback-output",
                "sweep-" + COST + ".csv", "sweep-" + COST + ".html", "sweep-" + COST + ".json",
                "sweep-" + COST + ".png", "sweep-" + COST + ".svg",
                "sweep-" + EXC + "--" + COST + ".csv", "sweep-" + EXC + "--" + COST + ".html",
                "sweep-" + EXC + "--" + COST + ".json",
                "sweep-" + EXC + ".csv", "sweep-" + EXC + ".html", "sweep-" + EXC + ".json",
                "sweep-" + EXC + ".png", "sweep-" + EXC + ".svg");
        // the kept files are the earlier run's bytes, and listed in the marker as payback's
        assertThat(Files.readAllBytes(out.resolve("sweep-" + EXC + ".json"))).isEqualTo(firstJson);
        assertThat(Files.readAllLines(out.resolve(".payback-output"))).contains("sweep-" + EXC + ".json",
                "sweep-" + COST + ".json");

        // the same input again replaces its own files and keeps the others
        CliTest.Run again = CliTest.run("sweep", CliTest.SCENARIO_B, "--set-range", EXC + "=0.1..0.3", "--steps", "3",
                "--trials", "500", "--out", out.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(Files.readAllBytes(out.resolve("sweep-" + EXC + ".json"))).isNotEqualTo(firstJson);
        assertThat(names(out)).hasSize(14);
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
