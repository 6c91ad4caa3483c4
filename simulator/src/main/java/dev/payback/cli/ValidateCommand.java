package dev.payback.cli;

import dev.payback.scenario.InvalidInputException;
import dev.payback.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code payback validate SCENARIO}: every problem of the file, or "valid". */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a scenario file and print all of its problems, or \"valid\".")
public final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario file (YAML).")
    Path scenario;

    @Option(names = "--set", paramLabel = "PATH=YAML", description = "Override a value, as for simulate.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--stress", paramLabel = "NAME", description = "Apply a stress preset of the scenario.")
    String stress;

    @Override
    public Integer call() throws InvalidInputException {
        ScenarioLoader.load(scenario, sets, stress);
        spec.commandLine().getOut().println(scenario + ": valid");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
