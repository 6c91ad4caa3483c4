package dev.payback.engine;

import dev.payback.sampling.InputSampler;
import dev.payback.scenario.Scenario;

/**
 * How much heap a run needs, so that a trial count that cannot fit is refused before the run
 * starts (rather than failing with OutOfMemoryError after minutes). The estimate counts the arrays
 * the engine and the analysis allocate, from the run's {@link Layout}:
 * <ul>
 *   <li>per trial: one double per sampled input column ({@link SimulationResult#inputs()}), the
 *       status quo's {@link TrialColumns} (4 doubles and 2 bytes), each option's
 *       {@link OptionColumns} (10 doubles, a short and a byte), and the analysis's working copies
 *       (sorted copies, score and payback-month columns: {@link #ANALYSIS_BYTES_PER_TRIAL});</li>
 *   <li>the {@link MonthlyPaths}: one double per option, horizon month and kept trial, counted as
 *       min(trials, path cap), an upper bound of the subsample that keeps the estimate monotone;</li>
 *   <li>per worker thread: one block of {@link InputSampler#BLOCK} trials of every column.</li>
 * </ul>
 * It ignores small fixed costs, which the caller's safety margin covers.
 */
public final class MemoryEstimate {
    /** TrialColumns: annualPain, revenue, painShare, painFte (doubles), score and best (bytes). */
    static final long STATUS_QUO_BYTES_PER_TRIAL = 4 * 8 + 2;
    /** OptionColumns: npv, roi, firstYearCost, 3 cumulativeNet, 3 maxCumulative, exceptionEffect; paybackMonth; failed. */
    static final long OPTION_BYTES_PER_TRIAL = 10 * 8 + 2 + 1;
    /** Analysis: a sorted copy of one column, the score and payback-month doubles, the paid flags, slack. */
    static final long ANALYSIS_BYTES_PER_TRIAL = 4 * 8 + 1;
    /** Heap kept free for everything else (the JVM, the loader, the reports), beyond 10% of the maximum. */
    public static final long MARGIN_BYTES = 64L << 20;

    private final long perTrial;
    private final long perKeptPath;
    private final long fixed;
    private final int pathCap;

    private MemoryEstimate(long perTrial, long perKeptPath, long fixed, int pathCap) {
        this.perTrial = perTrial;
        this.perKeptPath = perKeptPath;
        this.fixed = fixed;
        this.pathCap = pathCap;
    }

    /** The estimate for a scenario run with these options (trial count aside). */
    public static MemoryEstimate of(Scenario s, Engine.Options options) {
        int columns = Layout.of(s).inputs().size();
        int optionCount = s.options().size();
        long perTrial = 8L * columns + STATUS_QUO_BYTES_PER_TRIAL + OPTION_BYTES_PER_TRIAL * optionCount
                + ANALYSIS_BYTES_PER_TRIAL;
        long perKeptPath = 8L * optionCount * s.horizonMonths();
        long fixed = (long) options.threads() * columns * InputSampler.BLOCK * 8L;
        return new MemoryEstimate(perTrial, perKeptPath, fixed, options.monthlyPathCap());
    }

    /** Bytes per trial, apart from monthly paths. */
    public long bytesPerTrial() {
        return perTrial;
    }

    /** Estimated bytes for a run of {@code trials} trials. */
    public long bytes(long trials) {
        return fixed + perTrial * trials + perKeptPath * kept(trials);
    }

    /** The largest trial count whose estimate fits in {@code available} bytes (0 when none does). */
    public long largestTrialsWithin(long available) {
        long room = available - fixed;
        if (room <= 0) {
            return 0;
        }
        // up to the path cap every trial keeps its path; beyond it the paths are a fixed cost
        long uncapped = room / (perTrial + perKeptPath);
        if (uncapped < pathCap) {
            return uncapped;
        }
        return (room - perKeptPath * pathCap) / perTrial;
    }

    /** Heap a run may use: the JVM's maximum heap less 10% and {@link #MARGIN_BYTES}. */
    public static long usableHeap(long maxMemory) {
        return maxMemory - maxMemory / 10 - MARGIN_BYTES;
    }

    /** Trials whose monthly paths are counted: all up to the cap, then the cap (an upper bound of the subsample). */
    private long kept(long trials) {
        return Math.min(trials, pathCap);
    }
}
