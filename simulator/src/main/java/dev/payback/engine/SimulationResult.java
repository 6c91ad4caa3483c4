package dev.payback.engine;

import dev.payback.sampling.SamplingMethod;
import dev.payback.scenario.Scenario;

import java.util.Objects;

/**
 * Everything a run produced, for the analysis and the reports.
 *
 * <p><b>Retained trials.</b> Per-trial data ({@link #inputs()}, {@link #input(String)},
 * {@link #columns()}) is kept for the <em>retained</em> trials only, so memory does not grow with
 * the number of trials: every trial while the run has at most the retention line (by default
 * derived from a memory budget, {@link MemoryEstimate#retainLine}, at least
 * {@value Engine.Options#DEFAULT_RETAIN_CAP}), otherwise a pseudo-random subset of about that many
 * trials keyed by the trial index ({@link Retention}), a uniform random sample for every sampling
 * method. Row j of every retained column is trial {@code retention().trial(j)}, inputs and outputs
 * aligned. {@link #stats()} holds exact counts and moments over all trials; {@link #paths()} has
 * its own line.
 *
 * @param scenario     the scenario as run (trials and seed after CLI overrides)
 * @param layout       which column is which input
 * @param inputs       the sampled (and clamped) inputs of the retained trials, [column][row], in
 *                     {@link Layout#inputs()} order
 * @param clampCounts  per column, how many trials (of all) were clamped into the input's domain
 * @param columns      the per-trial outputs of the retained trials
 * @param paths        monthly cumulative net positions of a bounded subsample of trials
 * @param stats        exact counts and moments over all trials
 * @param retention    which trials are retained, row by row
 * @param sampling     how the inputs were drawn ({@code --sampling}), which every output states
 */
public record SimulationResult(
        Scenario scenario,
        Layout layout,
        double[][] inputs,
        long[] clampCounts,
        TrialColumns columns,
        MonthlyPaths paths,
        RunStats stats,
        Retention retention,
        SamplingMethod sampling) {

    public SimulationResult {
        Objects.requireNonNull(sampling, "sampling");
    }

    /** Number of trials run (all of them, not only the retained ones). */
    public int trials() {
        return scenario.trials();
    }

    /** Number of retained trials: the length of every column of {@link #inputs()} and {@link #columns()}. */
    public int retained() {
        return columns.rows();
    }

    /** True when every trial is retained (the run had at most the retention line of trials). */
    public boolean allRetained() {
        return retention.all();
    }

    /**
     * The same run without its monthly paths ({@link #paths()} is null): what an output stage hands on
     * once every figure drawn from the paths is computed, so that they can be collected. This run is
     * not changed.
     */
    public SimulationResult withoutPaths() {
        return new SimulationResult(scenario, layout, inputs, clampCounts, columns, null, stats, retention, sampling);
    }

    /** The sampled values of the input with this path for the retained trials, or null when there is none. */
    public double[] input(String path) {
        int c = layout.column(path);
        return c == Layout.NONE ? null : inputs[c];
    }
}
