package dev.payback.engine;

import dev.payback.sampling.InputSampler;
import dev.payback.scenario.Scenario;

/**
 * How much heap a run needs, so that a trial count that cannot fit is refused before the run
 * starts (rather than failing with OutOfMemoryError after minutes). The estimate counts the arrays
 * the engine and the analysis allocate, from the run's {@link Layout}:
 * <ul>
 *   <li>per retained trial (row): one double per sampled input column ({@link SimulationResult#inputs()}),
 *       the status quo's {@link TrialColumns} (4 doubles and 2 bytes), each option's
 *       {@link OptionColumns} (10 doubles, a short and a byte), the {@link KpiColumns} of the status quo
 *       and of each option (15 doubles each), the analysis's working copies
 *       (sorted copies, score and payback-month columns: {@link #ANALYSIS_BYTES_PER_TRIAL}) and the
 *       row's trial index ({@link Retention}), counted for every trial up to the retention line and
 *       for an upper bound of the pseudo-random subset beyond it ({@link Retention#maxRows});</li>
 *   <li>the {@link MonthlyPaths}: one double per option and horizon month, and a trial index, per
 *       kept trial, counted likewise;</li>
 *   <li>per block of {@link InputSampler#BLOCK} trials: the partial moments {@link RunStats} merges
 *       after the run (n, mean and m2 of every series), so memory still grows with the trial count,
 *       but by a few hundred bytes per 2,048 trials;</li>
 *   <li>per worker thread: one block of every input column and of every output column.</li>
 * </ul>
 * Every term is non-decreasing in the trial count, so the largest count that fits is found by
 * bisection.
 * It ignores small fixed costs, which the caller's safety margin covers.
 */
public final class MemoryEstimate {
    /** KpiColumns: one double per checkpoint and KPI (docs/model.md section 8). */
    static final long KPI_BYTES_PER_TRIAL = 8L * Kpis.MONTHS.length * Kpis.COUNT;
    /** TrialColumns: annualPain, revenue, painShare, painFte (doubles), score and best (bytes), the status quo's KPIs. */
    static final long STATUS_QUO_BYTES_PER_TRIAL = 4 * 8 + 2 + KPI_BYTES_PER_TRIAL;
    /**
     * OptionColumns (one per strategy, staged ones included): npv, roi, firstYearCost, 3 cumulativeNet,
     * 3 maxCumulative, exceptionEffect, oneTimeCost, yearOneBenefit, maxCumulativeAtBar; paybackMonth; failed;
     * the strategy's KPIs.
     */
    static final long OPTION_BYTES_PER_TRIAL = 13 * 8 + 2 + 1 + KPI_BYTES_PER_TRIAL;
    /** GateColumns (one per staged strategy): observedReduction; outcome. */
    static final long GATE_BYTES_PER_TRIAL = 8 + 1;
    /** Analysis: a sorted copy of one column, the score and payback-month doubles, the paid flags, slack. */
    static final long ANALYSIS_BYTES_PER_TRIAL = 4 * 8 + 1;
    /** The row's trial index ({@link Retention}). */
    static final long INDEX_BYTES_PER_ROW = 4;
    /** Heap kept free for everything else (the JVM, the loader, the reports), beyond 10% of the maximum. */
    public static final long MARGIN_BYTES = 64L << 20;
    /**
     * Further heap kept for report.pdf, whose layout and SVG transcoding need tens of megabytes at
     * once while the run's columns are still alive: a quarter of the maximum, at most 64 MB.
     */
    public static final long PDF_BYTES = 64L << 20;

    private final long perTrial;
    private final long perKeptPath;
    private final long perBlock;
    private final long fixed;
    private final int pathCap;
    private final int retainCap;

    private MemoryEstimate(long perTrial, long perKeptPath, long perBlock, long fixed, int pathCap, int retainCap) {
        this.perTrial = perTrial;
        this.perKeptPath = perKeptPath;
        this.perBlock = perBlock;
        this.fixed = fixed;
        this.pathCap = pathCap;
        this.retainCap = retainCap;
    }

