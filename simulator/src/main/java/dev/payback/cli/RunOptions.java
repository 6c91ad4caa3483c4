package dev.payback.cli;

import dev.payback.engine.Engine;
import dev.payback.scenario.Scenario;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** --trials, --seed and --threads, shared by every command that runs the engine. */
public final class RunOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--trials", paramLabel = "N", description = "Number of trials (default: the scenario's).")
    Integer trials;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed, >= 0 (default: the scenario's).")
    Long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    /** Rejects values that picocli's types allow but the engine does not (a usage error, exit 2). */
    public void check() {
        positive("--trials", trials);
        if (seed != null && seed < 0) {
            throw new ParameterException(spec.commandLine(), "--seed must be 0 or more, got " + seed);
        }
        positive("--threads", threads);
    }

    private void positive(String option, Integer value) {
        if (value != null && value < 1) {
            throw new ParameterException(spec.commandLine(), option + " must be at least 1, got " + value);
        }
    }

    /** The scenario with --trials and --seed applied. */
    public Scenario apply(Scenario s) {
        return s.withRun(trials != null ? trials : s.trials(), seed != null ? seed : s.seed());
    }

    /** The engine settings with --threads applied. */
    public Engine.Options engine() {
        Engine.Options options = Engine.Options.defaults();
        return threads != null ? options.withThreads(threads) : options;
    }
}
