package dev.payback.cli;

import dev.payback.engine.Bounded;
import dev.payback.analysis.PilotStream;
import dev.payback.analysis.PilotUpdate;
import dev.payback.analysis.PilotVerdict;
import dev.payback.report.ConsoleWidth;
import dev.payback.report.pilot.PilotTables;
import dev.payback.engine.Engine;
import dev.payback.engine.SimulationResult;
import dev.payback.report.OutputFolder;
import dev.payback.report.pilot.PilotChart;
import dev.payback.report.pilot.PilotConsole;
import dev.payback.report.pilot.PilotHtml;
import dev.payback.report.pilot.PilotJson;
import dev.payback.scenario.InvalidInputException;
import dev.payback.scenario.Pilot;
import dev.payback.scenario.PilotLoader;
import dev.payback.scenario.Scenario;
import org.jfree.chart.JFreeChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code payback pilot SCENARIO PILOT}: simulate the scenario, weight its trials by the pilot's
 * observed months (docs/model.md section 6), print the go / no-go verdict and the prior-vs-updated
 * figures, and write summary.json, pilot.html and pilot.png.
 */
@Command(name = "pilot", mixinStandardHelpOptions = true,
        description = "Compare a pilot's observed exceptions with the projection and update the full-rollout figures; "
                + "writes summary.json, summary.csv, pilot.xlsx, pilot.html and pilot.png into --out or "
                + "out/<pilot file name without extension>-pilot (plus the suffix of a stressed run).")
final class PilotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions input;

    @Parameters(index = "1", paramLabel = "PILOT", description = "The pilot file (YAML, docs/model.md section 6).")
    Path pilotFile;

    @Mixin
    RunOptions run;

    @Mixin
    SamplingOptions sampling;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws InvalidInputException, IOException {
        run.check();
        Scenario s;
        try {
            s = input.load();
        } catch (InvalidInputException e) {
            if (looksLikeAPilot(input.file()) && !looksLikeAPilot(pilotFile)) {
                throw new ParameterException(spec.commandLine(), input.file() + " looks like a pilot file (it has "
                        + "months: and scope_share:), not a scenario: the scenario comes first, then the pilot, "
                        + "e.g. payback pilot " + pilotFile + " " + input.file());
            }
            throw e;
        }
        Pilot pilot = PilotLoader.load(pilotFile, s);
        s = run.apply(s);
        try (OutputFolder folder = output.open(
                Path.of("out", input.overrides().folderName(SimulateCommand.baseName(pilotFile) + "-pilot")))) {
            return pilot(s, pilot, folder);
        }
    }

    /** Whether a file that the scenario loader refused has a pilot file's top-level keys. */
    private static boolean looksLikeAPilot(Path file) {
        try {
            if (!java.nio.file.Files.isRegularFile(file) || java.nio.file.Files.size(file) > (1 << 20)) {
                return false;
            }
            String text = java.nio.file.Files.readString(file, StandardCharsets.UTF_8);
            return text.matches("(?s)(.*\\n)?months:.*") && text.matches("(?s)(.*\\n)?scope_share:.*");
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    private Integer pilot(Scenario s, Pilot pilot, OutputFolder folder) throws IOException, InvalidInputException {
        SimulationResult result;
        PilotUpdate.Result r;
        PilotVerdict v;
        Path dir = folder.target();
        List<Path> written = new java.util.ArrayList<>();
        try (RunProgress progress = RunProgress.start("pilot")) {
            progress.batch(s.trials(), "");
            // the pilot's weights over every trial, streamed block by block while the run runs
            PilotStream stream = new PilotStream(s, pilot);
            result = Engine.run(s, run.engine().withSampling(sampling.method()), progress, stream);
            progress.step("weighting the trials by the pilot's months");
            // the analysis after the engine, like the engine, uses at most --threads workers
            SimulationResult done = result;
            r = Bounded.run(run.engine().threads(), () -> PilotUpdate.analyze(done, pilot, stream));
            PilotUpdate.Result update = r;
            v = Bounded.run(run.engine().threads(), () -> PilotVerdict.of(done, pilot, update, stream));
            progress.step("writing the outputs into " + dir);
            written.add(folder.write("summary.json", PilotJson.toBytes(r, v)));
            written.add(folder.write("summary.csv", w -> PilotTables.csv(v, w)));
            written.add(folder.write(PilotTables.WORKBOOK, w -> PilotTables.workbook(v, w)));
            JFreeChart chart = PilotChart.chart(r);
            written.add(folder.write("pilot.html",
                    PilotHtml.render(r, v, PilotChart.svg(chart)).getBytes(StandardCharsets.UTF_8)));
            written.add(folder.write("pilot.png", w -> PilotChart.png(chart, w)));
            OutputOptions.publish(spec, folder);
        }

        PrintWriter o = spec.commandLine().getOut();
        o.print(ConsoleWidth.fit(PilotConsole.render(r, v)));
        o.println();
        // one line for the folder, one per file name: a long folder path does not push lines past 100 columns
        o.println("Wrote into " + dir + ":");
        for (Path p : written) {
            o.println("  " + dir.relativize(p));
        }
        o.flush();
        return 0;
    }
}