    /** The estimate for a scenario run with these options (trial count aside). */
    public static MemoryEstimate of(Scenario s, Engine.Options options) {
        Layout layout = Layout.of(s);
        int columns = layout.inputs().size();
        int optionCount = layout.strategyCount();
        int staged = layout.stagedCount();
        long perTrial = bytesPerRow(columns, optionCount, staged);
        // months and the one-time cost, and the kept trial's index
        long perKeptPath = 8L * optionCount * (s.horizonMonths() + 1) + INDEX_BYTES_PER_ROW;
        long series = 5 + 8L * optionCount + 2L * staged + (long) Kpis.MONTHS.length * Kpis.COUNT * (optionCount + 1);
        long perBlock = 3 * 8L * series;
        long fixed = (long) options.threads() * InputSampler.BLOCK * perTrial;
        int line = options.retainCap() != Engine.Options.RETAIN_BY_MEMORY ? options.retainCap()
                : retainLine(columns, optionCount, staged);
        return new MemoryEstimate(perTrial, perKeptPath, perBlock, fixed, options.monthlyPathCap(), line);
    }

    /**
     * Bytes of one retained row: its inputs, outputs (every strategy, the gates of the staged ones),
     * the analysis's working copies and its trial index.
     */
    static long bytesPerRow(int columns, int strategies, int staged) {
        return 8L * columns + STATUS_QUO_BYTES_PER_TRIAL + OPTION_BYTES_PER_TRIAL * strategies
                + GATE_BYTES_PER_TRIAL * staged + ANALYSIS_BYTES_PER_TRIAL + INDEX_BYTES_PER_ROW;
    }

    /**
     * The default retention line of a run with this many sampled columns and strategies (options and
     * their staged rollouts, {@code staged} of them staged): every trial
     * is retained while the rows fit {@link Engine.Options#RETAIN_BUDGET_BYTES}, and at least
     * {@link Engine.Options#DEFAULT_RETAIN_CAP} trials. It depends on the scenario alone (not on the
     * heap), so the same scenario, seed and trial count give the same output on every machine.
     */
    public static int retainLine(int columns, int strategies, int staged) {
        long byBudget = Engine.Options.RETAIN_BUDGET_BYTES / bytesPerRow(columns, strategies, staged);
        return (int) Math.min(Integer.MAX_VALUE / 2, Math.max(Engine.Options.DEFAULT_RETAIN_CAP, byBudget));
    }

    /** The retention line this estimate counts (see {@link #retainLine(int, int, int)}). */
    public int retainLine() {
        return retainCap;
    }

    /** Bytes per retained trial, apart from monthly paths. */
    public long bytesPerTrial() {
        return perTrial;
    }

    /** Estimated bytes for a run of {@code trials} trials. */
    public long bytes(long trials) {
        long blocks = (trials + InputSampler.BLOCK - 1) / InputSampler.BLOCK;
        return fixed + perTrial * Retention.maxRows(trials, retainCap)
                + perKeptPath * Retention.maxRows(trials, pathCap) + (perBlock + 8) * blocks;
    }

    /** The largest trial count (at most {@link Integer#MAX_VALUE}) whose estimate fits in {@code available} bytes. */
    public long largestTrialsWithin(long available) {
        if (bytes(0) > available) {
            return 0;
        }
        long lo = 0;
        long hi = Integer.MAX_VALUE;
        if (bytes(hi) <= available) {
            return hi;
        }
        while (hi - lo > 1) { // bytes(lo) fits, bytes(hi) does not
            long mid = lo + (hi - lo) / 2;
            if (bytes(mid) <= available) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Heap a run may use: the JVM's maximum heap less 10%, {@link #MARGIN_BYTES} and the PDF's share. */
    public static long usableHeap(long maxMemory) {
        return maxMemory - maxMemory / 10 - MARGIN_BYTES - Math.min(maxMemory / 4, PDF_BYTES);
    }

}
