package dev.payback.cli;

import dev.payback.analysis.Sweep;
import dev.payback.engine.Engine;
import dev.payback.report.OutputFolder;
import dev.payback.report.sweep.SweepChart;
import dev.payback.report.sweep.SweepReport;
import dev.payback.scenario.InvalidInputException;
import dev.payback.scenario.Limits;
import dev.payback.scenario.Location;
import dev.payback.scenario.Problem;
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
    /**
     * Most values a sweep runs: each is a full simulation of the scenario (the default 100,000 trials
     * take about a second or more), so 1,001 steps are already a long run and a finer grid than any
     * break-even value needs.
     */
    static final int MAX_STEPS = 1_001;
    /** Plain numbers that must be whole: a sweep over them must step by whole numbers. */
    static final Set<String> WHOLE_NUMBERS = Set.of("horizon_months", "business.channels",
            "business.fulfillment_paths", "business.complexity", "business.adoption_readiness");
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
            description = "Output folder (default: out/<scenario file name without extension>-sweep).")
    Path out;

    /** A parsed {@code PATH=LO..HI}. */
    record Range(String path, double lo, double hi) {
    }

    @Override
    public Integer call() throws InvalidInputException, IOException {
        run.check();
        if (steps < 2 || steps > MAX_STEPS) {
            throw new ParameterException(spec.commandLine(), "--steps must be a whole number from 2 to "
                    + MAX_STEPS + " (each step is a full run of the scenario), got " + steps);
        }
        Range r = parseRange(spec, range);
        Scenario base = run.apply(input.load());
        try (OutputFolder folder = OutputOptions.open(spec, out,
                Path.of("out", SimulateCommand.baseName(input.file()) + "-sweep"))) {
            return sweep(r, base, folder);
        }
    }

    private Integer sweep(Range r, Scenario base, OutputFolder folder) throws InvalidInputException, IOException {
        List<Double> values = Sweep.values(r.lo(), r.hi(), steps);
        int n = base.trials();
        long s = base.seed();
        Engine.Options options = run.engine();
        // A fixed value cannot be correlated: the swept input's correlations are set aside, and its
        // partners keep their own distributions (docs/model-notes.md, "Sweeps").
        Set<String> uncorrelate = Set.of(canonical(r.path()));

        if (WHOLE_NUMBERS.contains(r.path())) {
            for (double v : values) {
                if (Math.abs(v - Math.rint(v)) > 1e-9) {
                    throw new ParameterException(spec.commandLine(), "--set-range " + r.path()
                            + " takes whole numbers, but the range " + valueText(r.lo()) + ".." + valueText(r.hi())
                            + " in " + values.size() + " steps gives " + valueText(v)
                            + ": choose LO, HI and --steps so that every step is whole (--steps N gives steps of "
                            + "(HI - LO) / (N - 1))");
                }
            }
        }
        List<Sweep.Step> stepResults = new ArrayList<>();
        List<Scenario> scenarios = new ArrayList<>();
        Scenario first = null;
        for (double v : values) {
            Scenario sc;
            try {
                sc = input.loadUncorrelated(List.of(r.path() + "=" + valueText(v)), uncorrelate).withRun(n, s);
            } catch (InvalidInputException e) {
                throw relabelled(e, r.path(), v);
            }
            if (first == null) {
                first = sc;
                checkSweepable(spec, r.path(), sc);
            }
            scenarios.add(sc);
        }
        // every value is checked by the loader before the first run
        for (int i = 0; i < values.size(); i++) {
            stepResults.add(Sweep.measure(values.get(i), Engine.run(scenarios.get(i), options)));
        }
        List<Sweep.OptionInfo> infos = new ArrayList<>();
        first.strategies().forEach(o -> infos.add(new Sweep.OptionInfo(o.id(), o.label())));
        Sweep sweep = new Sweep(base.name(), r.path(), base.currency(), n, s, first.paybackConfidence(), infos,
                stepResults);

        Path json = folder.write("sweep.json", SweepReport.json(sweep));
        Path csv = folder.write("sweep.csv", o -> SweepReport.csv(sweep, o));
        Path png = folder.write("sweep.png", o -> SweepChart.writePng(sweep, o));
        Path svg = folder.write("sweep.svg", o -> SweepChart.writeSvg(sweep, o));
        folder.publish();
        PrintWriter o = spec.commandLine().getOut();
        o.print(SweepReport.table(sweep));
        o.println();
        for (Path p : List.of(json, csv, png, svg)) {
            o.println("Wrote " + p);
        }
        o.flush();
        return 0;
    }

    /**
     * The loader's problems with a swept value, labelled {@code --set-range} (not {@code --set}, which
     * the user did not write) and naming the value.
     */
    private InvalidInputException relabelled(InvalidInputException e, String path, double v) {
        List<Problem> out = new ArrayList<>();
        for (Problem p : e.problems()) {
            boolean swept = p.location().file().equals("--set") && (p.path().equals(path)
                    || p.path().equals(canonical(path)) || p.path().startsWith(path + "."));
            out.add(swept ? new Problem(new Location("--set-range", 0, 0), p.path(),
                    p.message() + " (the swept value " + valueText(v) + ")", p.suggestion()) : p);
        }
        return new InvalidInputException(out);
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
            if (Double.isFinite(v) && Math.abs(v) > Limits.MAX_MAGNITUDE) {
                throw new ParameterException(spec.commandLine(), "--set-range '" + text + "': " + s
                        + " is too large: every input lies within ±1e15 (docs/model-notes.md, \"Loader bounds\")");
            }
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
