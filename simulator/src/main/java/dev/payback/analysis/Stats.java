package dev.payback.analysis;

import java.util.Arrays;

/**
 * The STATS block of docs/model.md section 5: mean, sample standard deviation (n − 1), the
 * 5/10/25/50/75/90/95th percentiles (type-7 interpolation) and the extremes of a set of trials.
 * Over no trials every value is NaN (written as null); non-finite values are kept as they are and
 * the JSON writer turns them into null.
 */
public record Stats(long n, double mean, double sd, double p5, double p10, double p25, double p50, double p75,
                    double p90, double p95, double min, double max) {

    /** The percentile levels of a STATS block, in order. */
    static final double[] LEVELS = {0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95};

    public Stats {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0");
        }
    }

    /** Statistics of all values (the array is not modified). */
    public static Stats of(double[] values) {
        return ofSorted(sortedCopy(values));
    }

    /** Statistics of the values for which {@code keep[i]} is true. */
    public static Stats of(double[] values, boolean[] keep) {
        return ofSorted(sortInPlace(kept(values, keep)));
    }

    /** A new array of the values for which {@code keep[i]} is true, in their order. */
    public static double[] kept(double[] values, boolean[] keep) {
        int n = 0;
        for (boolean k : keep) {
            if (k) {
                n++;
            }
        }
        double[] v = new double[n];
        int j = 0;
        for (int i = 0; i < values.length; i++) {
            if (keep[i]) {
                v[j++] = values[i];
            }
        }
        return v;
    }

    /**
     * Statistics whose n, mean, sd, min and max are given (exact, over all trials) and whose
     * percentiles are those of {@code sortedSample} (all trials, or a retained subsample of them), sorted.
     * Over n = 0 every value is NaN; percentiles are NaN when the sample is empty.
     */
    public static Stats of(long n, double mean, double sd, double min, double max, double[] sortedSample) {
        if (n == 0) {
            return ofSorted(new double[0]);
        }
        double[] q = new double[LEVELS.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = quantile(sortedSample, LEVELS[i]);
        }
        return new Stats(n, mean, n < 2 ? Double.NaN : sd, q[0], q[1], q[2], q[3], q[4], q[5], q[6], min, max);
    }

    /**
     * As {@link #of(long, double, double, double, double, double[])}, with the percentiles of an
     * unsorted {@code sample} found by {@link OrderStatistics} (the same values, without a sort; the
     * sample is not modified).
     */
    public static Stats ofSample(long n, double mean, double sd, double min, double max, double[] sample) {
        if (n == 0) {
            return ofSorted(new double[0]);
        }
        double[] q = OrderStatistics.quantiles(sample, LEVELS);
        return new Stats(n, mean, n < 2 ? Double.NaN : sd, q[0], q[1], q[2], q[3], q[4], q[5], q[6], min, max);
    }

    /** Statistics of already sorted values. */
    public static Stats ofSorted(double[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            double x = Double.NaN;
            return new Stats(0, x, x, x, x, x, x, x, x, x, x, x);
        }
        double mean = mean(sorted);
        double sd = n < 2 ? Double.NaN : Math.sqrt(sumSquaredDeviations(sorted, mean) / (n - 1));
        return new Stats(n, mean, sd,
                quantile(sorted, 0.05), quantile(sorted, 0.10), quantile(sorted, 0.25), quantile(sorted, 0.50),
                quantile(sorted, 0.75), quantile(sorted, 0.90), quantile(sorted, 0.95),
                sorted[0], sorted[n - 1]);
    }

    /**
     * A sorted copy, as {@link Arrays#sort(double[])} sorts (−0.0 before 0.0, NaN last). Large arrays
     * are sorted by {@link RadixSort} (the same array bit for bit, several times faster on a column of
     * the model's values: the summary and the charts sort dozens of them).
     */
    public static double[] sortedCopy(double[] values) {
        return sortInPlace(values.clone());
    }

    /** {@code v} sorted in place as {@link #sortedCopy} sorts, for an array the caller owns (a fresh copy); returns it. */
    static double[] sortInPlace(double[] v) {
        if (v.length >= RADIX_FROM) {
            RadixSort.sortInPlace(v);
        } else {
            Arrays.sort(v);
        }
        return v;
    }

    /** Below this length {@link Arrays#sort(double[])} is as fast as the radix sort's fixed costs. */
    static final int RADIX_FROM = 1 << 14;

    /**
     * The p-quantile of sorted values by type-7 interpolation: h = (n−1)p,
     * x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).
     */
    public static double quantile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must lie in [0, 1]: " + p);
        }
        int lo = lowerRank(sorted.length, p);
        return interpolate(sorted.length, p, sorted[lo], sorted[Math.min(lo + 1, sorted.length - 1)]);
    }

    /** ⌊h⌋ (at most n − 1) of the type-7 rule, h = (n−1)p: the lower of the two ranks it reads. */
    static int lowerRank(int n, double p) {
        return Math.min((int) Math.floor((n - 1) * p), n - 1);
    }

    /**
     * The type-7 p-quantile of n values from the values a at rank ⌊h⌋ and b at rank ⌊h⌋ + 1 (a
     * again when ⌊h⌋ is the last rank): a + (h − ⌊h⌋)(b − a).
     */
    static double interpolate(int n, double p, double a, double b) {
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= n - 1) {
            return a;
        }
        double frac = h - lo;
        return frac == 0 || a == b ? a : a + frac * (b - a);
    }

    /** Arithmetic mean, summed in index order (deterministic). */
    public static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double sumSquaredDeviations(double[] values, double mean) {
        double ss = 0;
        for (double v : values) {
            double dv = v - mean;
            ss += dv * dv;
        }
        return ss;
    }

    /** The percentile value at one of {@link #LEVELS} (by index). */
    public double percentile(int levelIndex) {
        return switch (levelIndex) {
            case 0 -> p5;
            case 1 -> p10;
            case 2 -> p25;
            case 3 -> p50;
            case 4 -> p75;
            case 5 -> p90;
            case 6 -> p95;
            default -> throw new IllegalArgumentException("level index " + levelIndex);
        };
    }
}
