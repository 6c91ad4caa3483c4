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
    private static final double[] LEVELS = {0.10, 0.25, 0.50, 0.75, 0.90};

    public int months() {
        return p50.length - 1;
    }

    /** The fan of option {@code option} (scenario order) of a run. */
    public static Fan of(SimulationResult r, int option) {
        MonthlyPaths paths = r.paths();
        int h = paths.horizon();
        double[][] q = new double[5][h + 1];
        // month 0 is −C: its distribution is that of the one-time cost over the retained trials (the
        // retained rows and the kept paths are different subsamples once a run exceeds either cap)
        double[] oneTime = r.columns().option(option).oneTimeCost().toArray();
        double[] start = new double[oneTime.length];
        for (int t = 0; t < start.length; t++) {
            start[t] = -oneTime[t];
        }
        // each month fills only its own slots (deterministic in any schedule); the five percentiles
        // need a selection, not a full sort
        java.util.stream.IntStream.rangeClosed(0, h).parallel().forEach(m ->
                fill(q, m, OrderStatistics.quantiles(m == 0 ? start : paths.month(option, m), LEVELS)));
        return new Fan(paths.kept(), q[0], q[1], q[2], q[3], q[4]);
    }

    private static void fill(double[][] q, int month, double[] quantiles) {
        for (int j = 0; j < quantiles.length; j++) {
            q[j][month] = quantiles[j];
        }
    }
}
