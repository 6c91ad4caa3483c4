package dev.payback.cli;

import dev.payback.report.OutputFolder;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens the output folder of a command ({@code --out} or its default) before the run: every check
 * that can be made then is made then, and a folder that cannot be used is a usage error (exit 2).
 */
final class OutputOptions {
    private OutputOptions() {
    }

    /** The folder for {@code --out} (or {@code fallback} when it was not given), locked for this run. */
    static OutputFolder open(CommandSpec spec, Path out, Path fallback) throws IOException {
        Path dir = out != null ? out : fallback;
        try {
            return OutputFolder.open(dir);
        } catch (OutputFolder.Refused e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
