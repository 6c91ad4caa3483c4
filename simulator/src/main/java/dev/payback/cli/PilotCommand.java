package dev.payback.cli;

import dev.payback.analysis.PilotUpdate;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code payback pilot SCENARIO PILOT}: simulate the scenario, weight its trials by the pilot's
 * observed months (docs/model.md section 6), print the go / no-go verdict and the prior-vs-updated
 * figures, and write summary.json, pilot.html and pilot.png.
 */
@Command(name = "pilot", mixinStandardHelpOptions = true,
        description = "Compare a pilot's observed exceptions with the projection and update the full-rollout figures.")
public final class PilotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions input;

    @Parameters(index = "1", paramLabel = "PILOT", description = "The pilot file (YAML, docs/model.md section 6).")
    Path pilotFile;

    @Mixin
    RunOptions run;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default: out/<pilot file name without extension>-pilot).")
    Path out;

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
        try (OutputFolder folder = OutputOptions.open(spec, out,
                Path.of("out", SimulateCommand.baseName(pilotFile) + "-pilot"))) {
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
        SimulationResult result = Engine.run(s, run.engine());
        PilotUpdate.Result r = PilotUpdate.analyze(result, pilot);

        Path json = folder.write("summary.json", PilotJson.toBytes(r));
        JFreeChart chart = PilotChart.chart(r);
        Path html = folder.write("pilot.html", PilotHtml.render(r, PilotChart.svg(chart)).getBytes(StandardCharsets.UTF_8));
        Path png = folder.write("pilot.png", o -> PilotChart.png(chart, o));
        folder.publish();

        PrintWriter o = spec.commandLine().getOut();
        o.print(PilotConsole.render(r));
        o.println();
        o.println("Wrote " + json);
        o.println("Wrote " + html);
        o.println("Wrote " + png);
        o.flush();
        return 0;
    }
}
