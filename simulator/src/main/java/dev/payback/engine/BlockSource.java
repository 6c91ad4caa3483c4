package dev.payback.engine;

/**
 * Where a run's sampled inputs come from: the seam between sampling and the model. The engine asks
 * one {@link Filler} per worker thread to fill whole blocks of trials, column by column in
 * {@link Layout#inputs()} order, then evaluates {@link TrialModel} on them. The default source is
 * {@link dev.payback.sampling.InputSampler} (random, LHS or Sobol'); benchmarks plug in others
 * (for example a naive commons-math3 filler) to compare sampling costs on the same model code.
 *
 * <p>A source must be deterministic per (seed, block, n): the values it writes may not depend on the
 * thread, on the order of blocks or on earlier calls, or the run stops being reproducible.
 */
@FunctionalInterface
public interface BlockSource {

    /** A filler for one thread (not shared between threads). */
    Filler newFiller();

    /** Fills blocks for one thread. */
    @FunctionalInterface
    interface Filler {
        /**
         * Writes trials {@code block*BLOCK .. block*BLOCK+n−1}: {@code columns[k][t]} receives input k
         * of trial t of the block, clamped into the input's domain; {@code clampCounts[k]} grows by the
         * number of values clamped.
         */
        void fill(long seed, long block, int n, double[][] columns, long[] clampCounts);
    }
}
