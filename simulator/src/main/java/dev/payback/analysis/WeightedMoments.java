package dev.payback.analysis;

/**
 * Moments of values carrying likelihood weights {@code v_i = exp(logL_i − scale)}, over a set of trials
 * (a block, or the merge of blocks), for statistics streamed over every trial ({@link PilotStream}).
 * Weights are kept relative to {@code scale}, the largest log-likelihood of the set, so each set's
 * largest weight is 1 and nothing overflows; merging rescales both sides to the larger scale.
 *
 * <p>{@code w = Σ v}, {@code w2 = Σ v²}, {@code mean = Σ v x / w}, {@code m2 = Σ v (x − mean)²}; {@code n},
 * {@code min} and {@code max} count the trials of positive weight. With the normalised
 * weights of {@link Weighted} ({@code v / w}): mean is Σ w x, sd is the square root of
 * {@code (m2 / w) / (1 − w2 / w²)} (the reliability-weights form) and the effective sample size is
 * {@code w² / w2}, the same definitions as {@link Weighted}, so over the same trials the two agree to
 * rounding.
 *
 * <p>{@link #merge} is the weighted form of the pairwise update of Chan, Golub and LeVeque: with
 * {@code a = exp(scale₁ − S)} and {@code b = exp(scale₂ − S)}, S the larger scale, W₁ = a·w₁, W₂ = b·w₂:
 * {@code mean = mean₁ + (mean₂ − mean₁)·W₂/(W₁+W₂)}, {@code m2 = a·m2₁ + b·m2₂ + (mean₂ − mean₁)²·W₁W₂/(W₁+W₂)}.
 * It is not associative in floating point: callers merge in a fixed order (block order).
 */
record WeightedMoments(double scale, long n, double w, double w2, double mean, double m2, double min, double max) {
    /** No trial of non-zero likelihood. */
    static final WeightedMoments EMPTY = new WeightedMoments(Double.NEGATIVE_INFINITY, 0, 0, 0, 0, 0,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);

    WeightedMoments {
        if (n < 0 || !(w >= 0) || !(w2 >= 0)) {
            throw new IllegalArgumentException("n, w and w2 must be >= 0");
        }
    }

    /**
     * The moments of {@code x[t]} over t in 0..n−1 where x[t] is a number (NaN marks a trial outside the
     * series, e.g. the payback month of a trial that does not pay back) and its weight {@code v[t]} is
     * positive, by two passes (the mean, then the squared deviations). {@code v[t] = exp(logL[t] − scale)}
     * ({@link #weights}); a weight that underflows to 0 leaves the trial out, as {@link Weighted} does.
     */
    static WeightedMoments of(double[] x, double[] v, double scale, int n) {
        long count = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double w = 0;
        double w2 = 0;
        double sum = 0;
        for (int t = 0; t < n; t++) {
            if (v[t] > 0 && !Double.isNaN(x[t])) {
                count++;
                lo = Math.min(lo, x[t]);
                hi = Math.max(hi, x[t]);
                w += v[t];
                w2 += v[t] * v[t];
                sum += v[t] * x[t];
            }
        }
        if (count == 0) {
            return EMPTY;
        }
        double mean = sum / w;
        double m2 = 0;
        for (int t = 0; t < n; t++) {
            if (v[t] > 0 && !Double.isNaN(x[t])) {
                double d = x[t] - mean;
                m2 += v[t] * d * d;
            }
        }
        return new WeightedMoments(scale, count, w, w2, mean, m2, lo, hi);
    }

    /** As {@link #of(double[], double[], double, int)} with the weights of {@code logL} ({@link #weights}). */
    static WeightedMoments of(double[] x, double[] logL, int n) {
        double[] v = new double[n];
        return of(x, v, weights(logL, n, v), n);
    }

    /**
     * {@code v[t] = exp(logL[t] − scale)} for t in 0..n−1, scale the largest logL (−∞ when every one
     * is −∞, then every v is 0); returns the scale.
     */
    static double weights(double[] logL, int n, double[] v) {
        double scale = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < n; t++) {
            scale = Math.max(scale, logL[t]);
        }
        for (int t = 0; t < n; t++) {
            v[t] = scale == Double.NEGATIVE_INFINITY ? 0 : Math.exp(logL[t] - scale);
        }
        return scale;
    }

    /** This set followed by {@code o} (see the class comment). */
    WeightedMoments merge(WeightedMoments o) {
        if (o.n == 0) {
            return this;
        }
        if (n == 0) {
            return o;
        }
        double s = Math.max(scale, o.scale);
        double a = Math.exp(scale - s);
        double b = Math.exp(o.scale - s);
        double w1 = a * w;
        double wo = b * o.w;
        double total = w1 + wo;
        double delta = o.mean - mean;
        return new WeightedMoments(s, n + o.n, total, a * a * w2 + b * b * o.w2, mean + delta * (wo / total),
                a * m2 + b * o.m2 + delta * delta * (w1 * wo / total), Math.min(min, o.min), Math.max(max, o.max));
    }

    /** The weighted mean; NaN without trials. */
    double weightedMean() {
        return n == 0 ? Double.NaN : mean;
    }

    /** The weighted sd (reliability weights, {@link Weighted}); NaN below two trials. */
    double sd() {
        double sumW2 = w2 / (w * w);
        return n < 2 || !(1 - sumW2 > 0) ? Double.NaN : Math.sqrt(m2 / w / (1 - sumW2));
    }

    /** The effective sample size {@code w² / w2}; 0 without trials. */
    double effectiveSampleSize() {
        return n == 0 ? 0 : w * w / w2;
    }

    /**
     * A STATS block: this set's n, mean, sd, min and max, with the percentiles of {@code rows} (the
     * weighted percentiles of the retained rows).
     */
    Stats with(Stats rows) {
        if (n == 0) {
            return rows;
        }
        return new Stats(n, weightedMean(), sd(), rows.p5(), rows.p10(), rows.p25(), rows.p50(), rows.p75(),
                rows.p90(), rows.p95(), min, max);
    }
}
