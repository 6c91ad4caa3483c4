package dev.payback.sampling;

import dev.payback.scenario.Dist;

/**
 * The quantile function (and, for tests and goodness-of-fit checks, the CDF) of one
 * {@link Dist}, built once per input and immutable, so it can be shared between threads.
 *
 * <p>Uniform, triangular, normal and lognormal are closed forms (the normal quantile by
 * {@link StdNormal#inverseCdf}); Bernoulli, discrete and empirical are step functions
 * (the smallest value whose CDF reaches u). PERT (Beta(α, β) on [min, max]) is a table built once:
 * {@link #atZ(double)} is tabulated on a uniform grid of {@code PERT_KNOTS} normal scores
 * z in [−9, 9] (so denser in u in both tails) with exact knot values and exact slopes, evaluated by
 * monotone (Fritsch–Carlson limited) cubic Hermite interpolation, and by the Beta's power-law tail
 * beyond ±9. Its maximum error, measured by {@code InverseCdfTest}, is below
 * {@link #PERT_MAX_ERROR} of (max − min).
 *
 * <p>{@link #atZ(double)} is the form the Gaussian copula uses: it maps a standard normal score
 * straight to a value (μ + σz for the normal, exp(μ + σz) for the lognormal, the table for PERT),
 * which is both faster and more accurate than {@code at(Φ(z))}.
 */
public interface InverseCdf {

    /** Number of knots of the PERT table. */
    int PERT_KNOTS = 2049;

    /**
     * Documented bound on the PERT table's absolute error, as a share of (max − min). Measured by
     * InverseCdfTest at every midpoint between knots for modes from min to max: at most 1.0e-11.
     */
    double PERT_MAX_ERROR = 1e-10;

    /** The u-quantile, for u in (0, 1); u = 0 and 1 give the ends of the support. */
    double at(double u);

    /** {@code at(Φ(z))}: the value whose CDF is the standard normal CDF of z. */
    double atZ(double z);

    /**
     * {@code out[i] = atZ(z[i])} for i in 0..n−1; {@code out} may be {@code z}. Each implementation
     * overrides it with its own loop, so the trial loop makes one virtual call per column.
     */
    default void atZ(double[] z, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = atZ(z[i]);
        }
    }

    /** P(X &lt;= x), exact to about 1e-14 relative (commons-math3 regularized beta for PERT). */
    double cdf(double x);

    /**
     * The inverse CDF of {@code dist}.
     *
     * @throws NullPointerException when dist is null
     */
    static InverseCdf of(Dist dist) {
        return InverseCdfs.of(dist);
    }
}
