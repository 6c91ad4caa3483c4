package dev.payback.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run shorter than the progress delay must not wait for it: closing the progress ends its printing
 * thread at once (it used to sleep out the two-second delay, holding every short command up to a second
 * in close()'s join).
 */
class RunProgressTest {
    @Test
    void closingAShortRunEndsThePainterAtOnce() {
        RunProgress progress = RunProgress.start("test");
        progress.batch(10, "");
        progress.accept(10);
        assertThat(progress.painting()).isTrue();   // still inside its delay
        progress.close();
        assertThat(progress.painting()).isFalse();
    }

    @Test
    void durationsReadAsAPersonWouldSayThem() {
        assertThat(RunProgress.duration(45)).isEqualTo("45 s");
        assertThat(RunProgress.duration(200)).isEqualTo("3 min 20 s");
        assertThat(RunProgress.duration(7500)).isEqualTo("2 h 5 min");
    }
}
