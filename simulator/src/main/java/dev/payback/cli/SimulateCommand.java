package dev.payback.cli;

import dev.payback.analysis.Analysis;
import dev.payback.analysis.Summary;
import dev.payback.engine.Engine;
import dev.payback.engine.SimulationResult;
import dev.payback.report.AtomicFiles;
import dev.payback.report.ConsoleSummary;
import dev.payback.report.OutputFormat;
import dev.payback.report.Outputs;
import dev.payback.report.TrialsCsv;
import dev.payback.scenario.InvalidInputException;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code payback simulate SCENARIO}: run the trials, print the summary, write the outputs. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate a scenario and write summary.json, summary.csv, business-case.xlsx, report.html and "
                + "charts into the output folder.")
public final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario file (YAML).")
    Path scenario;

    @Option(names = "--trials", paramLabel = "N", description = "Number of trials (default: the scenario's).")
    Integer trials;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed, >= 0 (default: the scenario's).")
    Long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default: out/<scenario file name without extension>).")
    Path out;

    @Option(names = "--set", paramLabel = "PATH=YAML",
            description = "Override a value for a stress test, e.g. --set pain.exception_rate='{pert: [0.1, 0.2, 0.3]}'. "
                    + "Repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--stress", paramLabel = "NAME", description = "Apply a stress preset from the scenario's stress: map.")
    String stress;

    @Option(names = "--trials-csv", description = "Also write trials.csv: one row per trial, inputs drawn and outputs.")
    boolean trialsCsv;

    @Option(names = "--format", paramLabel = "LIST", split = ",",
            description = "Outputs to write, comma-separated from json,csv,xlsx,html,charts (default: all).")
    List<String> formats = new ArrayList<>();

    @Override
    public Integer call() throws InvalidInputException, IOException {
        CliChecks.positive(spec, "--trials", trials);
        CliChecks.nonNegative(spec, "--seed", seed);
        CliChecks.positive(spec, "--threads", threads);
        Path dir = out != null ? out : Path.of("out", baseName(scenario));
        CliChecks.outputFolder(spec, dir);
        Set<OutputFormat> selected;
        try {
            selected = OutputFormat.parse(formats);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--format: " + e.getMessage());
        }

        Scenario s = ScenarioLoader.load(scenario, sets, stress);
        s = s.withRun(trials != null ? trials : s.trials(), seed != null ? seed : s.seed());
        Engine.Options options = Engine.Options.defaults();
        if (threads != null) {
            options = options.withThreads(threads);
        }
        SimulationResult result = Engine.run(s, options);
        Summary summary = Analysis.summarize(result);

        Files.createDirectories(dir);
        List<Path> written = Outputs.write(dir, result, summary, selected);
        PrintWriter o = spec.commandLine().getOut();
        o.print(ConsoleSummary.render(summary));
        o.println();
        if (trialsCsv) {
            Path csv = dir.resolve("trials.csv");
            AtomicFiles.write(csv, w -> TrialsCsv.write(result, w));
            o.println("Wrote " + csv);
        }
        Path chartsDir = dir.resolve(Outputs.CHARTS_DIR);
        long charts = written.stream().filter(p -> chartsDir.equals(p.getParent())).count();
        for (Path p : written) {
            if (!p.getFileName().toString().equals(Outputs.REPORT) && !chartsDir.equals(p.getParent())) {
                o.println("Wrote " + p);
            }
        }
        if (charts > 0) {
            o.println("Wrote " + charts + " chart files (PNG and SVG) into " + chartsDir);
        }
        if (selected.contains(OutputFormat.HTML)) {
            o.println("Report: " + dir.resolve(Outputs.REPORT));
        }
        o.flush();
        return 0;
    }

    /** The file name without its extension: scenarios/b_consumer_goods.yaml → b_consumer_goods. */
    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Checks of command-line values that picocli's types do not express. */
    static final class CliChecks {
        private CliChecks() {
        }

        static void positive(CommandSpec spec, String option, Number value) {
            if (value != null && value.longValue() < 1) {
                throw new ParameterException(spec.commandLine(),
                        option + " must be at least 1, got " + value);
            }
        }

        static void nonNegative(CommandSpec spec, String option, Number value) {
            if (value != null && value.longValue() < 0) {
                throw new ParameterException(spec.commandLine(),
                        option + " must be 0 or more, got " + value);
            }
        }

        static void outputFolder(CommandSpec spec, Path dir) {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new ParameterException(spec.commandLine(),
                        "--out " + dir + " is a file, not a folder: name a folder");
            }
            if (Files.isDirectory(dir) && !Files.isWritable(dir)) {
                throw new ParameterException(spec.commandLine(),
                        "--out " + dir + " is not writable: name a folder you can write to");
            }
        }
    }
}
