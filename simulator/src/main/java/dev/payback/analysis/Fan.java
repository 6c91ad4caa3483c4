package dev.payback.analysis;

import dev.payback.engine.MonthlyPaths;
import dev.payback.engine.SimulationResult;

/**
 * Percentiles (P10, P25, P50, P75, P90, type 7) of an option's cumulative net position cum_m by month
 * m = 0..H over the trials whose paths were kept ({@link MonthlyPaths}); month 0 is −C.
 *
 * @param keptTrials how many trials' paths the percentiles are taken over (months 1..H)
 */
public record Fan(int keptTrials, double[] p10, double[] p25, double[] p50, double[] p75, double[] p90) {
    /** The fan's levels, those of the monthly positions in {@link PathPercentiles}. */
    private static final double[] LEVELS = PathPercentiles.CUMULATIVE_LEVELS;

    /** Every level has a value for each month 0..H; the arrays are copied in and out (no shared state). */
    public Fan {
        if (keptTrials < 0 || p50.length == 0 || p10.length != p50.length || p25.length != p50.length
                || p75.length != p50.length || p90.length != p50.length) {
            throw new IllegalArgumentException("a fan needs the five levels for the same months 0..H");
        }
        p10 = p10.clone();
        p25 = p25.clone();
        p50 = p50.clone();
        p75 = p75.clone();
        p90 = p90.clone();
    }

    @Override
    public double[] p10() {
        return p10.clone();
    }

    @Override
    public double[] p25() {
        return p25.clone();
    }

    @Override
    public double[] p50() {
        return p50.clone();
    }

    @Override
    public double[] p75() {
        return p75.clone();
    }

    @Override
    public double[] p90() {
        return p90.clone();
    }

    public int months() {
        return p50.length - 1;
    }

    /**
     * The fan of option {@code option} from the percentiles of the run's monthly paths (months 1..H)
     * and the run's retained one-time costs (month 0).
     */
    public static Fan of(SimulationResult r, PathPercentiles paths, int option) {
        int h = paths.horizon();
        double[][] q = new double[LEVELS.length][h + 1];
        // month 0 is −C: its distribution is that of the one-time cost over the retained trials (the
        // retained rows and the kept paths are different subsamples once a run exceeds either cap)
        double[] oneTime = r.columns().option(option).oneTimeCost().toArray();
        double[] start = new double[oneTime.length];
        for (int t = 0; t < start.length; t++) {
            start[t] = -oneTime[t];
        }
        double[] first = OrderStatistics.quantiles(start, LEVELS);
        for (int j = 0; j < LEVELS.length; j++) {
            q[j][0] = first[j];
            for (int m = 1; m <= h; m++) {
                q[j][m] = paths.cumulative(option, m, j);
            }
        }
        return new Fan(paths.keptTrials(), q[0], q[1], q[2], q[3], q[4]);
    }
}
