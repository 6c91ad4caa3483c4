package dev.payback.engine;

/**
 * Each option's cumulative net cash position cum_m by month, for the payback fan chart, kept for
 * a bounded set of trials ({@link Retention}, its own salt): every trial while the run has at most
 * {@code cap} trials, otherwise a pseudo-random subset of about {@code cap} trials keyed by the
 * trial index, a uniform random sample for every sampling method. Monthly percentiles are exact
 * for runs up to {@code cap} trials and carry the sampling error of about {@code cap} trials beyond.
 */
public final class MonthlyPaths {
    /** Default number of trials whose monthly paths are kept. */
    public static final int DEFAULT_CAP = 100_000;

    private final Retention keep;
    private final int kept;
    private final int horizon;
    /** [option][month−1][kept trial]; row [option][horizon] holds the one-time cost C (cum_0 = −C). */
    private final double[][][] cumulative;

    MonthlyPaths(Retention keep, int options, int horizon) {
        this.keep = keep;
        this.kept = keep.rows();
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

    /** True when every trial's path is kept. */
    public boolean allKept() {
        return keep.all();
    }

    /** The trial index (0-based) of kept slot j. */
    public int trial(int slot) {
        return keep.trial(slot);
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
