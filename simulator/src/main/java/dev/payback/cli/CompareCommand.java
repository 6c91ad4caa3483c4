package dev.payback.cli;

import dev.payback.analysis.Analysis;
import dev.payback.analysis.Comparison;
import dev.payback.analysis.Summary;
import dev.payback.engine.Engine;
import dev.payback.report.OutputFolder;
import dev.payback.report.compare.CompareReport;
import dev.payback.scenario.InvalidInputException;
import dev.payback.scenario.Problem;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code payback compare A.yaml B.yaml [...]}: simulate each scenario and show the headline figures
 * side by side with their differences against the first.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Simulate two or more scenarios and compare their headline figures; writes compare.json, "
                + "compare.csv and compare.html.")
public final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0..*", arity = "1..*", paramLabel = "SCENARIO",
            description = "Two or more scenario files; differences are against the first.")
    List<Path> scenarios = new ArrayList<>();

    @Mixin
    RunOptions run;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/compare).")
    Path out;

    @Override
    public Integer call() throws InvalidInputException, IOException {
        run.check();
        if (scenarios.size() < 2) {
            throw new ParameterException(spec.commandLine(), "compare needs at least two scenario files, got "
                    + scenarios.size() + ": to look at one scenario use payback simulate");
        }
        // Load every file first, so all problems of all files are reported before any simulation.
        List<Scenario> loaded = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path p : scenarios) {
            try {
                loaded.add(ScenarioLoader.load(p));
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        // The trial count and memory of every file are checked before any simulation; the runs go one
        // after another and keep only headline figures, so the largest single run bounds the memory.
        for (int i = 0; i < loaded.size(); i++) {
            try {
                loaded.set(i, run.apply(loaded.get(i)));
            } catch (ParameterException e) {
                throw new ParameterException(spec.commandLine(), scenarios.get(i) + ": " + e.getMessage());
            }
        }
        try (OutputFolder folder = OutputOptions.open(spec, out, Path.of("out", "compare"))) {
            return compare(loaded, folder);
        }
    }

    private Integer compare(List<Scenario> loaded, OutputFolder folder) throws IOException, InvalidInputException {
        Engine.Options options = run.engine();
        List<Summary> summaries = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (int i = 0; i < loaded.size(); i++) {
            summaries.add(Analysis.headlines(Engine.run(loaded.get(i), options)));
            files.add(scenarios.get(i).toString());
        }
        Comparison c = Comparison.of(files, summaries);

        Path json = folder.write("compare.json", CompareReport.json(c));
        Path csv = folder.write("compare.csv", o -> CompareReport.csv(c, o));
        Path html = folder.write("compare.html", CompareReport.html(c));
        folder.publish();
        PrintWriter o = spec.commandLine().getOut();
        o.print(CompareReport.table(c));
        o.println();
        for (Path p : List.of(json, csv, html)) {
            o.println("Wrote " + p);
        }
        o.flush();
        return 0;
    }
}
