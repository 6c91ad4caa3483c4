package dev.payback.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One command never replaces another's outputs: the {@code .payback-output} marker names the command
 * that wrote the folder, and a run of another command into it is refused before the run (exit 2),
 * whether the folder is its default or named with --out. The same command replaces its own folder;
 * a marker written before the command was recorded is accepted by every command.
 */
class OutputFolderCommandsTest {
    static final String B = CliTest.SCENARIO_B;
    static final String PILOT_B = dev.payback.Shipped.file("b_consumer_goods_multichannel_pilot.yaml");

    /** Every file under {@code dir} (the marker included) with its bytes. */
    static Map<String, List<Byte>> bytes(Path dir) throws IOException {
        Map<String, List<Byte>> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                byte[] b = Files.readAllBytes(p);
                List<Byte> l = new ArrayList<>(b.length);
                for (byte x : b) {
                    l.add(x);
                }
                m.put(dir.relativize(p).toString(), l);
            }
        }
        return m;
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void pilotIntoTheFolderSimulateWroteIsRefusedAndLeavesItByteForByte(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("o");
        CliTest.Run first = CliTest.run("simulate", B, "--trials", "800", "--format", "json,csv,html", "--out",
                out.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(Files.readAllLines(out.resolve(".payback-output"))).contains("# command: simulate",
                "summary.json", "summary.csv", "report.html");
        Map<String, List<Byte>> before = bytes(out);

        CliTest.Run second = CliTest.run("pilot", B, PILOT_B, "--trials", "800", "--out", out.toString());
        assertThat(second.code()).isEqualTo(2);
        assertThat(second.out()).isEmpty();
        // one line saying what is wrong and what to do, then the usual line of every usage error
        assertThat(second.err().lines()).containsExactly("payback: the output folder " + out
                + " holds the outputs of payback simulate (its .payback-output says so), and a pilot run does not "
                + "replace another command's outputs: name another folder with --out, or delete " + out + " first",
                "Try 'payback pilot --help' for more information.");
        assertThat(bytes(out)).isEqualTo(before);
        // refused before the run: no staging folder, no lock left beside it
        assertThat(names(tmp)).containsExactly("o");

        // and the other way round
        Path pilotOut = tmp.resolve("p");
        assertThat(CliTest.run("pilot", B, PILOT_B, "--trials", "800", "--out", pilotOut.toString()).code()).isZero();
        Map<String, List<Byte>> pilotBefore = bytes(pilotOut);
        CliTest.Run simulate = CliTest.run("simulate", B, "--trials", "800", "--format", "json", "--out",
                pilotOut.toString());
        assertThat(simulate.code()).isEqualTo(2);
        assertThat(simulate.err()).contains("holds the outputs of payback pilot");
        assertThat(bytes(pilotOut)).isEqualTo(pilotBefore);
    }

    @Test
    void theSameCommandTwiceReplacesItsFolder(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("o");
        assertThat(CliTest.run("simulate", B, "--trials", "800", "--seed", "1", "--format", "json,html", "--out",
                out.toString()).code()).isZero();
        CliTest.Run again = CliTest.run("simulate", B, "--trials", "900", "--seed", "2", "--format", "json", "--out",
                out.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(names(out)).containsExactly(".payback-output", "summary.json");
        assertThat(Files.readString(out.resolve("summary.json"))).contains("\"trials\" : 900");
        assertThat(Files.readAllLines(out.resolve(".payback-output"))).containsExactly(
                "# payback output folder: the next payback simulate run into it replaces it as a whole; another "
                        + "command is refused.",
                "# command: simulate", "summary.json");
    }

    @Test
    void aMarkerWithoutTheCommandLineIsAcceptedByAnyCommand(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("o");
        assertThat(CliTest.run("simulate", B, "--trials", "800", "--format", "json", "--out", out.toString()).code())
                .isZero();
        // the marker as payback wrote it before it recorded the command
        Files.writeString(out.resolve(".payback-output"),
                "# payback output folder: the next payback run into it replaces it as a whole.\nsummary.json\n");
        CliTest.Run pilot = CliTest.run("pilot", B, PILOT_B, "--trials", "800", "--out", out.toString());
        assertThat(pilot.code()).as(pilot.err()).isZero();
        assertThat(Files.readAllLines(out.resolve(".payback-output"))).contains("# command: pilot");
        assertThat(names(out)).contains("pilot.html", "pilot.png");
    }

    /**
     * The case that made the rule: {@code simulate scenarios/b-pilot.yaml} and
     * {@code pilot s.yaml pilots/b.yaml} both default to {@code out/b-pilot/}; the second is refused.
     */
    @Test
    void twoCommandsWhoseDefaultFoldersCoincideDoNotReplaceEachOther(@TempDir Path tmp) throws Exception {
        Path scenario = Files.copy(Path.of(B), Files.createDirectories(tmp.resolve("scenarios")).resolve("b-pilot.yaml"));
        Path pilot = Files.copy(Path.of(PILOT_B), Files.createDirectories(tmp.resolve("pilots")).resolve("b.yaml"));
        Path log = tmp.resolve("log.txt");
        assertThat(child(tmp, log, "simulate", scenario.toString(), "--trials", "500", "--format", "json"))
                .as(Files.readString(log)).isZero();
        Path folder = tmp.resolve("out/b-pilot");
        Map<String, List<Byte>> before = bytes(folder);
        assertThat(child(tmp, log, "pilot", scenario.toString(), pilot.toString(), "--trials", "500")).isEqualTo(2);
        assertThat(Files.readString(log)).contains("the output folder out" + tmp.getFileSystem().getSeparator()
                + "b-pilot holds the outputs of payback simulate");
        assertThat(bytes(folder)).isEqualTo(before);
    }

    private static int child(Path dir, Path log, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), "dev.payback.cli.Main"));
        cmd.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }
}
