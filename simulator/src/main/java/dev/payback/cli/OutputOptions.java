package dev.payback.cli;

import dev.payback.report.OutputFolder;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code --out} and its checks, shared by every command that writes files. The folder is opened before
 * the run: every check that can be made then is made then, and a folder that cannot be used is a usage
 * error (exit 2). Each command's description names its default folder.
 */
final class OutputOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default: the folder under out/ that the description above names).")
    Path out;

    /** Whether --out was given. */
    boolean given() {
        return out != null;
    }

    /**
     * Publishes the folder's new set, then prints on standard error what could not be cleaned up
     * (the run is complete; a leftover of an earlier run is the user's to delete).
     */
    static void publish(CommandSpec spec, OutputFolder folder) throws IOException {
        folder.publish();
        java.io.PrintWriter err = spec.commandLine().getErr();
        for (String w : folder.warnings()) {
            err.println("payback: warning: " + w);
        }
        err.flush();
    }

    /**
     * The folder for {@code --out} (or {@code fallback} when it was not given), locked for this run. Its
     * marker records this command's name, and a folder another command wrote is refused, whether named
     * with --out or not: one command never replaces another's outputs.
     */
    OutputFolder open(Path fallback) throws IOException {
        Path dir = out != null ? out : fallback;
        try {
            return OutputFolder.open(dir, spec.name());
        } catch (OutputFolder.Refused e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
