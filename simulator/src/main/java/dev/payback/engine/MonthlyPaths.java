package dev.payback.engine;

/**
 * Each option's cumulative net cash position cum_m by month, for the payback fan chart, kept for
 * a deterministic subsample of trials so memory stays bounded: every trial while the run has at
 * most {@code cap} trials, otherwise every {@code stride}-th trial (trial index divisible by the
 * stride). Monthly percentiles from the subsample are exact for runs up to {@code cap} trials.
 */
public final class MonthlyPaths {
    /** Default number of trials whose monthly paths are kept. */
    public static final int DEFAULT_CAP = 100_000;

    private final int stride;
    private final int kept;
    private final int horizon;
    /** [option][month−1][kept trial]; row [option][horizon] holds the one-time cost C (cum_0 = −C). */
    private final double[][][] cumulative;

    MonthlyPaths(int trials, int options, int horizon, int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be >= 1");
        }
        this.stride = (trials + cap - 1) / cap;
        this.kept = (trials + stride - 1) / stride;
        this.horizon = horizon;
        this.cumulative = new double[options][horizon + 1][kept];
    }

    /**
     * The kept trial's row of option's months: {@code row[month−1][slot]}; {@code row[horizon][slot]} is
     * the trial's one-time cost C.
     */
    double[][] option(int option) {
        return cumulative[option];
    }

    /** Every stride-th trial is kept (1 = all). */
    public int stride() {
        return stride;
    }

    /** Number of trials kept. */
    public int kept() {
        return kept;
    }

    public int horizon() {
        return horizon;
    }

    /** The one-time cost C of the kept trials, so cum_0 = −C (the live array: do not modify). */
    public double[] oneTime(int option) {
        return cumulative[option][horizon];
    }

    /** cum_m of the kept trials, for month m in 1..H (the live array: do not modify). */
    public double[] month(int option, int month) {
        return cumulative[option][month - 1];
    }
}
