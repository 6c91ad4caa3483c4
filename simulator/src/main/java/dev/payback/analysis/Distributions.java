package dev.payback.analysis;

import dev.payback.engine.SimulationResult;
import dev.payback.engine.TrialColumns;

import java.util.Arrays;

/**
 * The per-trial distributions the charts draw, over the retained trials (see {@link SimulationResult}):
 * sorted columns, shares of trials per decision-matrix score, histogram counts and the empirical
 * survival function. The charts only lay these out.
 */
public final class Distributions {
    private Distributions() {
    }

    /** Annualized pain P of every retained trial, sorted ascending. */
    public static double[] sortedAnnualPain(SimulationResult r) {
        return Stats.sortInPlace(r.columns().annualPain().toArray());
    }

    /** NPV of option {@code option} in every retained trial, sorted ascending. */
    public static double[] sortedNpv(SimulationResult r, int option) {
        return Stats.sortInPlace(r.columns().option(option).npv().toArray());
    }

    /** max_{m≤12}(cum_m + C) of option {@code option} in every retained trial, sorted ascending. */
    public static double[] sortedMaxBeforeOneTime12(SimulationResult r, int option) {
        return Stats.sortInPlace(r.columns().option(option).maxCumulativeBeforeOneTime(2).toArray());
    }

    /**
     * The money equivalent of one FTE: the median over the retained trials of P / pain_fte (wage ·
     * hours), over the trials where both are finite and the FTE count positive; NaN when none is.
     */
    public static double fteMoney(SimulationResult r) {
        TrialColumns c = r.columns();
        int n = c.rows();
        double[] perFte = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            double fte = c.painFte().get(i);
            if (fte > 0 && Double.isFinite(fte) && Double.isFinite(c.annualPain().get(i))) {
                perFte[k++] = c.annualPain().get(i) / fte;
            }
        }
        return k == 0 ? Double.NaN : OrderStatistics.quantiles(Arrays.copyOf(perFte, k), 0.5)[0];
    }

    /**
     * The share of retained trials with each decision-matrix score from {@code min} to {@code max}
     * (index 0 = {@code min}); a score outside counts at the nearer end.
     */
    public static double[] scoreShares(SimulationResult r, int min, int max) {
        TrialColumns c = r.columns();
        int n = c.rows();
        double[] share = new double[max - min + 1];
        for (int i = 0; i < n; i++) {
            int sc = Math.max(min, Math.min(max, c.score(i)));
            share[sc - min]++;
        }
        for (int j = 0; j < share.length; j++) {
            share[j] /= n;
        }
        return share;
    }

    /**
     * Histogram counts: how many finite values fall in each of {@code bins} equal bins over [lo, hi]
     * (the last bin closed); values outside are not counted.
     */
    public static double[] binCounts(double[] values, double lo, double hi, int bins) {
        double[] counts = new double[bins];
        double w = (hi - lo) / bins;
        for (double v : values) {
            if (v >= lo && v <= hi && Double.isFinite(v)) {
                counts[Math.min(bins - 1, (int) ((v - lo) / w))]++;
            }
        }
        return counts;
    }

    /** The empirical survival function of sorted values at c: the share of values ≥ c. */
    public static double shareAtLeast(double[] sorted, double c) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < c) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return (double) (sorted.length - lo) / sorted.length;
    }
}
