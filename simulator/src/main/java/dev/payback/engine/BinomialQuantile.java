package dev.payback.engine;

import dev.payback.sampling.StdNormal;
import org.apache.commons.math3.special.Gamma;

/**
 * Turns a uniform draw into a Binomial(n, p) draw by inversion, so the gate's two measurements
 * (MODEL.md section 7) come from the trial's own sampled columns and are deterministic for any
 * thread count and sampling method. Allocation-free.
 *
 * <p>Exact (up to floating point) wherever n·p ≤ 1,000 or n·(1−p) ≤ 1,000: the smallest k with
 * F(k) ≥ u, where F is summed from the mode's probability (via log-gamma) with the ratio
 * recurrence of consecutive binomial probabilities, then walked from the mode to u. Where both
 * exceed 1,000, MODEL.md allows the normal approximation with continuity correction: the smallest
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
        double pmfMode = Math.exp(Gamma.logGamma(n + 1.0) - Gamma.logGamma(mode + 1.0)
                - Gamma.logGamma(n - mode + 1.0) + mode * Math.log(p) + (n - mode) * Math.log1p(-p));
        double odds = p / q;
        // F(mode) = Σ_{j ≤ mode} pmf(j), with pmf(j−1) = pmf(j) · j / (n − j + 1) / odds
        double cdf = pmfMode;
        double term = pmfMode;
        for (long j = mode; j > 0; j--) {
            term = term * j / ((n - j + 1) * odds);
            cdf += term;
            if (term < NEGLIGIBLE * cdf) {
                break;
            }
        }
        long k = mode;
        double pmf = pmfMode;
        if (cdf >= u) {
            // walk down while F(k − 1) = F(k) − pmf(k) still reaches u
            while (k > 0 && pmf > 0) {
                double below = cdf - pmf;
                if (below < u) {
                    break;
                }
                cdf = below;
                pmf = pmf * k / ((n - k + 1) * odds);
                k--;
            }
            return k;
        }
        // walk up until F(k) reaches u
        while (cdf < u && k < n) {
            pmf = pmf * (n - k) / (k + 1) * odds;
            k++;
            cdf += pmf;
            if (pmf < NEGLIGIBLE && k > mode + 1) {
                break;
            }
        }
        return k;
    }
}
