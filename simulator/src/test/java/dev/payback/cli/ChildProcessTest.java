package dev.payback.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI in a child JVM ({@code dev.payback.cli.Main} on the test class path), killed with
 * SIGKILL mid-run (once its staging folder exists, not after a fixed time): the previous summary.json stays byte-identical and a user's file beside --out
 * survives (kills at the dangerous moments of the write: {@link OutputFolderKillTest}).
 * Also checks that the largest trial count the memory check allows really runs in that heap.
 */
class ChildProcessTest {
    static final String SCENARIO_B = CliTest.SCENARIO_B;

    static Process start(Path log, String heap, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap, "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "dev.payback.cli.Main"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The staging folders of runs into {@code tmp/out} that have not published. */
    static List<String> staging(Path tmp) throws Exception {
        return names(tmp).stream().filter(n -> n.startsWith(".out.payback-staging-")).toList();
    }

    /** A finished small run in {@code out} plus a user's notes.txt; returns the summary's bytes. */
    static byte[] previousRun(Path out) throws Exception {
        CliTest.Run r = CliTest.run("simulate", SCENARIO_B, "--trials", "500", "--format", "json", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Files.writeString(out.resolveSibling("notes.txt"), "my notes, not payback's");
        return Files.readAllBytes(out.resolve("summary.json"));
    }

    @Test
    void killedDuringTheRunLeavesThePreviousSummaryIntact(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        byte[] before = previousRun(out);
        List<String> namesBefore = names(out);
        // 5,000,000 trials on one thread take seconds even on a fast machine: the run cannot reach its
        // publish step between the moment its staging folder appears and the kill (a few milliseconds)
        Process p = start(tmp.resolve("log.txt"), "-Xmx1g", "simulate", SCENARIO_B, "--format", "json", "--trials",
                "5000000", "--threads", "1", "--out", out.toString());
        // the kill point: the run has opened its output folder (its staging folder exists), so it is past
        // loading and inside the engine; waiting on that event, not on a clock, works on any machine load
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (staging(tmp).isEmpty() && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(staging(tmp)).as("the run opened its output folder").hasSize(1);
        assertThat(p.isAlive()).as("the run must still be going when it is killed").isTrue();
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(tmp.resolve("log.txt"))).as("the run had started").isEmpty();
        assertThat(Files.readAllBytes(out.resolve("summary.json"))).isEqualTo(before);
        assertThat(names(out)).isEqualTo(namesBefore);
        assertThat(Files.readString(out.resolveSibling("notes.txt"))).isEqualTo("my notes, not payback's");
    }

    @Test
    void theLargestTrialCountNamedByTheMemoryCheckRunsInThatHeap(@TempDir Path tmp) throws Exception {
        Path log = tmp.resolve("refused.txt");
        Process refused = start(log, "-Xmx256m", "simulate", SCENARIO_B, "--trials", "2000000000", "--out",
                tmp.resolve("o1").toString());
        assertThat(refused.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String message = Files.readString(log);
        assertThat(refused.exitValue()).as(message).isEqualTo(2);
        assertThat(tmp.resolve("o1")).doesNotExist();
        Matcher m = Pattern.compile("the largest trial count that fits is (\\d+)").matcher(message);
        assertThat(m.find()).as(message).isTrue();
        int largest = Integer.parseInt(m.group(1));
        assertThat(largest).isGreaterThan(1_000);

        Path ok = tmp.resolve("ok.txt");
        Process run = start(ok, "-Xmx256m", "simulate", SCENARIO_B, "--trials", Integer.toString(largest),
                "--threads", "2", "--out", tmp.resolve("o2").toString());
        assertThat(run.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(Files.readString(ok)).isZero();
        assertThat(tmp.resolve("o2/summary.json")).exists();
    }
}
