package dev.payback.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code payback pilot} holds the pilot's measured exception rate against the 90-day checklist (docs/model.md section 8). */
class PilotChecklistTest {

    @Test
    void aPilotOfThreeMonthsOrMoreIsHeldAgainstThe90DayChecklist(@TempDir Path tmp) throws Exception {
        CliTest.Run pilot = CliTest.run("pilot", PilotCliTest.SCENARIO_B, PilotCliTest.PILOT_B, "--trials", "8000",
                "--seed", "5", "--out", tmp.resolve("pilot").toString());
        assertThat(pilot.code()).as(pilot.err()).isZero();
        CliTest.Run sim = CliTest.run("simulate", PilotCliTest.SCENARIO_B, "--trials", "8000", "--seed", "5",
                "--format", "json", "--out", tmp.resolve("sim").toString());
        assertThat(sim.code()).as(sim.err()).isZero();
        ObjectMapper m = new ObjectMapper();
        JsonNode pj = m.readTree(tmp.resolve("pilot/summary.json").toFile());
        JsonNode sj = m.readTree(tmp.resolve("sim/summary.json").toFile());
        // the same run's checklist value, as `simulate` reports it
        double checklist = sj.at("/kpi_checklist/orchestrate/3/exception_rate").asDouble();
        assertThat(pj.at("/pilot/checklist_90_days_exception_rate").asDouble()).isEqualTo(checklist);
        // the pilot file's last live month (month 4): 285 exceptions in 3,150 orders = 9.0%
        double rate = 285.0 / 3150;
        assertThat(pj.at("/pilot/on_track_at_90_days").asBoolean()).isEqualTo(rate <= checklist);
        // the console wraps prose at 100 columns (issue 15): continuation lines folded back first
        List<String> folded = pilot.out().replaceAll("\n {2,5}", " ").lines().toList();
        String line = folded.stream().filter(l -> l.startsWith("Against the tracking plan")).findFirst()
                .orElseThrow();
        assertThat(folded.indexOf(line)).isEqualTo(1);   // beside the verdict (its two parts fold into line 0)
        assertThat(line).contains("live month 4 is 9.0%", String.format(java.util.Locale.ROOT,
                "at or below %.1f%% of orders", checklist * 100), rate <= checklist ? "on track." : "off track.");
    }

    @Test
    void aPilotOfTwoMonthsIsNotHeldAgainstIt(@TempDir Path tmp) throws Exception {
        Path two = Files.writeString(tmp.resolve("two.yaml"), """
                option: orchestrate
                scope_share: 0.25
                success_criteria: {exception_rate_reduction: 0.3}
                months:
                  - {month: 0, orders: 3000, exceptions: 420}
                  - {month: 1, orders: 3000, exceptions: 380}
                  - {month: 2, orders: 3000, exceptions: 330}
                """);
        CliTest.Run r = CliTest.run("pilot", PilotCliTest.SCENARIO_B, two.toString(), "--trials", "4000",
                "--out", tmp.resolve("o").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("Against the tracking plan");
        JsonNode j = new ObjectMapper().readTree(tmp.resolve("o/summary.json").toFile());
        assertThat(j.at("/pilot").has("checklist_90_days_exception_rate")).isFalse();
    }

    /** A measured rate above the checklist value is off track: an exception rate the projection never reaches. */
    @Test
    void aPilotWorseThanTheChecklistIsOffTrack(@TempDir Path tmp) throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.yaml"), """
                option: orchestrate
                scope_share: 0.25
                success_criteria: {exception_rate_reduction: 0.3}
                months:
                  - {month: 0, orders: 3000, exceptions: 700}
                  - {month: 1, orders: 3000, exceptions: 700}
                  - {month: 2, orders: 3000, exceptions: 700}
                  - {month: 3, orders: 3000, exceptions: 690}
                """);
        CliTest.Run r = CliTest.run("pilot", PilotCliTest.SCENARIO_B, bad.toString(), "--trials", "4000",
                "--out", tmp.resolve("o").toString());
        assertThat(r.code()).as(r.err()).isZero();
        // 690 / 3,000 = 23.0%, above scenario B's highest exception rate (24% max, 80% quantile well below)
        JsonNode j = new ObjectMapper().readTree(tmp.resolve("o/summary.json").toFile());
        assertThat(j.at("/pilot/checklist_90_days_exception_rate").asDouble()).isLessThan(0.23);
        assertThat(j.at("/pilot/on_track_at_90_days").asBoolean()).isFalse();
        // the console wraps prose at 100 columns (issue 15): continuation lines folded back
        assertThat(r.out().replaceAll("\\s+", " ")).contains("live month 3 is 23.0%, above the 90-day checklist",
                "off track.");
    }
}
