package dev.payback.cli;

import dev.payback.report.OutputFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The output folder as a whole, with the CLI in a child JVM killed (SIGKILL is simulated with
 * {@code Runtime.halt}, which runs no shutdown hook either), interrupted (SIGINT, SIGTERM) or failed
 * (a write failure injected like a full disk) at the dangerous moments named by the test-only
 * property {@code payback.test.outputFolder}: after some files of the new set are written, after the
 * previous folder was moved aside, after the new one was moved in. Each time the folder holds the
 * complete previous set or the complete new one, and the next run leaves nothing of the killed one.
 */
class OutputFolderKillTest {
    static final String SCENARIO_B = CliTest.SCENARIO_B;

    static Process start(Path log, String point, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-XX:+UseSerialGC",
                "-Dpayback.test.outputFolder=" + point, "-cp", System.getProperty("java.class.path"),
                "dev.payback.cli.Main"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    static String[] simulate(Path out, String seed) {
        return new String[] {"simulate", SCENARIO_B, "--trials", "600", "--seed", seed, "--format", "json,csv,html",
            "--threads", "1", "--out", out.toString()};
    }

    /** Every file under {@code dir} with its content. */
    static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(p).toString(), Files.readString(p));
            }
        }
        return m;
    }

    /** The names in the parent folder, except the user's own file there. */
    static List<String> beside(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out.getParent())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("log.txt") && !n.equals("mine.txt"))
                    .sorted().toList();
        }
    }

    /** A previous complete run (seed 1) plus a user's file beside the folder; returns its contents. */
    static Map<String, String> previous(Path out) throws IOException {
        CliTest.Run r = CliTest.run(simulate(out, "1"));
        assertThat(r.code()).as(r.err()).isZero();
        Files.writeString(out.getParent().resolve("mine.txt"), "the user's");
        Map<String, String> before = contents(out);
        assertThat(before).containsKeys("summary.json", "summary.csv", "report.html", ".payback-output");
        return before;
    }

    /** Whether this JVM inherited SIGINT as ignored (Linux: bit 1 of SigIgn in /proc/self/status). */
    static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << 1)) != 0;
            }
        }
        return false;
    }

    static int finish(Process p) throws InterruptedException {
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    static void assertNextRunCleansUp(Path out) throws IOException {
        CliTest.Run next = CliTest.run(simulate(out, "3"));
        assertThat(next.code()).as(next.err()).isZero();
        assertThat(beside(out)).containsExactly(out.getFileName().toString());
        assertThat(contents(out).get("summary.json")).contains("\"seed\" : 3");
        assertThat(Files.readString(out.getParent().resolve("mine.txt"))).isEqualTo("the user's");
    }

    @Test
    void killedAfterSomeFilesWereWrittenLeavesThePreviousSetWhole(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Map<String, String> before = previous(out);
        for (int written = 1; written <= 3; written++) {
            Process p = start(tmp.resolve("log.txt"), "kill-after-write:" + written, simulate(out, "2"));
            assertThat(finish(p)).as(Files.readString(tmp.resolve("log.txt"))).isEqualTo(137);
            assertThat(contents(out)).isEqualTo(before);
            // only the killed run's marked staging folder is left beside it
            assertThat(beside(out)).anyMatch(n -> n.startsWith(".out.payback-staging-"));
        }
        assertNextRunCleansUp(out);
    }

    @Test
    void killedAfterThePreviousSetWasMovedAsideTheNextRunPutsItBack(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Map<String, String> before = previous(out);
        Process p = start(tmp.resolve("log.txt"), "kill-publish-aside", simulate(out, "2"));
        assertThat(finish(p)).isEqualTo(137);
        assertThat(out).doesNotExist();
        assertThat(beside(out)).anyMatch(n -> n.startsWith(".out.payback-old-"));
        // opening the folder (as every run does first) restores the previous set, whole
        try (OutputFolder f = OutputFolder.open(out)) {
            assertThat(f.target()).isEqualTo(out);
            assertThat(contents(out)).isEqualTo(before);
        }
        assertThat(beside(out)).containsExactly("out");
        assertNextRunCleansUp(out);
    }

    @Test
    void killedAfterTheSwapLeavesTheNewSetWhole(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        previous(out);
        Process p = start(tmp.resolve("log.txt"), "kill-publish-swapped", simulate(out, "2"));
        assertThat(finish(p)).isEqualTo(137);
        Map<String, String> now = contents(out);
        assertThat(now.keySet()).containsExactly(".payback-output", "cashflow.csv", "report.html", "summary.csv",
                "summary.json");
        assertThat(now.get("summary.json")).contains("\"seed\" : 2");
        assertThat(now.get("report.html")).contains("seed 2");
        assertNextRunCleansUp(out);
    }

    @Test
    void aFullDiskFailsTheRunAndChangesNothing(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Map<String, String> before = previous(out);
        Process p = start(tmp.resolve("log.txt"), "fail-write:2", simulate(out, "2"));
        String log;
        assertThat(finish(p)).as(log = Files.readString(tmp.resolve("log.txt"))).isEqualTo(1);
        assertThat(log).contains("No space left on device", "is unchanged").doesNotContain("\tat ",
                "unexpected error");
        assertThat(contents(out)).isEqualTo(before);
        assertThat(beside(out)).containsExactly("out");
    }

    @Test
    void sigtermAndSigintLeaveNothingBehind(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Map<String, String> before = previous(out);
        // A process started in the background by a non-interactive shell (as CI may start the build)
        // inherits SIGINT as ignored, and so do the child JVMs of this test: then Ctrl-C cannot reach
        // them and only SIGTERM is checked.
        List<String> signals = sigintIgnored() ? List.of("TERM") : List.of("TERM", "INT");
        for (String signal : signals) {
            Path log = tmp.resolve("log.txt");
            Process p = start(log, "pause-after-write:2", simulate(out, "2"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!Files.readString(log).contains("PAUSED") && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(Files.readString(log)).contains("PAUSED at after-write:2");
            assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor()).isZero();
            assertThat(finish(p)).as(signal).isEqualTo(signal.equals("TERM") ? 143 : 130);
            assertThat(contents(out)).isEqualTo(before);
            assertThat(beside(out)).as(signal).containsExactly("out");
        }
    }

    @Test
    void aSecondRunIntoTheSameFolderIsRefusedAtOnceAndADeadRunsLockIsTakenOver(@TempDir Path tmp)
            throws Exception {
        Path out = tmp.resolve("out");
        Map<String, String> before = previous(out);
        Path log = tmp.resolve("log.txt");
        Process first = start(log, "pause-after-write:1", simulate(out, "2"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.readString(log).contains("PAUSED") && first.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(Files.readString(log)).contains("PAUSED");
        long t0 = System.nanoTime();
        CliTest.Run second = CliTest.run(simulate(out, "3"));
        // refused at once, not after waiting: the first run stays paused until it is killed below, so a
        // second run that waited for the lock would never return; 60 s is a generous bound for "at once"
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).isLessThan(60);
        assertThat(second.code()).isEqualTo(2);
        assertThat(second.err()).contains("is being written by another payback run (pid " + first.pid() + ")",
                "wait for it to finish, or name another folder");
        assertThat(contents(out)).isEqualTo(before);

        first.destroyForcibly();
        finish(first);
        assertThat(beside(out)).contains(".out.payback-lock");
        assertNextRunCleansUp(out);
    }
}
