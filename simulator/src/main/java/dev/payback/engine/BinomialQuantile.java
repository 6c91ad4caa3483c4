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
 *
 * <p>That summation ({@link #reference}) is the definition; {@link #fast} gives the same integer for every
 * (u, n, p) with fewer terms, and hands the rare undecided draw to the reference. Both compute the same terms
 * t_j (the same anchor P̂ = pmf(mode), the same ratio expressions, multiplied in the same order, so bit for
 * bit the same doubles) and the same partial sums S_j = t_mode + … + t_j; they differ only in how deep the
 * lower sum goes. The fast path sums only as deep as this u needs: first until the omitted tail is below
 * {@link #FIRST} · S (about 2.5 standard deviations below the mode instead of about 6.5; looking at the bound
 * every fourth term, so up to three terms deeper), then walks to u and accepts k only when u is farther from
 * both computed F(k − 1) and F(k) than everything that could move the reference's computed values away from
 * its own: the tail bound B (the geometric series below, which also bounds every term the reference sums
 * beyond this depth and its own tail bound there, the ratios only shrinking further down) plus a rounding
 * allowance {@link #SLACK} · max(S, F), which exceeds the rounding of the additions the two do differently
 * (the deeper terms added to each computed F here, the walk's subtractions from a different S there: at most
 * 2 · {@link #MAX_STEPS} additions, each within half an ulp of max(S, F), 2 · 10⁻¹² relative) more than forty
 * times over. Otherwise it sums deeper ({@link #TOLERANCES}) and decides again; after the last round, or
 * beyond {@link #MAX_STEPS} terms either side of the mode, it leaves the draw to the reference. So where the
 * fast path answers, the reference's computed F(k − 1) &lt; u ≤ F(k) holds as well (the reference walks the
 * same way, and its second pass, if it needs one, too): the same k. {@code BinomialQuantileTest} checks this
 * on random and near-atom draws against the reference, and both against commons-math3's inverse and exact
 * rational sums.
 */
final class BinomialQuantile {
    /** Above this in both n·p and n·(1−p), the normal approximation stands in. */
    static final double NORMAL_FROM = 1000;
    /** Probabilities below this are negligible against F (which is summed in doubles). */
    private static final double NEGLIGIBLE = 1e-18;
    /**
     * The fast path's first depth: the omitted lower tail below this share of the sum. Any sequence of
     * depths gives the same integers (each round only decides where it is certain); this one, where most
     * draws are decided in the first round and most of the rest in the second, sums the fewest terms in
     * scenario B's gate draws of those tried (10⁻¹, 3·10⁻², 10⁻², 10⁻³ first).
     */
    static final double FIRST = 1e-2;
    /** The fast path's later depths, when u lies too close to an atom for the previous one. */
    private static final double[] TOLERANCES = {FIRST, 1e-3, 1e-7, 1e-12};
    /** The fast path's rounding allowance, relative to the larger of the lower sum and F. */
    static final double SLACK = 1e-10;
    /** The fast path sums and walks at most this many terms either side of the mode (its rounding bound). */
    static final long MAX_STEPS = 10_000;

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
        long mode = Math.min(n, floor((n + 1) * p));
        double pmfMode = Math.exp(logPmf(mode, n, p, q));
        long k = fast(u, n, p, q, mode, pmfMode);
        return k >= 0 ? k : reference(u, n, p, q, mode, pmfMode);
    }

    /**
     * ⌊x⌋ as a long, as {@code (long) Math.floor(x)} for every double (Math.floor is a Java call, not an
     * intrinsic, in the quick compiler the launcher runs). For x ≥ 0 the cast truncates toward zero:
     * below 2^63 that is the largest whole number ≤ x, which is ⌊x⌋; from 2^63 on (+∞ included) every
     * double is whole, so ⌊x⌋ = x and both casts saturate at {@code Long.MAX_VALUE}. Negative x and NaN
     * take Math.floor itself.
     */
    static long floor(double x) {
        return x >= 0 ? (long) x : (long) Math.floor(x);
    }

    /** The quantile by the defining summation (see the class comment): the fast path's fallback. */
    static long reference(double u, long n, double p, double q, long mode, double pmfMode) {
        long k = invert(u, n, p, q, mode, pmfMode, COARSE);
        return k >= 0 ? k : invert(u, n, p, q, mode, pmfMode, NEGLIGIBLE);
    }

    /** The quantile by the reference's definition, for tests: the reference alone, no fast path. */
    static long referenceOf(double u, long n, double p) {
        if (n <= 0 || !(p > 0) || !(u > 0)) {
            return 0;
        }
        if (p >= 1 || u >= 1) {
            return n;
        }
        double q = 1 - p;
        if (n * p > NORMAL_FROM && n * q > NORMAL_FROM) {
            return of(u, n, p);
        }
        long mode = Math.min(n, (long) Math.floor((n + 1) * p));
        return reference(u, n, p, q, mode, Math.exp(logPmf(mode, n, p, q)));
    }

    /**
     * The quantile from a lower sum only as deep as u needs (see the class comment), or −1 when u lies
     * so close to an atom of F that the reference must decide. The terms, ratios and partial sums are
     * computed by the same expressions, in the same order, as the reference's.
     */
    static long fast(double u, long n, double p, double q, long mode, double pmfMode) {
        final double down = q / p;
        final double up = p / q;
        if (!(q > 0) || !(pmfMode > 0) || pmfMode == Double.POSITIVE_INFINITY || down == Double.POSITIVE_INFINITY
                || up == Double.POSITIVE_INFINITY) {
            return -1;
        }
        final double top = n + 1.0;
        // at most MAX_STEPS terms below the mode (the lower sum and the walk down) and above it (the walk up)
        final long lowest = mode > MAX_STEPS ? mode - MAX_STEPS : 0;
        final long highest = n - mode > MAX_STEPS ? mode + MAX_STEPS : n;
        final double floorJ = lowest;
        // the lower sum S = t_mode + … + t_j; t = t_j; its omitted tail Σ_{i<j} t_i ≤ tail
        double sum = pmfMode;
        double t = pmfMode;
        double j = mode;
        double tail;
        // the walk: at k, cdf = the computed F(k) (from the current sum), pmf = t_k
        long k = mode;
        double cdf = pmfMode;
        double pmf = pmfMode;
        for (int round = 0; round < TOLERANCES.length; round++) {
            // sum deeper: until the geometric bound t_j · r/(1 − r) on the omitted tail is ≤ tol · S
            // (r = t_{j−1}/t_j, every ratio below is smaller: the binomial is log-concave), or to j = 0
            final double tol = TOLERANCES[round];
            final double before = sum;
            boolean stopped = false;
            // four terms between two looks at the bound (the same terms, in the same order: a stop up to
            // three terms deeper only tightens it); then one term at a time
            double r = j > floorJ ? (j * down) / (top - j) : 0;
            while (j > floorJ + 4) {
                t *= r;
                sum += t;
                j--;
                t *= (j * down) / (top - j);
                sum += t;
                j--;
                t *= (j * down) / (top - j);
                sum += t;
                j--;
                t *= (j * down) / (top - j);
                sum += t;
                j--;
                r = (j * down) / (top - j);
                if (r < 1 && t * r <= tol * sum * (1 - r)) {
                    stopped = true;
                    break;
                }
            }
            while (!stopped && j > floorJ) {
                r = (j * down) / (top - j);
                if (r < 1 && t * r <= tol * sum * (1 - r)) {
                    stopped = true;
                    break;
                }
                t *= r;
                sum += t;
                j--;
            }
            if (stopped) {
                tail = t * r / (1 - r) * (1 + 1e-12);
            } else if (j > 0) {
                return -1;   // MAX_STEPS terms and the tail still too large to ignore
            } else {
                tail = 0;
            }
            cdf += sum - before;   // every computed F(k) takes the newly summed terms
            // walk from k (the mode in the first round) as far as this depth decides
            final double slack = SLACK * larger(cdf, sum);
            if (cdf - slack >= u) {
                if (k > mode) {
                    return k;   // F(k − 1) < u was certain when the walk up reached k
                }
                // F(k) ≥ u for certain: walk down while F(k − 1) ≥ u for certain
                while (true) {
                    if (k == 0) {
                        return 0;
                    }
                    if (k <= lowest) {
                        return -1;
                    }
                    double below = cdf - pmf;
                    if (below - slack >= u) {
                        cdf = below;
                        pmf *= (k * down) / (top - k);
                        k--;
                        if (!(pmf > 0)) {
                            return -1;   // the reference stops its walk where the terms underflow
                        }
                    } else if (below + tail + slack < u) {
                        return k;
                    } else {
                        break;   // undecided: sum deeper
                    }
                }
            } else if (cdf + tail + slack < u) {
                // F(k) < u for certain (k ≥ mode): walk up until F(k) ≥ u for certain
                while (true) {
                    if (k == n) {
                        return n;
                    }
                    if (k >= highest) {
                        return -1;
                    }
                    pmf *= ((n - k) * up) / (k + 1.0);
                    k++;
                    cdf += pmf;
                    if (pmf < NEGLIGIBLE && k > mode + 1) {
                        return -1;   // where the reference's walk up stops short
                    }
                    final double slackUp = SLACK * larger(cdf, sum);
                    if (cdf - slackUp >= u) {
                        return k;
                    }
                    if (!(cdf + tail + slackUp < u)) {
                        break;   // undecided: sum deeper
                    }
                }
            }
            // undecided at k: the next round sums deeper and decides from k again
        }
        return -1;
    }

    /**
     * max(a, b) for the positive finite sums of {@link #fast} ({@code Math.max} is a call, not an
     * intrinsic, in the quick compiler the launcher runs): for a, b &gt; 0 and not NaN there is no −0.0
     * or NaN case, so it is the larger of the two, as {@code Math.max(a, b)}.
     */
    static double larger(double a, double b) {
        return a >= b ? a : b;
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
