package dev.payback.analysis;

import java.util.Arrays;

/**
 * Statistics of trials that carry weights (the likelihood weights of a pilot update, docs/model.md
 * section 6). Weights are ≥ 0 and need not sum to 1; trials of weight 0 are left out.
 *
 * <p><b>Weighted quantile.</b> Sort the trials of positive weight by value, x_1 ≤ … ≤ x_m, with
 * weights normalised to sum 1, w_1 … w_m, and S_k = w_1 + … + w_k. Trial k sits at the plotting
 * position {@code u_k = (S_k − w_k) / (1 − w_m)}, so u_1 = 0 and u_m = 1; the p-quantile
 * interpolates linearly between the two trials whose positions enclose p. With equal weights
 * u_k = (k−1)/(m−1), which is the type-7 rule of {@link Stats#quantile}; a single trial of positive
 * weight is every quantile.
 *
 * <p><b>Weighted STATS.</b> mean Σ w x; sd the square root of Σ w (x − mean)² / (1 − Σ w²), the
 * reliability-weights form that reduces to the n − 1 estimator with equal weights (null with one
 * trial of positive weight); min and max over trials of positive weight; n the number of those trials.
 */
public final class Weighted {
    private Weighted() {
    }

    /** Equal weights 1/n: the prior. */
    public static double[] uniform(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1.0 / n);
        return w;
    }

    /** The weighted p-quantile of {@code values} (see the class comment); NaN when no weight is positive. */
    public static double quantile(double[] values, double[] weights, double p) {
        Sorted s = sorted(values, weights, null);
        return s.quantile(p);
    }

    /** Several weighted quantiles of the same values, sorting once. */
    public static double[] quantiles(double[] values, double[] weights, double... ps) {
        Sorted s = sorted(values, weights, null);
        double[] out = new double[ps.length];
        for (int k = 0; k < ps.length; k++) {
            out[k] = s.quantile(ps[k]);
        }
        return out;
    }

    /** Weighted STATS of all values. */
    public static Stats stats(double[] values, double[] weights) {
        return sorted(values, weights, null).stats();
    }

    /** Weighted STATS of the values for which {@code keep[i]} is true (weights renormalised over them). */
    public static Stats stats(double[] values, double[] weights, boolean[] keep) {
        return sorted(values, weights, keep).stats();
    }

    /** Σ w over the trials where {@code test[i]}, divided by Σ w: a weighted share. */
    public static double share(boolean[] test, double[] weights) {
        double hit = 0;
        double all = 0;
        for (int i = 0; i < weights.length; i++) {
            all += weights[i];
            if (test[i]) {
                hit += weights[i];
            }
        }
        return hit / all;
    }

    /** The effective sample size (Σ w)² / Σ w². */
    public static double effectiveSampleSize(double[] weights) {
        double s = 0;
        double s2 = 0;
        for (double w : weights) {
            s += w;
            s2 += w * w;
        }
        return s * s / s2;
    }

    private static Sorted sorted(double[] values, double[] weights, boolean[] keep) {
        if (values.length != weights.length || (keep != null && keep.length != values.length)) {
            throw new IllegalArgumentException("values, weights and keep must have the same length");
        }
        int m = 0;
        double total = 0;
        for (int i = 0; i < values.length; i++) {
            double w = weights[i];
            if (!(w >= 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("weights must be finite and >= 0: " + w);
            }
            if (w > 0 && (keep == null || keep[i])) {
                m++;
                total += w;
            }
        }
        Integer[] order = new Integer[m];
        int j = 0;
        for (int i = 0; i < values.length; i++) {
            if (weights[i] > 0 && (keep == null || keep[i])) {
                order[j++] = i;
            }
        }
        // Stable sort by value keeps trial order among ties: deterministic.
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] x = new double[m];
        double[] w = new double[m];
        for (int k = 0; k < m; k++) {
            x[k] = values[order[k]];
            w[k] = weights[order[k]] / total;
        }
        return new Sorted(x, w);
    }

    /** Values sorted ascending with their normalised weights. */
    private record Sorted(double[] x, double[] w) {
        double quantile(double p) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("p must lie in [0, 1]: " + p);
            }
            int m = x.length;
            if (m == 0) {
                return Double.NaN;
            }
            if (m == 1) {
                return x[0];
            }
            double denominator = 1 - w[m - 1];
            double cumulative = 0;
            double previousU = 0;
            for (int k = 0; k < m; k++) {
                double u = k == m - 1 ? 1 : cumulative / denominator;
                if (u >= p) {
                    if (k == 0 || u == previousU) {
                        return x[k];
                    }
                    double frac = (p - previousU) / (u - previousU);
                    double a = x[k - 1];
                    double b = x[k];
                    return frac == 1 ? b : a == b ? a : a + frac * (b - a);
                }
                previousU = u;
                cumulative += w[k];
            }
            return x[m - 1];
        }

        Stats stats() {
            int m = x.length;
            if (m == 0) {
                double nan = Double.NaN;
                return new Stats(0, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan);
            }
            double mean = 0;
            double sumW2 = 0;
            for (int k = 0; k < m; k++) {
                mean += w[k] * x[k];
                sumW2 += w[k] * w[k];
            }
            double ss = 0;
            for (int k = 0; k < m; k++) {
                double d = x[k] - mean;
                ss += w[k] * d * d;
            }
            double sd = m < 2 || !(1 - sumW2 > 0) ? Double.NaN : Math.sqrt(ss / (1 - sumW2));
            return new Stats(m, mean, sd, quantile(0.05), quantile(0.10), quantile(0.25), quantile(0.50),
                    quantile(0.75), quantile(0.90), quantile(0.95), x[0], x[m - 1]);
        }
    }
}
