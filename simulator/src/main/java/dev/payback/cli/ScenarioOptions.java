package dev.payback.cli;

import dev.payback.scenario.InvalidInputException;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The scenario argument with its overrides, shared by every command that reads a scenario. */
public final class ScenarioOptions {
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
    public Path file() {
        return scenario;
    }

    /**
     * Loads the scenario with the overrides plus {@code extraSets} applied last, after setting aside
     * the correlations that name any of {@code uncorrelate} (a sweep fixes such an input).
     */
    public Scenario loadUncorrelated(List<String> extraSets, java.util.Set<String> uncorrelate)
            throws InvalidInputException {
        List<String> all = new ArrayList<>(sets);
        all.addAll(extraSets);
        return ScenarioLoader.loadUncorrelated(scenario, all, stress, uncorrelate);
    }

    /** Loads the scenario with {@code preset} applied instead of --stress, then the --set overrides. */
    public Scenario loadWithStress(String preset) throws InvalidInputException {
        return ScenarioLoader.load(scenario, sets, preset);
    }

    /** Loads and validates the scenario with the overrides applied. */
    public Scenario load() throws InvalidInputException {
        return ScenarioLoader.load(scenario, sets, stress);
    }
}
