package dev.payback.sampling;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.util.ContinuedFraction;
import org.apache.commons.math3.util.FastMath;

/**
 * The regularized incomplete beta function I_x(a, b) of one shape, for the many evaluations that
 * building a PERT table needs (a few per knot, 2,049 knots per shape). It is
 * {@link Beta#regularizedBeta(double, double, double, double, int)} with what depends only on the shape
 * (log B(a, b), log a, log b) computed once instead of at every call, which is most of that method's
 * cost for PERT shapes: the same continued fraction (DLMF 8.17.22, evaluated by Commons Math's
 * {@link ContinuedFraction}), the same symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where x lies above the
 * mean-like point (a + 1)/(a + b + 2), and the same operations in the same order, so that the results
 * are bit for bit the library's ({@code RegularizedBetaTest} checks this), and a PERT table is the same
 * however it is built. Immutable.
 */
final class RegularizedBeta {
    /** The library's defaults for the PERT tables: converge to double precision. */
    static final double EPSILON = 1e-16;
    static final int MAX_ITERATIONS = 100_000;

    private final double a;
    private final double b;
    private final double lnB;
    private final double lnA;
    private final double lnBShape;
    private final ContinuedFraction direct;     // the fraction for (a, b)
    private final ContinuedFraction mirrored;   // the fraction for (b, a)

    private RegularizedBeta(double a, double b) {
        this.a = a;
        this.b = b;
        this.lnB = Beta.logBeta(a, b);                 // symmetric in (a, b), bit for bit
        this.lnA = FastMath.log(a);
        this.lnBShape = FastMath.log(b);
        this.direct = fraction(a, b);
        this.mirrored = fraction(b, a);
    }

    /** I_x(a, b) for shapes a, b > 0. */
    static RegularizedBeta of(double a, double b) {
        if (!(a > 0 && b > 0) || Double.isInfinite(a) || Double.isInfinite(b)) {
            throw new IllegalArgumentException("beta shapes must be positive and finite, got " + a + ", " + b);
        }
        return new RegularizedBeta(a, b);
    }

    /** log B(a, b). */
    double logBeta() {
        return lnB;
    }

    /** I_x(a, b); NaN for x outside [0, 1] or NaN. */
    double at(double x) {
        return at(x, a, b, lnA, lnBShape, direct, mirrored);
    }

    /** As {@link #at(double)} with (a, b) swapped: I_x(b, a). */
    double mirroredAt(double x) {
        return at(x, b, a, lnBShape, lnA, mirrored, direct);
    }

    private double at(double x, double p, double q, double lnP, double lnQ, ContinuedFraction pq,
            ContinuedFraction qp) {
        if (Double.isNaN(x) || x < 0 || x > 1) {
            return Double.NaN;
        }
        if (x > (p + 1) / (2 + q + p) && 1 - x <= (q + 1) / (2 + q + p)) {
            return 1 - at(1 - x, q, p, lnQ, lnP, qp, pq);
        }
        return FastMath.exp((p * FastMath.log(x)) + (q * FastMath.log1p(-x)) - lnP - lnB) * 1.0
                / pq.evaluate(x, EPSILON, MAX_ITERATIONS);
    }

    /**
     * The continued fraction of I_x(p, q) (DLMF 8.17.22): every partial numerator 1 and the partial
     * denominators d_{2m} = m (q − m) x / ((p + 2m − 1)(p + 2m)) and
     * d_{2m+1} = −(p + m)(p + q + m) x / ((p + 2m)(p + 2m + 1)).
     */
    private static ContinuedFraction fraction(double p, double q) {
        return new ContinuedFraction() {
            @Override
            protected double getB(int n, double x) {
                if (n % 2 == 0) {
                    double m = n / 2.0;
                    return (m * (q - m) * x) / ((p + (2 * m) - 1) * (p + (2 * m)));
                }
                double m = (n - 1) / 2.0;
                return -((p + m) * (p + q + m) * x) / ((p + (2 * m)) * (p + (2 * m) + 1));
            }

            @Override
            protected double getA(int n, double x) {
                return 1.0;
            }
        };
    }
}
