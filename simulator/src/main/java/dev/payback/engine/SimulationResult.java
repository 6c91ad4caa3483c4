package dev.payback.engine;

import dev.payback.scenario.Scenario;

/**
 * Everything a run produced, for the analysis and the reports.
 *
 * @param scenario     the scenario as run (trials and seed after CLI overrides)
 * @param layout       which column is which input
 * @param inputs       the sampled (and clamped) inputs, [column][trial], in {@link Layout#inputs()} order
 * @param clampCounts  per column, how many trials were clamped into the input's domain
 * @param columns      the per-trial outputs
 * @param paths        monthly cumulative net positions of a bounded subsample of trials
 */
public record SimulationResult(
        Scenario scenario,
        Layout layout,
        double[][] inputs,
        long[] clampCounts,
        TrialColumns columns,
        MonthlyPaths paths) {

    /** Number of trials. */
    public int trials() {
        return columns.trials();
    }

    /** The sampled values of the input with this path, or null when there is none. */
    public double[] input(String path) {
        int c = layout.column(path);
        return c == Layout.NONE ? null : inputs[c];
    }
}
