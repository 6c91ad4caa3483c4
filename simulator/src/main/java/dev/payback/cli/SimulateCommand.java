package dev.payback.cli;

import dev.payback.engine.Bounded;
import dev.payback.analysis.Analysis;
import dev.payback.analysis.Precision;
import dev.payback.analysis.Sensitivity;
import dev.payback.analysis.Summary;
import dev.payback.engine.Engine;
import dev.payback.engine.SimulationResult;
import dev.payback.report.ConsoleSummary;
import dev.payback.report.ConsoleWidth;
import dev.payback.report.OutputFolder;
import dev.payback.report.OutputFormat;
import dev.payback.report.PdfReport;
import dev.payback.report.Outputs;
import dev.payback.report.StageTimes;
import dev.payback.report.TrialsCsv;
import dev.payback.report.WorkbookOptions;
import dev.payback.sampling.SamplingMethod;
import dev.payback.scenario.InvalidInputException;
import dev.payback.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicReference;

/** {@code payback simulate SCENARIO}: run the trials, print the summary, write the outputs. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate a scenario and write summary.json, summary.csv, cashflow.csv, business-case.xlsx, "
                + "report.html, report.pdf and charts into the output folder: --out, or by default out/<scenario "
                + "file name without extension>, plus --<preset> with --stress and --set-<8 hex digits> with --set, "
                + "so a stressed run never overwrites the base case.")
final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions input;

    @Mixin
    RunOptions run;

    @Mixin
    OutputOptions output;

    @Option(names = "--trials-csv", description = "Also write trials.csv: one row per trial, inputs drawn and outputs.")
    boolean trialsCsv;

    @Option(names = "--format", paramLabel = "LIST[,LIST...]",
            description = "Outputs to write, comma-separated from json,csv,xlsx,html,charts,pdf (default: all).")
    List<String> formats = new ArrayList<>();

    @Option(names = "--page-size", paramLabel = "SIZE",
            description = "Paper of report.pdf and of the report's print layout: A4 or LETTER "
                    + "(default: LETTER for USD and CAD, A4 for other currencies).")
    PdfReport.PageSize pageSize;

    @Mixin
    SamplingOptions sampling;

    @Option(names = "--precision", paramLabel = "X",
            description = "Run doubling batches until the 95%% half-width of every P(payback <= 3/6/12) is below X "
                    + "(e.g. 0.005); --trials then caps the trials (default 100,000,000).")
    Double precision;

    @Option(names = "--workbook-trials",
            description = "Add the Trials sheet (the first 100,000 trials) to business-case.xlsx; off by default, "
                    + "which keeps the workbook small (use --trials-csv for every retained trial).")
    boolean workbookTrials;

    @Option(names = "--timings",
            description = "Print the wall and CPU time of each stage to standard error (also PAYBACK_TIMINGS=1).")
    boolean timings;

    @Override
    public Integer call() throws InvalidInputException, IOException {
        StageTimes times = StageTimes.fromFlagOrEnv(timings);
        run.check();
        Set<OutputFormat> selected;
        try {
            // each --format value reaches OutputFormat.parse whole, which splits it: --format ',' names no
            // format and is refused like --format '', never taken as "all"
            selected = OutputFormat.parse(formats);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--format: " + e.getMessage());
        }
        SamplingMethod method = sampling.method();
        if (precision != null && !(precision > 0 && precision < 1)) {
            throw new ParameterException(spec.commandLine(),
                    "--precision must lie between 0 and 1 (a probability half-width such as 0.005), got " + precision);
        }

        Engine.Options engine = engine(method, selected);
        Scenario s = times.time("load", () -> run.apply(input.load(), engine));
        try (OutputFolder folder = output.open(input.defaultFolder())) {
            return simulate(s, method, engine, selected, folder, times);
        }
    }

    /**
     * The engine settings of the run: without monthly paths when none of the selected outputs reads
     * them (e.g. --format json), so they are neither kept nor counted by the memory check.
     */
    private Engine.Options engine(SamplingMethod method, Set<OutputFormat> selected) {
        Engine.Options options = run.engine().withSampling(method);
        return Outputs.readMonthlyPaths(selected) ? options : options.withMonthlyPathCap(0);
    }

    private Integer simulate(Scenario s, SamplingMethod method, Engine.Options options, Set<OutputFormat> selected,
            OutputFolder folder, StageTimes times)
            throws IOException, InvalidInputException {
        PrintWriter o = spec.commandLine().getOut();
        String[] precisionNote = {null};
        long engineStart = System.nanoTime();
        long engineCpu = times.cpuNow();
        // the run is only ever held here: the outputs hand it on without its monthly paths once they
        // have drawn every figure from them, so those can be collected while the rest is written
        AtomicReference<SimulationResult> held = new AtomicReference<>(runEngine(s, options, method, precisionNote));
        times.since("engine", engineStart, engineCpu);
        // every stage after the engine runs in a pool of --threads workers
        WorkbookOptions workbook = new WorkbookOptions(workbookTrials);
        Summary summary = Bounded.run(options.threads(), () -> {
            // the sensitivity analysis runs beside the headline statistics (the summary only carries it)
            ForkJoinTask<Sensitivity> sensitivity = ForkJoinTask.adapt(
                    () -> times.time("sensitivity", () -> Sensitivity.of(held.get()))).fork();
            return times.time("headline statistics", () -> Analysis.summarize(held.get(), sensitivity::join));
        });

        Path dir = folder.target();
        PdfReport.PageSize paper = pageSize != null ? pageSize : PdfReport.PageSize.forCurrency(summary.currency());
        List<Path> written = Bounded.run(options.threads(),
                () -> Outputs.write(folder, held, summary, selected, paper, workbook, times));
        Path csv = trialsCsv
                ? times.time("trials.csv", () -> folder.write("trials.csv", w -> TrialsCsv.write(held.get(), w)))
                : null;
        return report(summary, written, csv, dir, selected, precisionNote[0], o, folder, times);
    }

    /** Runs the trials (in doubling batches with --precision, whose note it leaves in precisionNote[0]). */
    private SimulationResult runEngine(Scenario s, Engine.Options options, SamplingMethod method,
            String[] precisionNote)
            throws InvalidInputException {
        SimulationResult result;
        try (RunProgress progress = RunProgress.start("simulate")) {
            if (precision == null) {
                if (progress != null) {
                    progress.batch(s.trials(), method.key());
                }
                result = Engine.run(s, options, progress);
            } else {
                int cap = run.trials != null ? run.trials : Precision.DEFAULT_MAX_TRIALS;
                Precision.Outcome out = Precision.run(s, options, precision, cap, progress,
                        (batch, n, previous) -> {
                            if (progress != null) {
                                progress.batch(n, "batch " + batch + (Double.isNaN(previous) ? ""
                                        : String.format(Locale.ROOT, ", half-width %.4f > %.4f", previous, precision)));
                            }
                        });
                result = out.result();
                // the target as the user wrote it (0.0001, not 1.0E-4), the batches counted in words
                String target = java.math.BigDecimal.valueOf(precision).stripTrailingZeros().toPlainString();
                String batches = out.batches() == 1 ? "1 batch" : out.batches() + " batches";
                precisionNote[0] = out.reached()
                        ? String.format(Locale.ROOT, "Precision: every P(payback <= 3/6/12) within +/-%s (95%%) "
                                + "after %,d trials (%s)", target, result.trials(), batches)
                        : String.format(Locale.ROOT, "Precision NOT reached: worst P(payback) half-width %.4f > %s "
                                + "at the cap of %,d trials (%s)", out.halfWidth(), target,
                                result.trials(), batches);
            }
        }
        return result;
    }

    /** Publishes the folder and prints the summary and what was written. */
    private Integer report(Summary summary, List<Path> written, Path csv, Path dir, Set<OutputFormat> selected,
            String precisionNote, PrintWriter o, OutputFolder folder, StageTimes times) throws IOException {
        times.step("publish", () -> OutputOptions.publish(spec, folder));
        if (!output.given() && !summary.overrides().isBase()) {
            o.print(ConsoleWidth.fit("Stressed run: wrote into its own folder " + dir
                    + " (the base case's folder is untouched)\n"));
        }
        o.print(ConsoleWidth.fit(ConsoleSummary.render(summary)));
        o.println();
        if (precisionNote != null) {
            o.print(ConsoleWidth.fit(precisionNote + "\n"));
        }
        if (csv != null) {
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
        times.print(spec.commandLine().getErr());
        return 0;
    }

    /** The file name without its extension: scenarios/b_consumer_goods.yaml → b_consumer_goods. */
    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
