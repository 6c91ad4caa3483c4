package dev.payback.cli;

import dev.payback.engine.Engine;
import dev.payback.engine.MemoryEstimate;
import dev.payback.scenario.Scenario;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.Locale;

/** --trials, --seed and --threads, shared by every command that runs the engine. */
final class RunOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--trials", paramLabel = "N", converter = WholeNumbers.Trials.class,
            description = "Number of trials, 1 to 2,147,483,647 (default: the scenario's).")
    Integer trials;

    @Option(names = "--seed", paramLabel = "S", converter = WholeNumbers.Seed.class, description = "Random seed, >= 0 (default: the scenario's).")
    Long seed;

    @Option(names = "--threads", paramLabel = "N", converter = WholeNumbers.Threads.class, description = "Worker threads (default: all cores).")
    Integer threads;

    /** Rejects values that picocli's types allow but the engine does not (a usage error, exit 2). */
    void check() {
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

    /**
     * The scenario with --trials and --seed applied, after checking that the run fits in memory: a
     * trial count whose arrays would not fit in the heap is refused before the run starts (exit 2,
     * like other limits of the command line), naming the largest count that fits.
     */
    Scenario apply(Scenario scenario) {
        return apply(scenario, engine());
    }

    /**
     * As {@link #apply(Scenario)}, for a run with these engine settings (e.g. without monthly paths,
     * which a run none of whose outputs reads them does not keep).
     */
    Scenario apply(Scenario scenario, Engine.Options engine) {
        return apply(scenario, engine, MemoryEstimate.usableHeap(Runtime.getRuntime().maxMemory()));
    }

    /** As {@link #apply(Scenario, Engine.Options)}, with {@code usable} bytes of heap for the run. */
    Scenario apply(Scenario scenario, Engine.Options engine, long usable) {
        Scenario s = scenario.withRun(trials != null ? trials : scenario.trials(),
                seed != null ? seed : scenario.seed());
        MemoryEstimate estimate = MemoryEstimate.of(s, engine);
        long need = estimate.bytes(s.trials());
        if (need > usable && threads != null && threads > 1) {
            // the per-thread buffers alone may be what does not fit: then fewer threads is the advice
            Engine.Options one = engine.withThreads(1);
            if (MemoryEstimate.of(s, one).bytes(s.trials()) <= usable) {
                int most = 1;
                while (most < threads && MemoryEstimate.of(s, engine.withThreads(most * 2)).bytes(s.trials()) <= usable) {
                    most *= 2;
                }
                throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                        "--threads %d needs about %d MB of memory for its per-thread buffers, but Java may use only "
                                + "about %d MB here: use at most --threads %d (this machine has %d cores)",
                        threads, need >> 20, Math.max(0, usable) >> 20, most,
                        Runtime.getRuntime().availableProcessors()));
            }
        }
        if (need > usable) {
            long fits = Math.min(Integer.MAX_VALUE, estimate.largestTrialsWithin(usable));
            long suggestGb = Math.max(2, (need + need / 10 + MemoryEstimate.MARGIN_BYTES + (1L << 30) - 1) >> 30);
            throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                    "%d trials%s need about %d MB of memory, but Java may use only about %d MB here: the largest "
                            + "trial count that fits is %d (run with --trials %d, or give Java more memory, e.g. "
                            + "JAVA_OPTS=-Xmx%dg)",
                    s.trials(), trials != null ? "" : " (simulation.trials)", need >> 20, Math.max(0, usable) >> 20,
                    fits, fits, suggestGb));
        }
        return s;
    }

    /** The engine settings with --threads applied. */
    Engine.Options engine() {
        Engine.Options options = Engine.Options.defaults();
        return threads != null ? options.withThreads(threads) : options;
    }
}
