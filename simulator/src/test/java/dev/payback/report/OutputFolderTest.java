package dev.payback.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checks {@link OutputFolder#open} makes before a run, and what its cleanup leaves alone. */
class OutputFolderTest {

    static void publish(Path target, String... names) throws Exception {
        try (OutputFolder f = OutputFolder.open(target)) {
            for (String n : names) {
                f.write(n, n.getBytes());
            }
            f.publish();
        }
    }

    static String[] list(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void anEmptyOutIsRefused() {
        assertThatThrownBy(() -> OutputFolder.open(Path.of(""))).isInstanceOf(OutputFolder.Refused.class)
                .hasMessageContaining("--out is empty");
    }

    @Test
    void aDanglingLinkIsRefusedAndALinkToAFolderIsFollowed(@TempDir Path tmp) throws Exception {
        Path dangling = Files.createSymbolicLink(tmp.resolve("dangling"), tmp.resolve("missing"));
        assertThatThrownBy(() -> OutputFolder.open(dangling)).isInstanceOf(OutputFolder.Refused.class)
                .hasMessageContaining("symbolic link to something missing");
        Path real = Files.createDirectory(tmp.resolve("real"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        publish(link, "a.txt");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real.resolve("a.txt")).hasContent("a.txt");
    }

    @Test
    void thingsInTheWayAreRefusedBeforeAnythingIsWritten(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertThatThrownBy(() -> OutputFolder.open(file)).hasMessageContaining("is a file, not a folder");
        assertThatThrownBy(() -> OutputFolder.open(file.resolve("sub"))).hasMessageContaining("is a file");

        Path out = tmp.resolve("out");
        publish(out, "summary.json", "charts/npv.svg");
        // a directory where payback's file was, a file where its folder was
        Files.delete(out.resolve("summary.json"));
        Files.createDirectory(out.resolve("summary.json"));
        assertThatThrownBy(() -> OutputFolder.open(out)).isInstanceOf(OutputFolder.Refused.class)
                .hasMessageContaining("holds summary.json/");
        Files.delete(out.resolve("summary.json"));
        Files.delete(out.resolve("charts/npv.svg"));
        Files.delete(out.resolve("charts"));
        Files.writeString(out.resolve("charts"), "a file");
        assertThatThrownBy(() -> OutputFolder.open(out)).isInstanceOf(OutputFolder.Refused.class)
                .hasMessageContaining("holds charts,");
        assertThat(out.resolve("charts")).hasContent("a file");
        assertThat(list(tmp)).containsExactly("file", "out");
    }

    @Test
    void theCurrentFolderWithTheUsersSummaryIsNeverReplaced(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("summary.json"), "the user's");
        assertThatThrownBy(() -> OutputFolder.open(tmp)).isInstanceOf(OutputFolder.Refused.class)
                .hasMessageContaining("holds summary.json, and it is not a folder payback wrote");
        assertThat(tmp.resolve("summary.json")).hasContent("the user's");
    }

    @Test
    void anEmptyFolderIsTakenAndAPublishReplacesTheSetAsAWhole(@TempDir Path tmp) throws Exception {
        Path out = Files.createDirectory(tmp.resolve("out"));
        publish(out, "a", "charts/b");
        assertThat(list(out)).containsExactly(".payback-output", "a", "charts");
        publish(out, "c");
        assertThat(list(out)).containsExactly(".payback-output", "c");
        assertThat(list(tmp)).containsExactly("out");
    }

    @Test
    void cleanupTouchesOnlyWhatCarriesPaybacksMarker(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        publish(out, "summary.json");
        // look-alikes of the user's: no marker inside, or a file
        Path lookAlike = Files.createDirectory(tmp.resolve(".out.payback-staging-mine"));
        Files.writeString(lookAlike.resolve("keep.txt"), "keep");
        Path oldLike = Files.writeString(tmp.resolve(".out.payback-old-x"), "keep");
        Path tmpLike = Files.writeString(tmp.resolve(".summary.json.12345.tmp"), "keep");
        // a killed run's staging folder, and a stale lock of a dead process (no kernel lock held)
        Path killed = Files.createDirectory(tmp.resolve(".out.payback-staging-abc"));
        Files.writeString(killed.resolve(OutputFolder.STAGING_MARKER), "pid 1");
        Files.writeString(killed.resolve("summary.json"), "half");
        Files.writeString(tmp.resolve(".out.payback-lock"), "999999\n");
        publish(out, "summary.json");
        assertThat(killed).doesNotExist();
        assertThat(lookAlike.resolve("keep.txt")).hasContent("keep");
        assertThat(oldLike).hasContent("keep");
        assertThat(tmpLike).hasContent("keep");
        assertThat(list(tmp)).containsExactly(".out.payback-old-x", ".out.payback-staging-mine",
                ".summary.json.12345.tmp", "out");
    }

    @Test
    void aSecondOpenOfTheSameTargetIsRefusedWhileTheFirstHoldsIt(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        try (OutputFolder first = OutputFolder.open(out)) {
            assertThatThrownBy(() -> OutputFolder.open(out)).isInstanceOf(OutputFolder.Refused.class)
                    .hasMessageContaining("is being written by another payback run (pid "
                            + ProcessHandle.current().pid() + ")");
            first.write("a", new byte[] {1});
            first.publish();
        }
        publish(out, "b");
        assertThat(list(out)).containsExactly(".payback-output", "b");
    }

    @Test
    void aFailedWriteLeavesTheTargetAndNoStaging(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        publish(out, "old");
        try (OutputFolder f = OutputFolder.open(out)) {
            f.write("new", new byte[] {1});
            assertThatThrownBy(() -> f.write("broken", o -> {
                throw new java.io.IOException("No space left on device");
            })).hasMessageContaining("could not write broken").hasMessageContaining("is unchanged");
        }
        assertThat(list(out)).containsExactly(".payback-output", "old");
        assertThat(list(tmp)).containsExactly("out");
    }
}
