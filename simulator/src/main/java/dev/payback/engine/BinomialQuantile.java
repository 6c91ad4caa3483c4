package dev.payback.engine;

import dev.payback.sampling.StdNormal;
import org.apache.commons.math3.special.Gamma;

/**
 * Turns a uniform draw into a Binomial(n, p) draw by inversion, so the gate's two measurements
 * (docs/model.md section 7) come from the trial's own sampled columns and are deterministic for any
 * thread count and sampling method. Allocation-free.
 *
 * <p>Exact (up to floating point) wherever n·p ≤ 1,000 or n·(1−p) ≤ 1,000: the smallest k with
 * F(k) ≥ u, where F(mode) is summed from the mode's probability (Loader's saddle-point form) with
 * the ratio recurrence of consecutive binomial probabilities, then walked from the mode to u. The
 * sum stops once a rigorous bound on the omitted lower tail falls below 10⁻¹⁰ · F(mode), and is
 * redone to full precision in the rare case that u lies within that bound of an atom. Where both
 * exceed 1,000, docs/model.md allows the normal approximation with continuity correction: the smallest
 * k with Φ((k + ½ − np)/√(np(1−p))) ≥ u.
 */
final class BinomialQuantile {
    /** Above this in both n·p and n·(1−p), the normal approximation stands in. */
    static final double NORMAL_FROM = 1000;
    /** Probabilities below this are negligible against F (which is summed in doubles). */
    private static final double NEGLIGIBLE = 1e-18;

    private BinomialQuantile() {
    }

    /** The u-quantile of Binomial(n, p): the smallest k in 0..n with P(X ≤ k) ≥ u. */
    static long of(double u, long n, double p) {
        if (n <= 0 || !(p > 0) || !(u > 0)) {
            return 0;
        }
        if (p >= 1 || u >= 1) {
            return n;
        }
        double q = 1 - p;
        double mean = n * p;
        if (mean > NORMAL_FROM && n * q > NORMAL_FROM) {
            double k = Math.ceil(mean - 0.5 + Math.sqrt(mean * q) * StdNormal.inverseCdf(u));
            return (long) Math.max(0, Math.min(n, k));
        }
        long mode = Math.min(n, (long) Math.floor((n + 1) * p));
        double pmfMode = Math.exp(logPmf(mode, n, p, q));
        long k = invert(u, n, p, q, mode, pmfMode, COARSE);
        return k >= 0 ? k : invert(u, n, p, q, mode, pmfMode, NEGLIGIBLE);
    }

    /** First pass: the lower tail below the summed terms is bounded by 1e-10 · F(mode). */
    private static final double COARSE = 1e-10;

    /**
     * The quantile from F(mode) summed down until the rest of the lower tail is below
     * {@code tolerance} · F(mode), or −1 when u lies so close to an atom of F that the omitted tail
     * could change the answer (the caller then sums to full precision). The omitted tail below the
     * last term t with ratio ρ = pmf(j−1)/pmf(j) is at most t·ρ/(1 − ρ): the ratios shrink away from
     * the mode (the binomial is log-concave), so the tail is below a geometric series.
     */
    private static long invert(double u, long n, double p, double q, long mode, double pmfMode, double tolerance) {
        // F(mode) = Σ_{j ≤ mode} pmf(j), with pmf(j−1) = pmf(j) · j·(q/p) / (n − j + 1); the ratio does not
        // depend on the running term, so its division stays off the loop's dependency chain
        double down = q / p;
        double cdf = pmfMode;
        double term = pmfMode;
        double top = n + 1.0;
        double omitted = 0;
        for (double j = mode; j > 0; j--) {
            double ratio = (j * down) / (top - j);
            term *= ratio;
            cdf += term;
            if (term < NEGLIGIBLE * cdf) {
                omitted = 0;
                break;
            }
            if (ratio < 1) {
                omitted = term * ratio / (1 - ratio);
                if (omitted < tolerance * cdf) {
                    break;
                }
            }
        }
        if (tolerance == NEGLIGIBLE) {
            omitted = 0;
        }
        // every computed F is below the true one by at most `omitted`: F(k) ≥ u stays true, and
        // F(k − 1) < u is certain only when u − F(k − 1) exceeds it
        long k = mode;
        double pmf = pmfMode;
        if (cdf >= u) {
            // walk down while F(k − 1) = F(k) − pmf(k) still reaches u
            while (k > 0 && pmf > 0) {
                double below = cdf - pmf;
                if (below < u) {
                    return u - below > omitted ? k : -1;
                }
                cdf = below;
                pmf *= (k * down) / (top - k);
                k--;
            }
            return k;
        }
        // walk up until F(k) reaches u
        double up = p / q;
        double below = cdf;
        while (cdf < u && k < n) {
            below = cdf;
            pmf *= ((n - k) * up) / (k + 1.0);
            k++;
            cdf += pmf;
            if (pmf < NEGLIGIBLE && k > mode + 1) {
                break;
            }
        }
        return u - below > omitted || k == mode ? k : -1;
    }

    /**
     * log P(X = k) by Loader's saddle-point form (as in R's dbinom and commons-math3's
     * BinomialDistribution): δ(n) − δ(k) − δ(n−k) − D(k, np) − D(n−k, nq) + ½ log(n / (2π k (n−k))),
     * δ the Stirling error and D the deviance term; exact at the ends.
     */
    static double logPmf(long k, long n, double p, double q) {
        if (k == 0) {
            return n * Math.log1p(-p);
        }
        if (k == n) {
            return n * Math.log(p);
        }
        double nn = n;
        double kk = k;
        double rest = nn - kk;
        return stirlingError(nn) - stirlingError(kk) - stirlingError(rest) - deviance(kk, nn * p)
                - deviance(rest, nn * q) + 0.5 * Math.log(nn / (2 * Math.PI * kk * rest));
    }

    private static final double S0 = 1.0 / 12;
    private static final double S1 = 1.0 / 360;
    private static final double S2 = 1.0 / 1260;
    private static final double S3 = 1.0 / 1680;
    private static final double S4 = 1.0 / 1188;
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    /** δ(z) = log z! − (z + ½) log z + z − ½ log 2π. */
    static double stirlingError(double z) {
        if (z < 15) {
            return Gamma.logGamma(z + 1) - (z + 0.5) * Math.log(z) + z - HALF_LOG_2PI;
        }
        double z2 = z * z;
        if (z > 500) {
            return (S0 - S1 / z2) / z;
        }
        return (S0 - (S1 - (S2 - (S3 - S4 / z2) / z2) / z2) / z2) / z;
    }

    /** D(x, m) = x log(x/m) + m − x, by a series when x is near m. */
    static double deviance(double x, double m) {
        if (Math.abs(x - m) < 0.1 * (x + m)) {
            double v = (x - m) / (x + m);
            double s = (x - m) * v;
            double ej = 2 * x * v;
            double v2 = v * v;
            for (int j = 1; j < 1000; j++) {
                ej *= v2;
                double s1 = s + ej / (2 * j + 1);
                if (s1 == s) {
                    return s1;
                }
                s = s1;
            }
            return s;
        }
        return x * Math.log(x / m) + m - x;
    }
}
