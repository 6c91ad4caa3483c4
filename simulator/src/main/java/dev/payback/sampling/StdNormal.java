package dev.payback.sampling;

import org.apache.commons.math3.special.Erf;

/**
 * The standard normal distribution: a fast cumulative distribution function Φ for the trial loop
 * and an accurate quantile function Φ⁻¹.
 *
 * <p>{@link #cdf(double)} evaluates the smaller tail, so it keeps its relative accuracy deep into
 * the lower tail, and allocates nothing: for |z| &lt;= 3 (99.7% of normal draws) by Hart's rational
 * approximation (algorithm 5666, as given by G. West, "Better approximations to cumulative normal
 * functions", 2005), beyond by Laplace's continued fraction for the Mills ratio. Its relative error
 * is below 2e-14 on [−37.5, 0] (measured against high-precision values and commons-math3 erfc in
 * StdNormalTest). {@link #inverseCdf(double)} is Acklam's rational approximation refined by one
 * Halley step against {@link Erf#erfc(double)}, accurate to about 1e-15 relative for p &gt;= 1e-290
 * (Acklam's 1.2e-9 alone below).
 */
public final class StdNormal {

    private static final double SQRT_2PI = 2.5066282746310002;
    private static final double SQRT2 = 1.4142135623730951;

    private StdNormal() {
    }

    /** Φ(z), the standard normal CDF; 0 below -37.5, 1 above 37.5 (after rounding). */
    public static double cdf(double z) {
        if (z > 0) {
            return 1 - lowerTail(-z);
        }
        return lowerTail(z);
    }

    /** Φ(−|z|) with full relative accuracy: the probability of the smaller tail. */
    public static double tail(double z) {
        return lowerTail(-Math.abs(z));
    }

    /** Φ(z) for z &lt;= 0 (also defined for NaN, which it returns). */
    private static double lowerTail(double z) {
        double x = -z;
        if (!(x <= 37.5)) {
            return x > 37.5 ? 0 : z; // NaN passes through
        }
        if (x > 3) {
            // Laplace's continued fraction for the Mills ratio, 60 terms by backward recurrence
            // (converged to rounding for x > 3); exp(-x²/2) split so x² is not rounded.
            double t = x;
            for (int k = 60; k >= 1; k--) {
                t = x + k / t;
            }
            double s = Math.floor(x * 16) / 16;
            return Math.exp(-0.5 * s * s) * Math.exp(-0.5 * (x - s) * (x + s)) / (t * SQRT_2PI);
        }
        double e = Math.exp(-0.5 * x * x);
        double num = 3.52624965998911e-02 * x + 0.700383064443688;
        num = num * x + 6.37396220353165;
        num = num * x + 33.912866078383;
        num = num * x + 112.079291497871;
        num = num * x + 221.213596169931;
        num = num * x + 220.206867912376;
        double den = 8.83883476483184e-02 * x + 1.75566716318264;
        den = den * x + 16.064177579207;
        den = den * x + 86.7807322029461;
        den = den * x + 296.564248779674;
        den = den * x + 637.333633378831;
        den = den * x + 793.826512519948;
        den = den * x + 440.413735824752;
        return e * num / den;
    }

    /** φ(z), the standard normal density. */
    public static double pdf(double z) {
        return Math.exp(-0.5 * z * z) / SQRT_2PI;
    }

    /**
     * Φ⁻¹(p) for p in [0, 1]: -infinity at 0, +infinity at 1.
     *
     * @throws IllegalArgumentException when p is NaN or outside [0, 1]
     */
    public static double inverseCdf(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("a probability must lie in [0, 1], got " + p);
        }
        if (p == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        // 1 - p is exact for p >= 0.5 (Sterbenz), so the upper half is solved in the lower tail.
        return p > 0.5 ? -lowerQuantile(1 - p) : lowerQuantile(p);
    }

    private static final double[] A = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    private static final double[] B = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01};
    private static final double[] C = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    private static final double[] D = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
        3.754408661907416e+00};

    /** Φ⁻¹(p) for 0 &lt; p &lt;= 0.5. */
    private static double lowerQuantile(double p) {
        double x;
        if (p < 0.02425) {
            double q = Math.sqrt(-2 * Math.log(p));
            x = (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                    / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
        } else {
            double q = p - 0.5;
            double r = q * q;
            x = (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
                    / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
        }
        if (p < 1e-290) {
            return x; // exp(x²/2) would overflow; Acklam alone is within 1.2e-9 relative here
        }
        // One Halley step on Φ(x) - p, with Φ from erfc (relative accuracy in the lower tail).
        double e = 0.5 * Erf.erfc(-x / SQRT2) - p;
        double u = e * SQRT_2PI * Math.exp(0.5 * x * x);
        return x - u / (1 + 0.5 * x * u);
    }
}
