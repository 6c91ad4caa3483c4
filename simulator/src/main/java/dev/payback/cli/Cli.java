package dev.payback.cli;

import dev.payback.scenario.InvalidInputException;
import dev.payback.scenario.Problem;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Builds the {@code payback} command line for {@link Main} and for tests, and maps domain errors to
 * exit codes: 0 success, 2 wrong usage, 3 invalid scenario or input file, 1 anything unexpected.
 */
public final class Cli {
    /** Exit code for an invalid scenario, pilot or other input file. */
    static final int INVALID_INPUT = 3;
    /** Exit code for anything unexpected. */
    static final int UNEXPECTED = 1;

    private Cli() {
    }

    /** A fresh command line with every subcommand and the exception mapper. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new PaybackCommand());
        // every subcommand's --version (from mixinStandardHelpOptions) prints the same line as payback --version
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().versionProvider(cl.getCommandSpec().versionProvider());
        }
        cl.setExecutionExceptionHandler(Cli::handle);
        cl.setParameterExceptionHandler(Cli::usage);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // a whole number beyond its type is refused naming the range, not "'2147483648' is not an int"
        cl.registerConverter(Integer.class, new WholeNumbers.AnyInt());
        cl.registerConverter(int.class, new WholeNumbers.AnyInt());
        cl.registerConverter(Long.class, new WholeNumbers.AnyLong());
        cl.registerConverter(long.class, new WholeNumbers.AnyLong());
        return cl;
    }

    /** A usage error: one line saying what is wrong, one line saying where help is. */
    private static int usage(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        // a converter's message that names its option itself needs no "Invalid value for option" before it
        err.println("payback: " + String.valueOf(e.getMessage())
                .replaceFirst("^Invalid value for option '(--[a-z-]+)': (\\1 )", "$2"));
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return CommandLine.ExitCode.USAGE;
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof InvalidInputException invalid) {
            for (Problem p : invalid.problems()) {
                err.println(p.line());
            }
            err.flush();
            return INVALID_INPUT;
        }
        if (e instanceof dev.payback.report.OutputFolder.WriteFailed failed) {
            // a full disk or an unwritable file: the message names the file and says the folder is unchanged
            err.println("payback: " + failed.getMessage());
            err.flush();
            return UNEXPECTED;
        }
        if (e instanceof CommandLine.ParameterException pe) {
            err.println("payback: " + pe.getMessage());
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        boolean debug = false;
        for (CommandLine.ParseResult r = parsed; r != null; r = r.subcommand()) {
            debug |= r.hasMatchedOption("--debug");
        }
        err.println("payback: unexpected error: " + describe(e) + (debug ? "" : " (run with --debug for details)"));
        if (debug) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.print(trace);
        }
        err.flush();
        return UNEXPECTED;
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }
}
