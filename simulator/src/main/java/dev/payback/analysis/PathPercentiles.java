package dev.payback.analysis;

import dev.payback.engine.MonthlyPaths;
import dev.payback.engine.SimulationResult;

import java.util.stream.IntStream;

/**
 * Every percentile the outputs draw from the monthly paths ({@link MonthlyPaths}, over the kept
 * trials), computed once per run: for each option and month m = 0..H, the cumulative position cum_m
 * (cum_0 = −C) at {@link #CUMULATIVE_LEVELS} (the fan's five, the cash flow's three among them), the
 * month's net cum_m − cum_{m−1} (month 0: −C) at {@link #NET_LEVELS}, and the net of each quarter
 * (months 1–3, 4–6, ..., the last ending at H) at {@link #NET_LEVELS}. Each column's levels come from
 * one selection ({@link OrderStatistics}); the columns are taken one per task in parallel (in the
 * caller's fork-join pool when it runs in one), each task writing only its own slots, so the figures
 * are the same in any schedule. Every figure is the type-7 percentile of its column
 * (docs/model-notes.md), bit for bit what a sort of that column gives.
 */
public final class PathPercentiles {
    /** Levels of cum_m: P10, P25, P50, P75, P90. */
    static final double[] CUMULATIVE_LEVELS = {0.10, 0.25, 0.50, 0.75, 0.90};
    /** Levels of the nets: P10, P50, P90. */
    static final double[] NET_LEVELS = {0.10, 0.50, 0.90};

    private final int kept;
    private final boolean allKept;
    private final int horizon;
    /** [option][month 0..H][level of CUMULATIVE_LEVELS]. */
    private final double[][][] cumulative;
    /** [option][month 0..H][level of NET_LEVELS]. */
    private final double[][][] net;
    /** [option][quarter 0.., months 3q+1 .. min(H, 3q+3)][level of NET_LEVELS]. */
    private final double[][][] quarterNet;

    private PathPercentiles(int kept, boolean allKept, int horizon, double[][][] cumulative, double[][][] net,
            double[][][] quarterNet) {
        this.kept = kept;
        this.allKept = allKept;
        this.horizon = horizon;
        this.cumulative = cumulative;
        this.net = net;
        this.quarterNet = quarterNet;
    }

    /** The percentiles of a run's monthly paths (the run must still hold them). */
    public static PathPercentiles of(SimulationResult r) {
        MonthlyPaths paths = r.paths();
        int options = r.columns().strategyCount();
        int h = paths.horizon();
        int quarters = quarters(h);
        double[][] start = new double[options][];    // cum_0 = −C of each option's kept trials
        for (int k = 0; k < options; k++) {
            double[] c = paths.oneTime(k);
            double[] minusC = new double[c.length];
            for (int i = 0; i < c.length; i++) {
                minusC[i] = -c[i];
            }
            start[k] = minusC;
        }
        double[][][] cumulative = new double[options][h + 1][];
        double[][][] net = new double[options][h + 1][];
        double[][][] quarterNet = new double[options][quarters][];
        int perOption = h + 1 + quarters;
        // one column (a month: its position and its net; or a quarter's net) per task
        IntStream.range(0, options * perOption).parallel().forEach(task -> {
            int k = task / perOption;
            int j = task % perOption;
            if (j <= h) {
                double[] cum = j == 0 ? start[k] : paths.month(k, j);
                cumulative[k][j] = OrderStatistics.quantiles(cum, CUMULATIVE_LEVELS);
                net[k][j] = j == 0 ? OrderStatistics.quantiles(cum, NET_LEVELS)
                        : OrderStatistics.quantilesOfDifference(cum, j == 1 ? start[k] : paths.month(k, j - 1),
                                NET_LEVELS);
            } else {
                int q = j - h - 1;
                int from = 3 * q + 1;
                int to = Math.min(h, from + 2);
                quarterNet[k][q] = OrderStatistics.quantilesOfDifference(paths.month(k, to),
                        from == 1 ? start[k] : paths.month(k, from - 1), NET_LEVELS);
            }
        });
        return new PathPercentiles(paths.kept(), paths.allKept(), h, cumulative, net, quarterNet);
    }

    /** Quarters of a horizon of h months: months 1–3, 4–6, ..., the last ending at h. */
    static int quarters(int h) {
        return (h + 2) / 3;
    }

    /** How many trials' paths the percentiles are over. */
    public int keptTrials() {
        return kept;
    }

    /** True when every trial's path is kept. */
    public boolean allKept() {
        return allKept;
    }

    /** H. */
    public int horizon() {
        return horizon;
    }

    /** The options, in the order of the run's option columns. */
    public int options() {
        return cumulative.length;
    }

    /** cum_m of {@code option} at {@code CUMULATIVE_LEVELS[level]}, month m = 0..H. */
    double cumulative(int option, int month, int level) {
        return cumulative[option][month][level];
    }

    /** The net of month m (cum_m − cum_{m−1}; month 0: −C) of {@code option} at {@code NET_LEVELS[level]}. */
    double net(int option, int month, int level) {
        return net[option][month][level];
    }

    /** The net of quarter q (months 3q+1 .. min(H, 3q+3): cum_to − cum_{3q}) at {@code NET_LEVELS[level]}. */
    double quarterNet(int option, int quarter, int level) {
        return quarterNet[option][quarter][level];
    }
}
