package dev.payback.engine;

/**
 * Sees every trial of a run, block by block, while {@link Engine#run(dev.payback.scenario.Scenario,
 * Engine.Options, java.util.function.LongConsumer, BlockObserver)} runs: a statistic over every trial
 * that the engine does not stream itself (the pilot's likelihood-weighted sums, analysis/PilotStream)
 * without retaining the trials.
 *
 * <p>Block b holds trials {@code b · BLOCK .. b · BLOCK + n − 1} ({@link dev.payback.sampling.InputSampler#BLOCK}).
 * {@link #block} is called exactly once per block, from the worker thread that evaluated it, while
 * the block's arrays are valid (they are reused for the worker's next block: copy what is kept). Blocks
 * arrive in any order and concurrently; for results that are byte-identical for any thread count an
 * observer computes each block's partial result from that block alone and merges the partials in block
 * order (0, 1, 2, …), never in arrival order.
 */
public interface BlockObserver {
    /**
     * Block {@code b}'s trials: {@code inputs[column][t]} (in {@link Layout#inputs()} order, after clamping)
     * and {@code outputs}, for t in 0..n−1.
     */
    void block(long b, double[][] inputs, TrialColumns outputs, int n);
}
