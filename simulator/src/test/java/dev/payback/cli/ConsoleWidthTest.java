package dev.payback.cli;

import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15: the console output of every command fits 100 columns, for scenarios A, B and C. */
class ConsoleWidthTest {
    static final List<String> SCENARIOS = List.of(
            dev.payback.Shipped.file("a_apparel_single_warehouse.yaml"),
            dev.payback.Shipped.file("b_consumer_goods_multichannel.yaml"),
            dev.payback.Shipped.file("c_distributor_spreadsheet_routing.yaml"));

    @Test
    void everyCommandFits100Columns(@TempDir Path tmp) throws Exception {
        int k = 0;
        for (String file : SCENARIOS) {
            Scenario s = ScenarioLoader.load(Path.of(file));
            String o = tmp.resolve("o" + k++).toString();
            String option = s.options().get(s.options().size() - 1).id();
            Path pilot = Files.writeString(tmp.resolve("pilot" + k + ".yaml"), """
                    option: %s
                    scope_share: 0.2
                    success_criteria: {exception_rate_reduction: 0.3, promise_accuracy_increase: 0.05}
                    months:
                      - {month: 0, orders: 2000, exceptions: 240, promises: 2000, promises_kept: 1800}
                      - {month: 1, orders: 2000, exceptions: 200, promises: 2000, promises_kept: 1850}
                      - {month: 2, orders: 2000, exceptions: 170, promises: 2000, promises_kept: 1900}
                    """.formatted(option));
            List<String[]> commands = new ArrayList<>();
            commands.add(new String[] {"simulate", file, "--trials", "2000", "--out", o + "s"});
            commands.add(new String[] {"simulate", file, "--trials", "2000", "--out", o + "s2", "--set",
                "horizon_months=48", "--precision", "0.2"});
            commands.add(new String[] {"validate", file});
            commands.add(new String[] {"sweep", file, "--set-range", "pain.exception_rate=0.02..0.3", "--trials",
                "500", "--out", o + "w"});
            commands.add(new String[] {"sweep", file, "--set-range", "pain.exception_rate=0.02..0.3", "--set-range",
                "options." + option + ".one_time_cost=0..200000", "--trials", "300", "--out", o + "w2"});
            commands.add(new String[] {"compare", file, SCENARIOS.get(1), SCENARIOS.get(2), "--trials", "500",
                "--out", o + "c"});
            commands.add(new String[] {"pilot", file, pilot.toString(), "--trials", "3000", "--out", o + "p"});
            commands.add(new String[] {"pilot-plan", file, "--option", option, "--trials", "2000", "--out", o + "pp"});
            for (String[] c : commands) {
                CliTest.Run r = CliTest.run(c);
                assertThat(r.code()).as(String.join(" ", c) + "\n" + r.err()).isZero();
                for (String line : r.out().split("\n")) {
                    assertThat(line.length()).as(String.join(" ", c) + ": " + line).isLessThanOrEqualTo(100);
                    assertThat(line).as(String.join(" ", c) + ": trailing spaces").isEqualTo(line.stripTrailing());
                }
            }
        }
    }
}
