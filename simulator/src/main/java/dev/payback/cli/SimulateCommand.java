package dev.payback.cli;

import dev.payback.analysis.Analysis;
import dev.payback.analysis.Precision;
import dev.payback.analysis.Summary;
import dev.payback.engine.Engine;
import dev.payback.engine.SimulationResult;
import dev.payback.report.AtomicFiles;
import dev.payback.report.ConsoleSummary;
import dev.payback.report.SummaryJson;
import dev.payback.report.TrialsCsv;
import dev.payback.sampling.SamplingMethod;
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
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code payback simulate SCENARIO}: run the trials, print the summary, write the outputs. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate a scenario and write summary.json (and more) into the output folder.")
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

    @Option(names = "--sampling", paramLabel = "METHOD",
            description = "How inputs are drawn: random (default), lhs (Latin hypercube) or sobol (scrambled Sobol').")
    String sampling;

    @Option(names = "--precision", paramLabel = "X",
            description = "Run doubling batches until the 95% half-width of every P(payback <= 3/6/12) is below X "
                    + "(e.g. 0.005); --trials then caps the trials (default 100,000,000).")
    Double precision;

    @Override
    public Integer call() throws InvalidInputException, IOException {
        CliChecks.positive(spec, "--trials", trials);
        CliChecks.nonNegative(spec, "--seed", seed);
        CliChecks.positive(spec, "--threads", threads);
        Path dir = out != null ? out : Path.of("out", baseName(scenario));
        CliChecks.outputFolder(spec, dir);

        SamplingMethod method = samplingMethod();
        if (precision != null && !(precision > 0 && precision < 1)) {
            throw new ParameterException(spec.commandLine(),
                    "--precision must lie between 0 and 1 (a probability half-width such as 0.005), got " + precision);
        }

        Scenario s = ScenarioLoader.load(scenario, sets, stress);
        s = s.withRun(trials != null ? trials : s.trials(), seed != null ? seed : s.seed());
        Engine.Options options = Engine.Options.defaults().withSampling(method);
        if (threads != null) {
            options = options.withThreads(threads);
        }
        PrintWriter o = spec.commandLine().getOut();
        SimulationResult result;
        String precisionNote = null;
        try (RunProgress progress = RunProgress.startIfConsole()) {
            if (precision == null) {
                if (progress != null) {
                    progress.batch(s.trials(), method.key());
                }
                result = Engine.run(s, options, progress);
            } else {
                int cap = trials != null ? trials : Precision.DEFAULT_MAX_TRIALS;
                Precision.Outcome out = Precision.run(s, options, precision, cap, progress,
                        (batch, n, previous) -> {
                            if (progress != null) {
                                progress.batch(n, "batch " + batch + (Double.isNaN(previous) ? ""
                                        : String.format(Locale.ROOT, ", half-width %.4f > %.4f", previous, precision)));
                            }
                        });
                result = out.result();
                precisionNote = out.reached()
                        ? String.format(Locale.ROOT, "Precision: every P(payback <= 3/6/12) within +/-%s (95%%) "
                                + "after %,d trials (%d batches)", precision, result.trials(), out.batches())
                        : String.format(Locale.ROOT, "Precision NOT reached: worst P(payback) half-width %.4f > %s "
                                + "at the cap of %,d trials (%d batches)", out.halfWidth(), precision,
                                result.trials(), out.batches());
            }
        }
        Summary summary = Analysis.summarize(result);

        Files.createDirectories(dir);
        Path json = dir.resolve("summary.json");
        AtomicFiles.write(json, SummaryJson.toBytes(summary));
        o.print(ConsoleSummary.render(summary));
        o.println();
        if (precisionNote != null) {
            o.println(precisionNote);
        }
        if (trialsCsv) {
            Path csv = dir.resolve("trials.csv");
            AtomicFiles.write(csv, w -> TrialsCsv.write(result, w));
            o.println("Wrote " + csv);
        }
        o.println("Wrote " + json);
        o.flush();
        return 0;
    }

    private SamplingMethod samplingMethod() {
        if (sampling == null) {
            return SamplingMethod.RANDOM;
        }
        for (SamplingMethod m : SamplingMethod.values()) {
            if (m.key().equals(sampling.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new ParameterException(spec.commandLine(),
                "--sampling must be random, lhs or sobol, got " + sampling);
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
