package dev.payback.cli;

import dev.payback.scenario.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import dev.payback.scenario.InvalidInputException;
import dev.payback.scenario.PilotLoader;
import dev.payback.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code payback validate SCENARIO [--pilot PILOT]}: every problem of the files, or "valid". */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a scenario file (and, with --pilot, a pilot file against it) and print all of "
                + "their problems, or \"valid\".")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions input;

    @Option(names = "--pilot", paramLabel = "PILOT",
            description = "Also check this pilot file (docs/model.md section 6) against the scenario.")
    Path pilot;

    @Override
    public Integer call() throws InvalidInputException {
        Scenario scenario = input.load();
        // every stress preset must load too, not only the one applied: simulate --stress may use any
        List<Problem> presetProblems = new ArrayList<>();
        for (String preset : new TreeSet<>(scenario.stress().keySet())) {
            try {
                input.loadWithStress(preset);
            } catch (InvalidInputException e) {
                for (Problem p : e.problems()) {
                    presetProblems.add(new Problem(p.location(), p.path(), p.message() + " (with --stress " + preset
                            + ")", p.suggestion()));
                }
            }
        }
        if (!presetProblems.isEmpty()) {
            throw new InvalidInputException(presetProblems);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(input.file() + ": valid");
        if (pilot != null) {
            PilotLoader.load(pilot, scenario);
            out.println(pilot + ": valid");
        }
        out.flush();
        return 0;
    }
}
