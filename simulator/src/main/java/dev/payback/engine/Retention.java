package dev.payback.engine;

import dev.payback.sampling.InputSampler;

/**
 * Which trials of a run keep per-trial data (the retained rows of {@link SimulationResult}, or the
 * kept monthly paths of {@link MonthlyPaths}): every trial while the run has at most {@code line}
 * trials; beyond it a pseudo-random subset of about {@code line} trials, trial i kept when a hash
 * of i (SplitMix64's finalizer, keyed by a fixed salt) falls below {@code line / trials} of its
 * range. The subset depends on the trial index alone, not on the seed, the sampling method or
 * the thread count, so it is byte-identical for any {@code --threads}; and since the hash is
 * unrelated to the structure of a Latin hypercube or a Sobol' sequence, the kept trials are a
 * uniform random sample of the run's trials for every sampling method (every k-th trial is not:
 * it aliases with the Sobol' sequence's binary structure).
 *
 * <p>A line of 0 keeps no trial (a run whose outputs draw nothing from the monthly paths).
 *
 * <p>Rows are in trial order: row j is the j-th kept trial. Block b's kept trials start at row
 * {@link #firstRow(long)} (a prefix count computed once, one hash per trial).
 */
public final class Retention {
    /** Salt of the retained rows. */
    static final long ROWS_SALT = 0x5DEECE66DL;
    /** Salt of the monthly paths: a subset independent of the rows'. */
    static final long PATHS_SALT = 0x9E3779B97F4A7C15L;

    private final long trials;
    private final int line;
    private final long salt;
    /** Kept when hash(i) &gt;&gt;&gt; 1 is below this (63-bit). */
    private final long threshold;
    private final boolean all;
    /** [block] → number of kept trials in the blocks before it; [blocks] → all kept. */
    private final int[] blockStart;
    /** Row → trial index, null when every trial is kept. */
    private final int[] trialOfRow;

    Retention(long trials, int line, long salt) {
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0");
        }
        this.trials = trials;
        this.line = line;
        this.salt = salt;
        this.all = trials <= line;
        this.threshold = all ? Long.MAX_VALUE : (long) Math.floor((double) line / trials * 0x1p63);
        int blocks = (int) ((trials + InputSampler.BLOCK - 1) / InputSampler.BLOCK);
        blockStart = new int[blocks + 1];
        if (all) {
            for (int b = 0; b <= blocks; b++) {
                blockStart[b] = (int) Math.min(trials, (long) b * InputSampler.BLOCK);
            }
            trialOfRow = null;
            return;
        }
        int kept = 0;
        for (int b = 0; b < blocks; b++) {
            blockStart[b] = kept;
            long first = (long) b * InputSampler.BLOCK;
            long end = Math.min(trials, first + InputSampler.BLOCK);
            for (long i = first; i < end; i++) {
                if (keeps(i)) {
                    kept++;
                }
            }
        }
        blockStart[blocks] = kept;
        trialOfRow = new int[kept];
        int j = 0;
        for (long i = 0; i < trials; i++) {
            if (keeps(i)) {
                trialOfRow[j++] = (int) i;
            }
        }
    }

    /** SplitMix64's output function (Steele, Lea and Flood 2014) of i + salt. */
    static long hash(long i, long salt) {
        long z = i + salt;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Whether trial i keeps its per-trial data. */
    boolean keeps(long i) {
        return all || (hash(i, salt) >>> 1) < threshold;
    }

    /** Row of the first kept trial of block b. */
    int firstRow(long block) {
        return blockStart[(int) block];
    }

    /**
     * Copies block {@code block}'s kept entries of one column ({@code src}, indexed by the trial's row
     * within the block) to their rows of the run's column {@code dst}: row j gets
     * {@code src[trial(j) − block · BLOCK]} for the block's rows {@code firstRow(block) ..
     * firstRow(block + 1) − 1}. One tight loop per column (or one {@code System.arraycopy} when every
     * trial is kept), so retaining a block touches each column once, not once per kept row.
     */
    void gather(double[] src, long block, double[] dst) {
        int from = blockStart[(int) block];
        int to = blockStart[(int) block + 1];
        if (all) {
            System.arraycopy(src, 0, dst, from, to - from);
            return;
        }
        int[] trialOf = trialOfRow;
        int first = (int) (block * InputSampler.BLOCK);
        for (int j = from; j < to; j++) {
            dst[j] = src[trialOf[j] - first];
        }
    }

    /** {@link #gather(double[], long, double[])} of a byte column. */
    void gather(byte[] src, long block, byte[] dst) {
        int from = blockStart[(int) block];
        int to = blockStart[(int) block + 1];
        if (all) {
            System.arraycopy(src, 0, dst, from, to - from);
            return;
        }
        int[] trialOf = trialOfRow;
        int first = (int) (block * InputSampler.BLOCK);
        for (int j = from; j < to; j++) {
            dst[j] = src[trialOf[j] - first];
        }
    }

    /** {@link #gather(double[], long, double[])} of a short column. */
    void gather(short[] src, long block, short[] dst) {
        int from = blockStart[(int) block];
        int to = blockStart[(int) block + 1];
        if (all) {
            System.arraycopy(src, 0, dst, from, to - from);
            return;
        }
        int[] trialOf = trialOfRow;
        int first = (int) (block * InputSampler.BLOCK);
        for (int j = from; j < to; j++) {
            dst[j] = src[trialOf[j] - first];
        }
    }

    /** True when every trial is kept. */
    public boolean all() {
        return all;
    }

    /** Number of kept trials (rows). */
    public int rows() {
        return blockStart[blockStart.length - 1];
    }

    /** The line: every trial is kept up to this many trials, about this many beyond. */
    public int line() {
        return line;
    }

    /** The trial index (0-based) of row j. */
    public int trial(int row) {
        return trialOfRow == null ? row : trialOfRow[row];
    }

    /** Upper bound of the rows kept for a run of {@code trials} trials with this line (for memory estimates). */
    static long maxRows(long trials, int line) {
        if (trials <= line) {
            return trials;
        }
        // binomial count around `line`: 8 standard deviations above cannot happen in practice
        return Math.min(trials, line + 8L * (long) Math.ceil(Math.sqrt(line)) + 64);
    }
}
