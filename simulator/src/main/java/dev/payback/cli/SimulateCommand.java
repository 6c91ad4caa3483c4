package dev.payback.cli;

import dev.payback.analysis.Analysis;
import dev.payback.analysis.Precision;
import dev.payback.analysis.Summary;
import dev.payback.engine.Engine;
import dev.payback.engine.SimulationResult;
import dev.payback.report.ConsoleSummary;
import dev.payback.report.OutputFolder;
import dev.payback.report.OutputFormat;
import dev.payback.report.PdfReport;
import dev.payback.report.Outputs;
import dev.payback.report.TrialsCsv;
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

/** {@code payback simulate SCENARIO}: run the trials, print the summary, write the outputs. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate a scenario and write summary.json, summary.csv, cashflow.csv, business-case.xlsx, "
                + "report.html, report.pdf and charts into the output folder.")
public final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions input;

    @Mixin
    RunOptions run;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default: out/<scenario file name without extension>).")
    Path out;

    @Option(names = "--trials-csv", description = "Also write trials.csv: one row per trial, inputs drawn and outputs.")
    boolean trialsCsv;

    @Option(names = "--format", paramLabel = "LIST", split = ",",
            description = "Outputs to write, comma-separated from json,csv,xlsx,html,charts,pdf (default: all).")
    List<String> formats = new ArrayList<>();

    @Option(names = "--page-size", paramLabel = "SIZE",
            description = "Paper of report.pdf and of the report's print layout: A4 or LETTER "
                    + "(default: LETTER for USD and CAD, A4 for other currencies).")
    PdfReport.PageSize pageSize;

    @Option(names = "--sampling", paramLabel = "METHOD",
            description = "How inputs are drawn: random (default), lhs (Latin hypercube) or sobol (scrambled Sobol').")
    String sampling;

    @Option(names = "--precision", paramLabel = "X",
            description = "Run doubling batches until the 95%% half-width of every P(payback <= 3/6/12) is below X "
                    + "(e.g. 0.005); --trials then caps the trials (default 100,000,000).")
    Double precision;

    @Override
    public Integer call() throws InvalidInputException, IOException {
        run.check();
        Set<OutputFormat> selected;
        try {
            selected = OutputFormat.parse(formats);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--format: " + e.getMessage());
        }
        SamplingMethod method = samplingMethod();
        if (precision != null && !(precision > 0 && precision < 1)) {
            throw new ParameterException(spec.commandLine(),
                    "--precision must lie between 0 and 1 (a probability half-width such as 0.005), got " + precision);
        }

        Scenario s = run.apply(input.load());
        try (OutputFolder folder = OutputOptions.open(spec, out, Path.of("out", baseName(input.file())))) {
            return simulate(s, method, selected, folder);
        }
    }

    private Integer simulate(Scenario s, SamplingMethod method, Set<OutputFormat> selected, OutputFolder folder)
            throws IOException, InvalidInputException {
        Engine.Options options = run.engine().withSampling(method);
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
                int cap = run.trials != null ? run.trials : Precision.DEFAULT_MAX_TRIALS;
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

        Path dir = folder.target();
        List<Path> written = Outputs.write(folder, result, summary, selected,
                pageSize != null ? pageSize : PdfReport.PageSize.forCurrency(summary.currency()));
        Path csv = trialsCsv ? folder.write("trials.csv", w -> TrialsCsv.write(result, w)) : null;
        folder.publish();
        o.print(ConsoleSummary.render(summary));
        o.println();
        if (precisionNote != null) {
            o.println(precisionNote);
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
}
