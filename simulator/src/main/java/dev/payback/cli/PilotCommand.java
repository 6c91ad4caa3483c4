package dev.payback.cli;

import dev.payback.analysis.PilotUpdate;
import dev.payback.engine.Engine;
import dev.payback.engine.SimulationResult;
import dev.payback.report.AtomicFiles;
import dev.payback.report.pilot.PilotChart;
import dev.payback.report.pilot.PilotConsole;
import dev.payback.report.pilot.PilotHtml;
import dev.payback.report.pilot.PilotJson;
import dev.payback.scenario.InvalidInputException;
import dev.payback.scenario.Pilot;
import dev.payback.scenario.PilotLoader;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;
import org.jfree.chart.JFreeChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
 * observed months (MODEL.md section 6), print the go / no-go verdict and the prior-vs-updated
 * figures, and write summary.json, pilot.html and pilot.png.
 */
@Command(name = "pilot", mixinStandardHelpOptions = true,
        description = "Compare a pilot's observed exceptions with the projection and update the full-rollout figures.")
public final class PilotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario file (YAML).")
    Path scenario;

    @Parameters(index = "1", paramLabel = "PILOT", description = "The pilot file (YAML, MODEL.md section 6).")
    Path pilotFile;

    @Option(names = "--trials", paramLabel = "N", description = "Number of trials (default: the scenario's).")
    Integer trials;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed, >= 0 (default: the scenario's).")
    Long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default: out/<pilot file name without extension>).")
    Path out;

    @Override
    public Integer call() throws InvalidInputException, IOException {
        SimulateCommand.CliChecks.positive(spec, "--trials", trials);
        SimulateCommand.CliChecks.nonNegative(spec, "--seed", seed);
        SimulateCommand.CliChecks.positive(spec, "--threads", threads);
        Path dir = out != null ? out : Path.of("out", SimulateCommand.baseName(pilotFile));
        SimulateCommand.CliChecks.outputFolder(spec, dir);

        Scenario s = ScenarioLoader.load(scenario, List.of(), null);
        Pilot pilot = PilotLoader.load(pilotFile, s);
        s = s.withRun(trials != null ? trials : s.trials(), seed != null ? seed : s.seed());
        Engine.Options options = Engine.Options.defaults();
        if (threads != null) {
            options = options.withThreads(threads);
        }
        SimulationResult result = Engine.run(s, options);
        PilotUpdate.Result r = PilotUpdate.analyze(result, pilot);

        Path json = dir.resolve("summary.json");
        Path html = dir.resolve("pilot.html");
        Path png = dir.resolve("pilot.png");
        AtomicFiles.write(json, PilotJson.toBytes(r));
        JFreeChart chart = PilotChart.chart(r);
        AtomicFiles.write(html, PilotHtml.render(r, PilotChart.svg(chart)).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(png, o -> PilotChart.png(chart, o));

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
