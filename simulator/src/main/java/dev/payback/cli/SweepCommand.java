package dev.payback.cli;

import dev.payback.analysis.Sweep;
import dev.payback.engine.Engine;
import dev.payback.report.AtomicFiles;
import dev.payback.report.sweep.SweepChart;
import dev.payback.report.sweep.SweepReport;
import dev.payback.scenario.InvalidInputException;
import dev.payback.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code payback sweep SCENARIO --set-range PATH=LO..HI}: re-run the scenario with one input fixed
 * at each of N evenly spaced values (same seed, so every other input keeps its draws), and report
 * each option's mean NPV, P(payback ≤ 12 months) and P(best) per value, with the break-even values.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Re-run a scenario with one input fixed at each of a range of values and find the "
                + "break-even values; writes sweep.json, sweep.csv, sweep.png and sweep.svg.")
public final class SweepCommand implements Callable<Integer> {
    /** Plain numbers of a scenario that the model uses and that a sweep may set. */
    static final Set<String> PLAIN_NUMBERS = Set.of("horizon_months", "discount_rate", "business.hours_per_fte_year",
            "business.channels", "business.fulfillment_paths", "business.complexity", "business.adoption_readiness",
            "decision.payback_confidence");
    private static final Pattern RANGE = Pattern.compile("\\s*([^=\\s]+)\\s*=\\s*(\\S+?)\\s*\\.\\.\\s*(\\S+)\\s*");

    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions input;

    @Option(names = "--set-range", required = true, paramLabel = "PATH=LO..HI",
            description = "The input to sweep and its range, e.g. pain.exception_rate=0.04..0.24.")
    String range;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "11",
            description = "Number of evenly spaced values, both ends included (default: ${DEFAULT-VALUE}).")
    int steps;

    @Mixin
    RunOptions run;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default: out/<scenario file name without extension>).")
    Path out;

    /** A parsed {@code PATH=LO..HI}. */
    record Range(String path, double lo, double hi) {
    }

    @Override
    public Integer call() throws InvalidInputException, IOException {
        run.check();
        if (steps < 2) {
            throw new ParameterException(spec.commandLine(), "--steps must be at least 2, got " + steps);
        }
        Range r = parseRange(spec, range);
        Path dir = out != null ? out : Path.of("out", SimulateCommand.baseName(input.file()));
        SimulateCommand.CliChecks.outputFolder(spec, dir);

        Scenario base = run.apply(input.load());
        List<Double> values = Sweep.values(r.lo(), r.hi(), steps);
        int n = base.trials();
        long s = base.seed();
        Engine.Options options = run.engine();
        // A fixed value cannot be correlated: the swept input's correlations are set aside, and its
        // partners keep their own distributions (docs/model-notes.md, "Sweeps").
        Set<String> uncorrelate = Set.of(canonical(r.path()));

        List<Sweep.Step> stepResults = new ArrayList<>();
        Scenario first = null;
        for (double v : values) {
            Scenario sc = input.loadUncorrelated(List.of(r.path() + "=" + valueText(v)), uncorrelate).withRun(n, s);
            if (first == null) {
                first = sc;
                checkSweepable(spec, r.path(), sc);
            }
            stepResults.add(Sweep.measure(v, Engine.run(sc, options)));
        }
        List<Sweep.OptionInfo> infos = new ArrayList<>();
        first.strategies().forEach(o -> infos.add(new Sweep.OptionInfo(o.id(), o.label())));
        Sweep sweep = new Sweep(base.name(), r.path(), base.currency(), n, s, first.paybackConfidence(), infos,
                stepResults);

        Files.createDirectories(dir);
        Path json = dir.resolve("sweep.json");
        Path csv = dir.resolve("sweep.csv");
        Path png = dir.resolve("sweep.png");
        Path svg = dir.resolve("sweep.svg");
        AtomicFiles.write(json, SweepReport.json(sweep));
        AtomicFiles.write(csv, o -> SweepReport.csv(sweep, o));
        AtomicFiles.write(png, o -> SweepChart.writePng(sweep, o));
        AtomicFiles.write(svg, o -> SweepChart.writeSvg(sweep, o));
        PrintWriter o = spec.commandLine().getOut();
        o.print(SweepReport.table(sweep));
        o.println();
        for (Path p : List.of(json, csv, png, svg)) {
            o.println("Wrote " + p);
        }
        o.flush();
        return 0;
    }

    /** Parses {@code PATH=LO..HI}; a usage error (exit 2) when malformed. */
    static Range parseRange(CommandSpec spec, String text) {
        Matcher m = RANGE.matcher(text);
        if (!m.matches()) {
            throw new ParameterException(spec.commandLine(), "--set-range '" + text
                    + "' is malformed: write PATH=LO..HI, e.g. pain.exception_rate=0.04..0.24");
        }
        double lo = number(spec, text, m.group(2));
        double hi = number(spec, text, m.group(3));
        if (!(lo < hi)) {
            throw new ParameterException(spec.commandLine(), "--set-range '" + text
                    + "': LO must be below HI, e.g. pain.exception_rate=0.04..0.24");
        }
        String path = m.group(1);
        if (path.equals("name") || path.equals("currency") || path.startsWith("simulation")
                || path.equals("business.seasonality") || path.startsWith("correlations")
                || path.startsWith("stress") || path.startsWith("scorecard_weights") || path.matches("options\\.[^.]+\\.(label|kind|id|scorecard(\\..*)?)")) {
            throw new ParameterException(spec.commandLine(), "--set-range: " + path + " is not a model input that "
                    + "can be swept; sweep e.g. pain.exception_rate or options.<id>.one_time_cost");
        }
        return new Range(path, lo, hi);
    }

    private static double number(CommandSpec spec, String text, String s) {
        try {
            double v = Double.parseDouble(s);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through to the usage error
        }
        throw new ParameterException(spec.commandLine(), "--set-range '" + text + "': '" + s
                + "' is not a number (write 15% as 0.15)");
    }

    /** The canonical input path: {@code pain.other.x.per_year} is the input {@code pain.other.x}. */
    static String canonical(String path) {
        return path.startsWith("pain.other.") && path.endsWith(".per_year")
                ? path.substring(0, path.length() - ".per_year".length()) : path;
    }

    private static void checkSweepable(CommandSpec spec, String path, Scenario sc) {
        if (sc.input(canonical(path)) == null && !PLAIN_NUMBERS.contains(path)) {
            throw new ParameterException(spec.commandLine(), "--set-range: " + path
                    + " is not a model input that can be swept; sweep e.g. pain.exception_rate");
        }
    }

    /** The text a swept value is given to the loader with: 12 significant digits, no trailing zeros. */
    static String valueText(double v) {
        return new BigDecimal(v).round(new MathContext(12)).stripTrailingZeros().toPlainString();
    }
}
