package dev.payback.report;

import dev.payback.cli.Cli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be proved of durability without cutting the power: every file a command publishes went
 * through {@link OutputFolder}'s forcing code once, when it was complete (its length at the force is
 * its published length), every folder of the published tree was forced before the swap, and the
 * parent folder after it. A write path that bypassed the forcing would leave a file without its force.
 * (The kill and recovery tests, OutputFolderKillTest, run the same code.)
 */
class OutputFolderDurabilityTest {
    private final List<OutputFolder.Forced> seen = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopListening() {
        OutputFolder.forcedSeen = null;
    }

    private void run(Path out, String... args) {
        OutputFolder.forcedSeen = f -> {
            if (f.path().startsWith(out.getParent())) {
                seen.add(f);
            }
        };
        CommandLine cl = Cli.commandLine();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--out", out.toString()));
        assertThat(cl.execute(all.toArray(String[]::new))).as(err.toString()).isZero();
    }

    /** Checks the forces of one published folder against what it holds. */
    private void assertEverythingForced(Path out) throws Exception {
        Map<Path, Long> files = new TreeMap<>();
        List<Path> folders = new ArrayList<>();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.toList()) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    folders.add(p);
                } else {
                    files.put(p, Files.size(p));
                }
            }
        }
        assertThat(files).containsKey(out.resolve(OutputFolder.OUTPUT_MARKER));
        Map<Path, Long> forcedFiles = new TreeMap<>();
        for (OutputFolder.Forced f : seen) {
            if (!f.folder()) {
                assertThat(forcedFiles.put(f.path(), f.bytes())).as("forced twice: " + f.path()).isNull();
            }
        }
        // each published file once, with its published length; nothing forced that was not published
        assertThat(forcedFiles).isEqualTo(files);
        List<Path> forcedFolders = seen.stream().filter(OutputFolder.Forced::folder).map(OutputFolder.Forced::path)
                .toList();
        assertThat(forcedFolders).containsExactlyInAnyOrderElementsOf(
                Stream.concat(folders.stream(), Stream.of(out.getParent())).toList());
        // files before folders, the parent (the renames) last
        int firstFolder = seen.indexOf(seen.stream().filter(OutputFolder.Forced::folder).findFirst().orElseThrow());
        assertThat(seen.subList(firstFolder, seen.size())).allMatch(OutputFolder.Forced::folder);
        assertThat(seen.get(seen.size() - 1).path()).isEqualTo(out.getParent());
        // a folder is forced after the folders inside it
        assertThat(forcedFolders.indexOf(out)).isEqualTo(forcedFolders.size() - 2);
    }

    @Test
    void everyFileOfSimulateWithEveryOutputIsForcedOnceWhenComplete(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("sim");
        run(out, "simulate", dev.payback.Shipped.file("b_consumer_goods_multichannel.yaml"), "--trials", "1500",
                "--threads", "2", "--trials-csv");
        try (Stream<Path> charts = Files.list(out.resolve("charts"))) {
            assertThat(charts.count()).isGreaterThan(10);
        }
        assertThat(out.resolve("report.pdf")).exists();
        assertThat(out.resolve("business-case.xlsx")).exists();
        assertEverythingForced(out);
    }

    @Test
    void everyOtherCommandsFilesAreForcedToo(@TempDir Path tmp) throws Exception {
        String b = dev.payback.Shipped.file("b_consumer_goods_multichannel.yaml");
        List<String[]> commands = List.of(
                new String[] {"sweep", b, "--set-range", "pain.exception_rate=0.1..0.2", "--steps", "2", "--trials",
                    "500"},
                new String[] {"compare", b, b + "@peak_season", "--trials", "500"},
                new String[] {"pilot", b, dev.payback.Shipped.file("b_consumer_goods_multichannel_pilot.yaml"),
                    "--trials", "500"},
                new String[] {"pilot-plan", b, "--option", "orchestrate", "--trials", "500"});
        for (String[] c : commands) {
            seen.clear();
            Path out = Files.createDirectory(tmp.resolve(c[0]));
            run(out.resolve("o"), c);
            assertEverythingForced(out.resolve("o"));
        }
    }

    @Test
    void aPreviousFolderPutBackByTheNextRunHasItsRenameForced(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("o");
        try (OutputFolder f = OutputFolder.open(out, "simulate")) {
            f.write("kept.txt", new byte[] {7});
            f.publish();
        }
        // what a run killed between its two renames leaves (OutputFolderKillTest's publish-aside): the
        // previous folder aside under its old- name, its staging folder, no target
        Path aside = tmp.resolve(".o.payback-old-k1");
        Files.move(out, aside);
        Path staging = Files.createDirectory(tmp.resolve(".o.payback-staging-k1"));
        Files.writeString(staging.resolve(OutputFolder.STAGING_MARKER), "killed\n");
        // each force of the parent folder, with what stood in it then
        List<String> parentForces = new CopyOnWriteArrayList<>();
        OutputFolder.forcedSeen = f -> {
            seen.add(f);
            if (f.path().equals(tmp)) {
                parentForces.add("target " + Files.exists(out) + ", aside " + Files.exists(aside));
            }
        };
        try (OutputFolder f = OutputFolder.open(out, "simulate")) {
            // put back and forced before the run writes anything
            assertThat(out.resolve("kept.txt")).hasBinaryContent(new byte[] {7});
            assertThat(staging).doesNotExist();
            assertThat(seen).containsExactly(new OutputFolder.Forced(tmp, true, 0));
            assertThat(parentForces).containsExactly("target true, aside false");
            assertThat(f.warnings()).isEmpty();
        }
        // nothing to put back: the parent is not forced on opening
        seen.clear();
        try (OutputFolder f = OutputFolder.open(out, "simulate")) {
            assertThat(seen).isEmpty();
            assertThat(f.warnings()).isEmpty();
        }
    }

    @Test
    void aWriterThatClosesTheStreamStillHasItsFileForced(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("o");
        OutputFolder.forcedSeen = seen::add;
        try (OutputFolder f = OutputFolder.open(out, "simulate")) {
            f.write("closed-by-writer.txt", s -> {
                s.write(new byte[] {1, 2, 3});
                s.close();
            });
            f.write("sub/dir/deep.txt", new byte[5]);
            f.publish();
        }
        assertEverythingForced(out);
        assertThat(out.resolve("closed-by-writer.txt")).hasBinaryContent(new byte[] {1, 2, 3});
    }
}
