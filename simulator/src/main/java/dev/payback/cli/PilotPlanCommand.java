package dev.payback.cli;

import dev.payback.analysis.PilotPlanSummary;
import dev.payback.engine.PilotPlan;
import dev.payback.report.OutputFolder;
import dev.payback.report.pilotplan.PilotPlanChart;
import dev.payback.report.pilotplan.PilotPlanHtml;
import dev.payback.report.pilotplan.PilotPlanReport;
import dev.payback.sampling.SamplingMethod;
import dev.payback.scenario.Driver;
import dev.payback.scenario.InvalidInputException;
import dev.payback.scenario.OptionSpec;
import dev.payback.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code payback pilot-plan SCENARIO --option ID}: evaluate a grid of pilot designs (share of
 * orders × pilot months × go target) of one option's staged rollout (docs/model.md section 7) on the same
 * simulated futures, and name the design with the highest mean NPV and the one with the highest P10.
 */
@Command(name = "pilot-plan", mixinStandardHelpOptions = true,
        description = "Compare pilot designs (share, months, go target) of an option's staged rollout on the same "
                + "futures; writes pilot-plan.json, pilot-plan.csv, pilot-plan.png/.svg and pilot-plan.html into --out "
                + "or out/<scenario file name without extension>-pilot-plan (plus the suffix of a stressed run).")
final class PilotPlanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions input;

    @Option(names = "--option", required = true, paramLabel = "ID", description = "The option to pilot.")
    String option;

    @Option(names = "--shares", paramLabel = "LIST", split = ",", defaultValue = "0.1,0.25,0.5",
            description = "Pilot shares of orders, each in (0, 1) (default: ${DEFAULT-VALUE}).")
    List<Double> shares;

    @Option(names = "--months", paramLabel = "LIST", split = ",", defaultValue = "1,2,3,4,6",
            description = "Live pilot months before the gate, whole numbers >= 1 (default: ${DEFAULT-VALUE}).")
    List<Integer> months;

    @Option(names = "--targets", paramLabel = "LIST", split = ",", defaultValue = "0.1,0.2,0.3,0.4,0.5",
            description = "Go targets: the exception-rate reduction the pilot must show, each in [0, 1] "
                    + "(default: ${DEFAULT-VALUE}).")
    List<Double> targets;

    @Mixin
    RunOptions run;

    @Mixin
    SamplingOptions sampling;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws InvalidInputException, IOException {
        run.check();
        SamplingMethod method = sampling.method();
        List<PilotPlan.Design> designs = designs();
        Scenario s = run.apply(input.load());
        OptionSpec o = s.option(option);
        if (o == null) {
            throw new ParameterException(spec.commandLine(), "--option " + option + " is not an option of the "
                    + "scenario; its options are " + String.join(", ", s.options().stream().map(OptionSpec::id)
                    .toList()));
        }
        if (!o.effects().containsKey(Driver.EXCEPTION_RATE.key())) {
            throw new ParameterException(spec.commandLine(), "--option " + option + " has no exception_rate effect, "
                    + "which the pilot's gate measures; add effects: {exception_rate: ...} to it");
        }
        try (OutputFolder folder = output.open(input.defaultFolder("-pilot-plan"))) {
            return plan(s, designs, method, folder);
        }
    }

    private Integer plan(Scenario s, List<PilotPlan.Design> designs, SamplingMethod method, OutputFolder folder)
            throws InvalidInputException, IOException {
        PilotPlan.Result result = PilotPlan.run(s, option, designs, run.engine().withSampling(method));
        PilotPlanSummary summary = PilotPlanSummary.of(result);

        Path json = folder.write("pilot-plan.json", PilotPlanReport.json(summary));
        Path csv = folder.write("pilot-plan.csv", w -> PilotPlanReport.csv(summary, w));
        Path png = folder.write("pilot-plan.png", w -> PilotPlanChart.writePng(summary, w));
        Path svg = folder.write("pilot-plan.svg", w -> PilotPlanChart.writeSvg(summary, w));
        Path html = folder.write("pilot-plan.html", PilotPlanHtml.render(summary, PilotPlanChart.svg(summary))
                .getBytes(StandardCharsets.UTF_8));
        OutputOptions.publish(spec, folder);
        PrintWriter p = spec.commandLine().getOut();
        p.print(PilotPlanReport.table(summary));
        p.println();
        for (Path f : List.of(json, csv, png, svg, html)) {
            p.println("Wrote " + f);
        }
        p.flush();
        return 0;
    }

    /** The grid, shares outermost, then months, then targets; a usage error (exit 2) for a bad value. */
    List<PilotPlan.Design> designs() {
        for (double x : shares) {
            if (!(x > 0 && x < 1)) {
                throw new ParameterException(spec.commandLine(), "--shares: each share must lie strictly between "
                        + "0 and 1, got " + x);
            }
        }
        for (int m : months) {
            if (m < 1 || m > 120) {
                throw new ParameterException(spec.commandLine(), "--months: each must be a whole number from 1 to "
                        + "120, got " + m);
            }
        }
        for (double x : targets) {
            if (!(x >= 0 && x <= 1)) {
                throw new ParameterException(spec.commandLine(), "--targets: each target must lie between 0 and 1 "
                        + "(write 30% as 0.3), got " + x);
            }
        }
        List<PilotPlan.Design> out = new ArrayList<>();
        for (double sh : shares) {
            for (int m : months) {
                for (double t : targets) {
                    PilotPlan.Design d = new PilotPlan.Design(sh, m, t);
                    if (!out.contains(d)) {
                        out.add(d);
                    }
                }
            }
        }
        return out;
    }
}
