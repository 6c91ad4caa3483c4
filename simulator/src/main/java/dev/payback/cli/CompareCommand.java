package dev.payback.cli;

import dev.payback.engine.Bounded;
import dev.payback.analysis.Analysis;
import dev.payback.analysis.Comparison;
import dev.payback.analysis.Summary;
import dev.payback.engine.Engine;
import dev.payback.engine.SimulationResult;
import dev.payback.report.OutputFolder;
import dev.payback.engine.SimulationResult;
import dev.payback.report.ConsoleWidth;
import dev.payback.report.charts.ChartData;
import dev.payback.report.charts.ChartImages;
import dev.payback.report.charts.Charts;

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
import java.nio.file.Files;
import java.util.regex.Pattern;
import java.util.regex.Matcher;

/**
 * {@code payback compare A.yaml B.yaml [...]}: simulate each scenario and show the headline figures
 * side by side with their differences against the first.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Simulate two or more scenarios and compare their headline figures; writes compare.json, "
                + "compare.csv and compare.html into --out or out/compare.")
final class CompareCommand implements Callable<Integer> {
    private static final Pattern NUMBERED = Pattern.compile("(\\d+):(.*)", Pattern.DOTALL);

    /** One run to compare: its file, stress preset (or null) and overrides. */
    record RunSpec(Path file, String preset, List<String> sets) {
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0..*", arity = "1..*", paramLabel = "SCENARIO[@PRESET]",
            description = "Two or more runs: a scenario file, optionally with @ and one of its stress presets. "
                    + "Differences are against the first.")
    List<String> runs = new ArrayList<>();

    @Option(names = "--set", paramLabel = "[N:]PATH=VALUE",
            description = "Override a value in run N (1 = the first), or in every run without N:, e.g. "
                    + "--set 2:pain.exception_rate=0.2. Repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--stress", paramLabel = "N:PRESET",
            description = "Apply a stress preset to run N, like SCENARIO@PRESET. Repeatable.")
    List<String> stresses = new ArrayList<>();

    @Mixin
    RunOptions run;

    @Mixin
    SamplingOptions sampling;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws InvalidInputException, IOException {
        run.check();
        if (runs.size() < 2) {
            throw new ParameterException(spec.commandLine(), "compare needs at least two runs, got "
                    + runs.size() + ": to look at one scenario use payback simulate, or compare it with a preset "
                    + "of itself: compare FILE FILE@PRESET");
        }
        List<RunSpec> specs = runSpecs();
        // Load every file first, so all problems of all files are reported before any simulation.
        List<Scenario> loaded = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (RunSpec r : specs) {
            try {
                loaded.add(ScenarioLoader.load(r.file(), r.sets(), r.preset()));
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
                throw new ParameterException(spec.commandLine(), runs.get(i) + ": " + e.getMessage());
            }
        }
        try (OutputFolder folder = output.open(Path.of("out", "compare"))) {
            return compare(loaded, specs, folder);
        }
    }

    private Integer compare(List<Scenario> loaded, List<RunSpec> specs, OutputFolder folder)
            throws IOException, InvalidInputException {
        Engine.Options options = run.engine().withSampling(sampling.method());
        List<Summary> summaries = new ArrayList<>();
        List<String> files = new ArrayList<>();
        List<CompareReport.RunCharts> charts = new ArrayList<>();
        try (RunProgress progress = RunProgress.start("compare")) {
            for (int i = 0; i < loaded.size(); i++) {
                Scenario s = loaded.get(i);
                progress.batch(s.trials(), "run " + (i + 1) + " of " + loaded.size());
                SimulationResult result = Engine.run(s, options, progress);
                progress.step("summarizing run " + (i + 1) + " and drawing its charts");
                // the statistics after the engine, like the engine, use at most --threads workers
                Summary summary = Bounded.run(options.threads(), () -> Analysis.headlines(result));
                summaries.add(summary);
                files.add(specs.get(i).file().toString());
                ChartData d = ChartData.of(result, summary);
                charts.add(new CompareReport.RunCharts(
                        ChartImages.svgElement(Charts.npv(d), "run" + (i + 1) + "-npv"),
                        ChartImages.svgElement(Charts.paybackProbability(d), "run" + (i + 1) + "-payback")));
            }
        }
        Comparison c = Comparison.of(files, summaries, loaded);

        Path json = folder.write("compare.json", CompareReport.json(c));
        Path csv = folder.write("compare.csv", o -> CompareReport.csv(c, o));
        Path html = folder.write("compare.html", CompareReport.html(c, charts));
        OutputOptions.publish(spec, folder);
        PrintWriter o = spec.commandLine().getOut();
        o.print(ConsoleWidth.fit(CompareReport.table(c)));
        o.println();
        // one line for the folder, one per file name: a long folder path does not push lines past 100 columns
        Path dir = folder.target();
        o.println("Wrote into " + dir + ":");
        for (Path p : List.of(json, csv, html)) {
            o.println("  " + dir.relativize(p));
        }
        o.flush();
        return 0;
    }

    /** The runs with their presets and overrides; usage errors (exit 2) for malformed ones. */
    List<RunSpec> runSpecs() {
        int n = runs.size();
        String[] presets = new String[n];
        List<List<String>> perRun = new ArrayList<>();
        Path[] files = new Path[n];
        for (int i = 0; i < n; i++) {
            perRun.add(new ArrayList<>());
            String arg = runs.get(i);
            int at = arg.lastIndexOf('@');
            // a file whose own name holds '@' is taken as it is
            if (at > 0 && !Files.exists(Path.of(arg))) {
                String preset = arg.substring(at + 1);
                if (preset.isBlank()) {
                    throw new ParameterException(spec.commandLine(), "'" + arg + "': name a stress preset after @, "
                            + "e.g. " + arg + "peak_season");
                }
                files[i] = Path.of(arg.substring(0, at));
                presets[i] = preset;
            } else {
                files[i] = Path.of(arg);
            }
        }
        for (String s : stresses) {
            Matcher m = NUMBERED.matcher(s);
            if (!m.matches() || m.group(2).isBlank()) {
                throw new ParameterException(spec.commandLine(), "--stress '" + s + "' is malformed: write N:PRESET, "
                        + "e.g. --stress 2:peak_season (or give the run as SCENARIO@PRESET)");
            }
            int k = index(m.group(1), "--stress", s, n);
            if (presets[k] != null) {
                throw new ParameterException(spec.commandLine(), "--stress '" + s + "': run " + (k + 1)
                        + " already has the stress preset " + presets[k] + "; give one preset per run");
            }
            presets[k] = m.group(2);
        }
        for (String s : sets) {
            int eq = s.indexOf('=');
            Matcher m = NUMBERED.matcher(eq < 0 ? s : s.substring(0, eq));
            String body = s;
            int k = -1;
            if (m.matches()) {
                k = index(m.group(1), "--set", s, n);
                body = m.group(2) + (eq < 0 ? "" : s.substring(eq));
            }
            int beq = body.indexOf('=');
            if (beq <= 0 || body.substring(0, beq).isBlank()) {
                throw new ParameterException(spec.commandLine(), "--set '" + s + "' is malformed: write "
                        + "[N:]PATH=VALUE, e.g. --set 2:pain.exception_rate=0.2");
            }
            for (int i = 0; i < n; i++) {
                if (k < 0 || k == i) {
                    perRun.get(i).add(body);
                }
            }
        }
        List<RunSpec> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new RunSpec(files[i], presets[i], List.copyOf(perRun.get(i))));
        }
        return out;
    }

    private int index(String digits, String option, String arg, int n) {
        int k;
        try {
            k = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            k = 0;
        }
        if (k < 1 || k > n) {
            throw new ParameterException(spec.commandLine(), option + " '" + arg + "': there is no run " + digits
                    + "; the runs are numbered 1 to " + n + " in the order given");
        }
        return k - 1;
    }
}
