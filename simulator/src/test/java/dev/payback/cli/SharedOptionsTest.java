package dev.payback.cli;

import dev.payback.sampling.SamplingMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The options several commands share: --sampling, --out, --debug and --version. */
class SharedOptionsTest {
    static final String B = CliTest.SCENARIO_B;
    static final String NL = System.lineSeparator();

    /** The commands that choose a sampling method. */
    static final List<String> SAMPLING = List.of("simulate", "sweep", "compare", "pilot", "pilot-plan");
    /** The commands that write files. */
    static final List<String> WRITING = List.of("simulate", "sweep", "compare", "pilot", "pilot-plan");

    static OptionSpec option(String command, String name) {
        return Cli.commandLine().getSubcommands().get(command).getCommandSpec().findOption(name);
    }

    @Test
    void helpSaysWhatTheREADMESays() {
        // README "Exit codes": 1 is also a write that failed; --timings prints wall and CPU time
        String top = CliTest.run("--help").out().replaceAll("\\s+", " ");
        assertThat(top).contains("1 a write that failed (e.g. a full disk; the output folder is unchanged) or an "
                + "unexpected error (add --debug for the stack trace)");
        String simulate = CliTest.run("simulate", "--help").out().replaceAll("\\s+", " ");
        assertThat(simulate).contains("--timings Print the wall and CPU time of each stage to standard error");
    }

    @Test
    void samplingIsOneEnumOptionWithOneDescriptionThatSaysRandomShift() {
        String description = null;
        for (String command : SAMPLING) {
            OptionSpec o = option(command, "--sampling");
            assertThat(o).as(command).isNotNull();
            assertThat(o.type()).as(command).isEqualTo(SamplingMethod.class);
            String text = String.join(" ", o.description());
            if (description == null) {
                description = text;
            }
            assertThat(text).as(command).isEqualTo(description);
        }
        assertThat(description).contains("random shift", "Cranley-Patterson").doesNotContain("crambled Sobol");
    }

    @Test
    void samplingReadsEachKeyInAnyCase() {
        for (SamplingMethod m : SamplingMethod.values()) {
            for (String given : List.of(m.key(), m.key().toUpperCase(java.util.Locale.ROOT))) {
                SimulateCommand c = new SimulateCommand();
                new CommandLine(c).parseArgs(B, "--sampling", given);
                assertThat(c.sampling.method()).as(given).isEqualTo(m);
            }
        }
        SimulateCommand c = new SimulateCommand();
        new CommandLine(c).parseArgs(B);
        assertThat(c.sampling.method()).isEqualTo(SamplingMethod.RANDOM);
    }

    @Test
    void anUnknownSamplingMethodIsAUsageErrorInEveryCommand(@TempDir Path tmp) {
        Map<String, List<String>> args = Map.of(
                "simulate", List.of(B),
                "sweep", List.of(B, "--set-range", "pain.exception_rate=0.1..0.2"),
                "compare", List.of(B, B + "@peak_season"),
                "pilot", List.of(B, PilotCliTest.PILOT_B),
                "pilot-plan", List.of(B, "--option", "orchestrate"));
        for (String command : SAMPLING) {
            List<String> a = new ArrayList<>(List.of(command));
            a.addAll(args.get(command));
            a.addAll(List.of("--sampling", "scrambled", "--out", tmp.resolve(command).toString()));
            CliTest.Run r = CliTest.run(a.toArray(String[]::new));
            assertThat(r.code()).as(command).isEqualTo(2);
            assertThat(r.err().lines().findFirst()).as(command).hasValue("payback: Invalid value for option "
                    + "'--sampling': must be random, lhs or sobol, got 'scrambled'");
            assertThat(tmp.resolve(command)).doesNotExist();
        }
    }

    @Test
    void outIsOneOptionAndEveryWritingCommandRefusesAFileBeforeItsRun(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "mine");
        String pilot = dev.payback.Shipped.file("b_consumer_goods_multichannel_pilot.yaml");
        Map<String, List<String>> args = Map.of(
                "simulate", List.of(B),
                "sweep", List.of(B, "--set-range", "pain.exception_rate=0.1..0.2"),
                "compare", List.of(B, B),
                "pilot", List.of(B, pilot),
                "pilot-plan", List.of(B, "--option", "orchestrate"));
        String description = null;
        for (String command : WRITING) {
            String text = String.join(" ", option(command, "--out").description());
            description = description == null ? text : description;
            assertThat(text).as(command).isEqualTo(description);
            // each command's description names its default folder
            assertThat(String.join(" ", Cli.commandLine().getSubcommands().get(command).getCommandSpec()
                    .usageMessage().description())).as(command).contains("--out", "out/");

            List<String> a = new ArrayList<>(List.of(command));
            a.addAll(args.get(command));
            // a run of minutes that fits in the heap: the refusal must come before it
            a.addAll(List.of("--trials", "500000000", "--out", file.toString()));
            CliTest.Run r = CliTest.run(a.toArray(String[]::new));
            assertThat(r.code()).as(command + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).as(command).contains("is a file, not a folder");
            assertThat(Files.readString(file)).isEqualTo("mine");
        }
    }

    @Test
    void debugIsAnOptionOfEveryCommand() {
        CommandLine cl = Cli.commandLine();
        assertThat(cl.getCommandSpec().findOption("--debug")).isNotNull();
        for (var e : cl.getSubcommands().entrySet()) {
            OptionSpec debug = e.getValue().getCommandSpec().findOption("--debug");
            assertThat(debug).as(e.getKey()).isNotNull();
            assertThat(debug.type()).as(e.getKey()).isEqualTo(boolean.class);
        }
    }

    @Test
    void versionComesFromTheJarManifest() {
        assertThat(ManifestVersion.text("1.4.2")).isEqualTo("payback 1.4.2");
        // the tests run from target/classes, which has no manifest
        assertThat(ManifestVersion.class.getPackage().getImplementationVersion()).isNull();
        String line = ManifestVersion.text(null);
        assertThat(line).isEqualTo("payback (development build: not run from the jar, so no version)");
        for (String command : List.of("", "simulate", "pilot-plan")) {
            CliTest.Run r = command.isEmpty() ? CliTest.run("--version") : CliTest.run(command, "--version");
            assertThat(r.code()).as(command).isZero();
            assertThat(r.out()).as(command).isEqualTo(line + NL);
        }
    }

    @Test
    void sweepAndPilotPlanFoldersOfAStressedRunAreNotTheBaseCases() {
        for (String kind : List.of("-sweep", "-pilot-plan")) {
            PilotPlanCommand base = new PilotPlanCommand();
            new CommandLine(base).parseArgs(B, "--option", "orchestrate");
            PilotPlanCommand stressed = new PilotPlanCommand();
            new CommandLine(stressed).parseArgs(B, "--option", "orchestrate", "--stress", "peak_season");
            assertThat(base.input.defaultFolder(kind)).isEqualTo(Path.of("out", "b_consumer_goods_multichannel" + kind));
            assertThat(stressed.input.defaultFolder(kind))
                    .isEqualTo(Path.of("out", "b_consumer_goods_multichannel" + kind + "--peak_season"));
        }
    }
}
