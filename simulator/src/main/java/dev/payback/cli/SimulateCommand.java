package dev.payback.cli;

import dev.payback.analysis.Analysis;
import dev.payback.analysis.Summary;
import dev.payback.engine.Engine;
import dev.payback.engine.MemoryEstimate;
import dev.payback.engine.SimulationResult;
import dev.payback.report.AtomicFiles;
import dev.payback.report.ConsoleSummary;
import dev.payback.report.SummaryJson;
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

    @Override
    public Integer call() throws InvalidInputException, IOException {
        CliChecks.positive(spec, "--trials", trials);
        CliChecks.nonNegative(spec, "--seed", seed);
        CliChecks.positive(spec, "--threads", threads);
        Path dir = out != null ? out : Path.of("out", baseName(scenario));
        CliChecks.outputFolder(spec, dir);

        Scenario s = ScenarioLoader.load(scenario, sets, stress);
        s = s.withRun(trials != null ? trials : s.trials(), seed != null ? seed : s.seed());
        Engine.Options options = Engine.Options.defaults();
        if (threads != null) {
            options = options.withThreads(threads);
        }
        CliChecks.memory(spec, s, options, trials != null);
        SimulationResult result = Engine.run(s, options);
        Summary summary = Analysis.summarize(result);

        Files.createDirectories(dir);
        Path json = dir.resolve("summary.json");
        Path csv = dir.resolve("trials.csv");
        AtomicFiles.removeStaleTemporaries(json);
        AtomicFiles.removeStaleTemporaries(csv);
        AtomicFiles.write(json, SummaryJson.toBytes(summary));
        PrintWriter o = spec.commandLine().getOut();
        o.print(ConsoleSummary.render(summary));
        o.println();
        if (trialsCsv) {
            AtomicFiles.write(csv, w -> TrialsCsv.write(result, w));
            o.println("Wrote " + csv);
        }
        o.println("Wrote " + json);
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

        /**
         * Refuses, before the run starts, a trial count whose arrays would not fit in the heap
         * (exit 2, like other limits of the command line), naming the largest count that fits.
         */
        static void memory(CommandSpec spec, Scenario s, Engine.Options options, boolean fromFlag) {
            MemoryEstimate estimate = MemoryEstimate.of(s, options);
            long max = Runtime.getRuntime().maxMemory();
            long usable = MemoryEstimate.usableHeap(max);
            long need = estimate.bytes(s.trials());
            if (need > usable) {
                long fits = Math.min(Integer.MAX_VALUE, estimate.largestTrialsWithin(usable));
                throw new ParameterException(spec.commandLine(), String.format(java.util.Locale.ROOT,
                        "%d trials%s need about %d MB of memory, but Java may use only about %d MB here: "
                                + "the largest trial count that fits is %d (run with --trials %d, or give Java "
                                + "more memory, e.g. JAVA_OPTS=-Xmx%dg)",
                        s.trials(), fromFlag ? "" : " (simulation.trials)", need >> 20, Math.max(0, usable) >> 20,
                        fits, fits, Math.max(2, (need + (need / 10) + MemoryEstimate.MARGIN_BYTES + (1L << 30) - 1) >> 30)));
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
            // A folder still to be created: its nearest existing ancestor must be a writable folder,
            // checked now rather than after a long run.
            Path existing = dir.toAbsolutePath().normalize();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing != null && !existing.equals(dir.toAbsolutePath().normalize())) {
                if (!Files.isDirectory(existing)) {
                    throw new ParameterException(spec.commandLine(), "--out " + dir + " cannot be created: "
                            + existing + " is a file, not a folder: name a folder");
                }
                if (!Files.isWritable(existing)) {
                    throw new ParameterException(spec.commandLine(), "--out " + dir + " cannot be created: "
                            + existing + " is not writable: name a folder you can write to");
                }
            }
        }
    }
}
