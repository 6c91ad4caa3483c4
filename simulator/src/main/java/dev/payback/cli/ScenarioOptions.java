package dev.payback.cli;

import dev.payback.scenario.InvalidInputException;
import dev.payback.scenario.RunOverrides;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The scenario argument with its overrides, shared by every command that reads a scenario. */
final class ScenarioOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario file (YAML).")
    Path scenario;

    @Option(names = "--set", paramLabel = "PATH=YAML",
            description = "Override a value for a stress test, e.g. --set pain.exception_rate='{pert: [0.1, 0.2, 0.3]}'. "
                    + "Repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--stress", paramLabel = "NAME",
            description = "Apply a stress preset from the scenario's stress: map (before any --set).")
    String stress;

    /** The scenario file. */
    Path file() {
        return scenario;
    }

    /** The overrides as given on the command line. */
    RunOverrides overrides() {
        return new RunOverrides(stress, sets);
    }

    /**
     * The default output folder of a run of this scenario with these overrides:
     * {@code out/<file name without extension><suffix>} ({@link #defaultFolder(Path, RunOverrides)}).
     */
    Path defaultFolder() {
        return defaultFolder(scenario, overrides());
    }

    /**
     * The default output folder of a command that names its folder after the scenario with a
     * {@code kind} ("-sweep", "-pilot-plan"): {@code out/<file name without extension><kind>} plus the
     * overrides' suffix, so a stressed run never overwrites the base case's folder.
     */
    Path defaultFolder(String kind) {
        return Path.of("out", overrides().folderName(SimulateCommand.baseName(scenario) + kind));
    }

    /**
     * The one rule for default output folders: {@code out/<name>} for the base case,
     * {@code out/<name>--<preset>} for a stress preset, {@code out/<name>--set-<8 hex>} for --set
     * overrides ({@link RunOverrides#folderSuffix()}), {@code name} being the file name of
     * {@code named} without its extension. A stressed run never shares the base case's folder.
     */
    static Path defaultFolder(Path named, RunOverrides o) {
        return Path.of("out", o.folderName(SimulateCommand.baseName(named)));
    }

    /**
     * Rejects a {@code --set} without '=' (a command-line mistake, exit 2); the loader checks
     * the path and the value against the scenario.
     */
    void checkSets(String option, List<String> values) {
        for (String s : values) {
            int eq = s.indexOf('=');
            if (eq <= 0 || s.substring(0, eq).isBlank()) {
                throw new ParameterException(spec.commandLine(), option + " '" + s + "' is malformed: write "
                        + "PATH=VALUE, e.g. " + option + " pain.exception_rate='{pert: [0.1, 0.15, 0.2]}'");
            }
        }
    }

    /**
     * Loads the scenario with the overrides plus {@code extraSets} applied last, after setting aside
     * the correlations that name any of {@code uncorrelate} (a sweep fixes such an input).
     */
    Scenario loadUncorrelated(List<String> extraSets, java.util.Set<String> uncorrelate)
            throws InvalidInputException {
        checkSets("--set", sets);
        List<String> all = new ArrayList<>(sets);
        all.addAll(extraSets);
        return ScenarioLoader.loadUncorrelated(scenario, all, stress, uncorrelate);
    }

    /** Loads the scenario with {@code preset} applied instead of --stress, then the --set overrides. */
    Scenario loadWithStress(String preset) throws InvalidInputException {
        return ScenarioLoader.load(scenario, sets, preset);
    }

    /** Loads and validates the scenario with the overrides applied. */
    Scenario load() throws InvalidInputException {
        checkSets("--set", sets);
        return ScenarioLoader.load(scenario, sets, stress);
    }
}
