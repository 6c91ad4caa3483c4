package dev.payback.cli;

import dev.payback.scenario.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code payback validate SCENARIO}: every problem of the file, or "valid". */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a scenario file and print all of its problems, or \"valid\".")
public final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions input;

    @Override
    public Integer call() throws InvalidInputException {
        input.load();
        spec.commandLine().getOut().println(input.file() + ": valid");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
