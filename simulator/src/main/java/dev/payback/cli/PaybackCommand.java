package dev.payback.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** The top-level {@code payback} command: a list of subcommands. */
@Command(name = "payback",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        description = "Monte Carlo ROI and cost-threshold simulator for operate-vs-orchestrate decisions.",
        subcommands = {SimulateCommand.class, ValidateCommand.class, SweepCommand.class, CompareCommand.class,
            PilotCommand.class, PilotPlanCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:a write that failed (e.g. a full disk; the output folder is unchanged) or an unexpected error "
                + "(add --debug for the stack trace)",
            "2:wrong command-line usage (also an --out folder that cannot be used)",
            "3:invalid scenario or input file"})
final class PaybackCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print the stack trace of an unexpected error.")
    boolean debug;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: try 'payback simulate SCENARIO'");
    }
}
