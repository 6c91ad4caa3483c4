package dev.payback.cli;

import dev.payback.analysis.Sweep;
import dev.payback.engine.Engine;
import dev.payback.report.ConsoleWidth;
import dev.payback.analysis.TwoWaySweep;
import dev.payback.engine.SimulationResult;
import dev.payback.report.OutputFolder;
import dev.payback.report.sweep.SweepChart;
import dev.payback.report.sweep.SweepHtml;
import dev.payback.report.sweep.SweepReport;
import dev.payback.report.sweep.TwoWayReport;
import dev.payback.sampling.SamplingMethod;
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
        description = "Re-run a scenario with one input (or two: a grid) fixed at each of a range of values and "
                + "find the break-even values; writes sweep-<input>.json, .csv, .html, .png and .svg into --out or "
                + "out/<scenario file name without extension>-sweep (plus the suffix of a stressed run).")
final class SweepCommand implements Callable<Integer> {
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
            description = "The input to sweep and its range, e.g. pain.exception_rate=0.04..0.24. Give it twice "
                    + "for a two-way sweep (a grid of both inputs, shown as tables and heat maps).")
    List<String> ranges = new ArrayList<>();

    @Mixin
    SamplingOptions sampling;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "11", converter = WholeNumbers.Steps.class,
            description = "Number of evenly spaced values, both ends included (default: ${DEFAULT-VALUE}).")
    int steps;

    @Mixin
    RunOptions run;

    @Mixin
    OutputOptions output;

    /** The canonical paths of the swept inputs, whose correlations are set aside. */
    private static Set<String> uncorrelateOf(List<Range> rs) {
        Set<String> uncorrelate = new java.util.LinkedHashSet<>();
        rs.forEach(r -> uncorrelate.add(canonical(r.path())));
        return uncorrelate;
    }

    /** What --steps takes, for its messages. */
    static String stepsRange(String got) {
        return "must be a whole number from 2 to " + MAX_STEPS + " (each step is a full run of the scenario), got "
                + got;
    }

    /** A parsed {@code PATH=LO..HI}. */
    record Range(String path, double lo, double hi) {
    }

    @Override
    public Integer call() throws InvalidInputException, IOException {
        run.check();
        if (steps < 2 || steps > MAX_STEPS) {
            throw new ParameterException(spec.commandLine(), "--steps " + stepsRange(Integer.toString(steps)));
        }
        if (ranges.size() > 2) {
            throw new ParameterException(spec.commandLine(), "--set-range: give one input (a sweep) or two (a "
                    + "two-way sweep), got " + ranges.size());
        }
        List<Range> rs = new ArrayList<>();
        for (String text : ranges) {
            rs.add(parseRange(spec, text));
        }
        if (rs.size() == 2 && canonical(rs.get(0).path()).equals(canonical(rs.get(1).path()))) {
            throw new ParameterException(spec.commandLine(), "--set-range: " + rs.get(0).path()
                    + " is given twice; a two-way sweep needs two different inputs");
        }
        SamplingMethod method = sampling.method();
        Scenario base = run.apply(input.load(), engine(method));
        try (OutputFolder folder = output.open(input.defaultFolder("-sweep"))) {
            return sweep(rs, base, method, folder);
        }
    }

    /**
     * The engine settings of every step: a step's figures come from the run's streamed statistics
     * ({@link Sweep#measure}), so no step keeps monthly paths (and none is refused for their memory).
     */
    private Engine.Options engine(SamplingMethod method) {
        return run.engine().withSampling(method).withMonthlyPathCap(0);
    }

    private Integer sweep(List<Range> rs, Scenario base, SamplingMethod method, OutputFolder folder)
            throws InvalidInputException, IOException {
        Path dir = folder.target();
        for (Range r : rs) {
            if (WHOLE_NUMBERS.contains(r.path())) {
                for (double v : Sweep.values(r.lo(), r.hi(), steps)) {
                    if (Math.abs(v - Math.rint(v)) > 1e-9) {
                        throw new ParameterException(spec.commandLine(), "--set-range " + r.path()
                                + " takes whole numbers, but the range " + valueText(r.lo()) + ".." + valueText(r.hi())
                                + " in " + steps + " steps gives " + valueText(v) + ": choose LO, HI and --steps so "
                                + "that every step is whole (--steps N gives steps of (HI - LO) / (N - 1))");
                    }
                }
            }
        }
        // Every swept value is loaded (and so checked) before the first run, and its run's memory too
        // (a longer horizon needs more): a value refused at the end of the range fails the sweep at
        // once, not after the runs before it. The runs go one after another, so the largest bounds
        // the memory.
        Engine.Options options = engine(method);
        if (rs.size() == 1) {
            for (double v : Sweep.values(rs.get(0).lo(), rs.get(0).hi(), steps)) {
                run.apply(loadStep(rs, List.of(v), uncorrelateOf(rs)), options);
            }
        } else {
            for (double y : Sweep.values(rs.get(1).lo(), rs.get(1).hi(), steps)) {
                for (double x : Sweep.values(rs.get(0).lo(), rs.get(0).hi(), steps)) {
                    run.apply(loadStep(rs, List.of(x, y), uncorrelateOf(rs)), options);
                }
            }
        }
        int n = base.trials();
        long s = base.seed();
        // A fixed value cannot be correlated: the swept inputs' correlations are set aside, and their
        // partners keep their own distributions (docs/model-notes.md, "Sweeps").
        Set<String> uncorrelate = uncorrelateOf(rs);
        List<String> paths = rs.stream().map(Range::path).toList();
        String stem = SweepReport.fileStem(paths);
        PrintWriter o = spec.commandLine().getOut();
        List<Path> written = new ArrayList<>();
        try (RunProgress progress = RunProgress.start("sweep")) {
            if (rs.size() == 1) {
                Range r = rs.get(0);
                List<Double> values = Sweep.values(r.lo(), r.hi(), steps);
                List<Sweep.Step> stepResults = new ArrayList<>();
                Scenario first = null;
                for (double v : values) {
                    Scenario sc = loadStep(List.of(r), List.of(v), uncorrelate).withRun(n, s);
                    if (first == null) {
                        first = sc;
                        checkSweepable(spec, r.path(), sc);
                    }
                    progress.batch(n, "value " + (stepResults.size() + 1) + " of " + values.size());
                    stepResults.add(Sweep.measure(v, Engine.run(sc, options, progress)));
                }
                progress.step("writing " + stem + ".*");
                List<Sweep.OptionInfo> infos = new ArrayList<>();
                first.strategies().forEach(op -> infos.add(new Sweep.OptionInfo(op.id(), op.label())));
                Sweep sweep = new Sweep(base.name(), r.path(), base.currency(), n, s, first.paybackConfidence(), infos,
                        stepResults, method.key(), base.overrides());
                written.add(folder.write(stem + ".json", SweepReport.json(sweep)));
                written.add(folder.write(stem + ".csv", w -> SweepReport.csv(sweep, w)));
                written.add(folder.write(stem + ".html", SweepHtml.render(sweep, stem)));
                written.add(folder.write(stem + ".png", w -> SweepChart.writePng(sweep, w)));
                written.add(folder.write(stem + ".svg", w -> SweepChart.writeSvg(sweep, w)));
                o.print(ConsoleWidth.fit(SweepReport.table(sweep)));
            } else {
                Range rx = rs.get(0);
                Range ry = rs.get(1);
                List<Double> xs = Sweep.values(rx.lo(), rx.hi(), steps);
                List<Double> ys = Sweep.values(ry.lo(), ry.hi(), steps);
                List<List<Sweep.Step>> cells = new ArrayList<>();
                Scenario first = null;
                for (double y : ys) {
                    List<Sweep.Step> row = new ArrayList<>();
                    for (double x : xs) {
                        Scenario sc = loadStep(rs, List.of(x, y), uncorrelate).withRun(n, s);
                        if (first == null) {
                            first = sc;
                            checkSweepable(spec, rx.path(), sc);
                            checkSweepable(spec, ry.path(), sc);
                        }
                        progress.batch(n, "cell " + (cells.size() * xs.size() + row.size() + 1) + " of "
                                + xs.size() * ys.size());
                        row.add(Sweep.measure(x, Engine.run(sc, options, progress)));
                    }
                    cells.add(row);
                }
                List<Sweep.OptionInfo> infos = new ArrayList<>();
                first.strategies().forEach(op -> infos.add(new Sweep.OptionInfo(op.id(), op.label())));
                progress.step("writing " + stem + ".*");
                TwoWaySweep sweep = new TwoWaySweep(base.name(), rx.path(), ry.path(), base.currency(), n, s,
                        first.paybackConfidence(), infos, xs, ys, cells, method.key(), base.overrides());
                written.add(folder.write(stem + ".json", TwoWayReport.json(sweep)));
                written.add(folder.write(stem + ".csv", w -> TwoWayReport.csv(sweep, w)));
                written.add(folder.write(stem + ".html", SweepHtml.render(sweep, stem)));
                o.print(ConsoleWidth.fit(TwoWayReport.table(sweep)));
            }
        }
        // the file names carry the swept input(s): the sweeps of other inputs in the folder are kept
        List<String> kept = folder.carryOver(name -> name.startsWith("sweep-"));
        OutputOptions.publish(spec, folder);
        o.println();
        // one line for the folder, one per file name: a long folder path does not push lines past 100 columns
        o.println("Wrote into " + dir + ":");
        for (Path p : written) {
            o.println("  " + dir.relativize(p));
        }
        if (!kept.isEmpty()) {
            o.println("Kept there from earlier sweeps of other inputs:");
            kept.forEach(name -> o.println("  " + name));
        }
        o.flush();
        return 0;
    }

    /**
     * The scenario with the swept input fixed at {@code v}. The user's own --set values were
     * checked when the base scenario loaded, so a problem of an override here is the range's:
     * it is reported under --set-range, not --set.
     */
    private Scenario loadStep(List<Range> rs, List<Double> vs, Set<String> uncorrelate)
            throws InvalidInputException {
        List<String> sets = new ArrayList<>();
        for (int k = 0; k < rs.size(); k++) {
            sets.add(rs.get(k).path() + "=" + valueText(vs.get(k)));
        }
        try {
            return input.loadUncorrelated(sets, uncorrelate);
        } catch (InvalidInputException e) {
            List<Problem> renamed = new ArrayList<>();
            for (Problem p : e.problems()) {
                if (!(p.location().file().equals("--set") && p.location().line() == 0)) {
                    renamed.add(p);
                    continue;
                }
                String value = "";
                for (int k = 0; k < rs.size(); k++) {
                    String path = rs.get(k).path();
                    if (p.path().equals(path) || p.path().equals(canonical(path)) || p.path().startsWith(path + ".")) {
                        value = " (the swept value " + valueText(vs.get(k)) + ")";
                    }
                }
                renamed.add(new Problem(Location.unknown("--set-range"), p.path(), p.message() + value,
                        p.suggestion()));
            }
            throw new InvalidInputException(renamed);
        }
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
