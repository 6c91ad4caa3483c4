package dev.payback.report;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up row of --timings counts from the launcher's time, precise to the microsecond, unless it
 * cannot belong to this process; the process's start as Linux reports it may be up to a second early.
 */
class StageTimesStartTest {
    private static final Instant PROCESS = Instant.parse("2026-12-03T06:00:00.500Z");

    @Test
    void theLauncherTimeCountsWhenItCanBeThisProcess() {
        long epoch = PROCESS.getEpochSecond();
        // 0.25 s before the process's start as the OS reports it (a clock tick late, say)
        assertThat(StageTimes.startOfCommand(Optional.of(PROCESS), epoch + ".250000"))
                .contains(Instant.parse("2026-12-03T06:00:00.250Z"));
        assertThat(StageTimes.startOfCommand(Optional.of(PROCESS), epoch + ",250000"))
                .contains(Instant.parse("2026-12-03T06:00:00.250Z"));             // a locale's decimal comma
        assertThat(StageTimes.startOfCommand(Optional.empty(), epoch + ".5"))
                .contains(Instant.parse("2026-12-03T06:00:00.500Z"));
        // 0.51 s after the reported process start: that report was early (boot time in whole seconds)
        assertThat(StageTimes.startOfCommand(Optional.of(PROCESS), (epoch + 1) + ".010000"))
                .contains(Instant.parse("2026-12-03T06:00:01.010Z"));
    }

    @Test
    void theProcessStartCountsOtherwise() {
        long epoch = PROCESS.getEpochSecond();
        // more than 1.1 s after the reported start: a later process's time, not this one's
        assertThat(StageTimes.startOfCommand(Optional.of(PROCESS), (epoch + 1) + ".700000")).contains(PROCESS);
        assertThat(StageTimes.startOfCommand(Optional.of(PROCESS), (epoch - 3600) + ".0")).contains(PROCESS); // stale
        assertThat(StageTimes.startOfCommand(Optional.of(PROCESS), null)).contains(PROCESS);
        assertThat(StageTimes.startOfCommand(Optional.of(PROCESS), "")).contains(PROCESS);   // bash 4: no EPOCHREALTIME
        assertThat(StageTimes.startOfCommand(Optional.of(PROCESS), "soon")).contains(PROCESS);
        assertThat(StageTimes.startOfCommand(Optional.empty(), null)).isEmpty();
    }
}
