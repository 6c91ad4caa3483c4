package dev.payback.sampling;

import dev.payback.scenario.Dist;
import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.math3.special.Beta;

/** The implementations behind {@link InverseCdf#of(Dist)}. */
final class InverseCdfs {

    private InverseCdfs() {
    }

    static InverseCdf of(Dist dist) {
        Objects.requireNonNull(dist, "dist");
        if (dist instanceof Dist.Fixed f) {
            return new FixedInverse(f.value());
        } else if (dist instanceof Dist.Uniform u) {
            return new UniformInverse(u.lo(), u.hi());
        } else if (dist instanceof Dist.Triangular t) {
            return TriangularInverse.of(t.min(), t.mode(), t.max());
        } else if (dist instanceof Dist.Pert p) {
            return PertInverse.of(p.min(), p.max(), p.alpha(), p.beta());
        } else if (dist instanceof Dist.Normal n) {
            return new NormalInverse(n.mu(), n.sd());
        } else if (dist instanceof Dist.Lognormal l) {
            return new LognormalInverse(l.mu(), l.sigma());
        } else if (dist instanceof Dist.Bernoulli b) {
            return new StepInverse(new double[] {0, 1}, new double[] {1 - b.p(), b.p()});
        } else if (dist instanceof Dist.Discrete d) {
            return new StepInverse(d.values(), d.weights());
        } else if (dist instanceof Dist.Empirical e) {
            double[] w = new double[e.observations().length];
            Arrays.fill(w, 1);
            return new StepInverse(e.observations(), w);
        }
        throw new IllegalArgumentException("unknown distribution " + dist);
    }

    /** Φ(t) for the exact CDFs ({@link StdNormal#cdf}, accurate to 2e-14 relative in the lower tail). */
    static double phi(double t) {
        return StdNormal.cdf(t);
    }

    static final class FixedInverse implements InverseCdf {
        private final double value;

        FixedInverse(double value) {
            this.value = value;
        }

        @Override public double at(double u) { return value; }
        @Override public double atZ(double z) { return value; }
        @Override public void atZ(double[] z, double[] out, int n) { Arrays.fill(out, 0, n, value); }
        @Override public double cdf(double x) { return x >= value ? 1 : 0; }
    }

    static final class UniformInverse implements InverseCdf {
        private final double lo;
        private final double hi;

        UniformInverse(double lo, double hi) {
            this.lo = lo;
            this.hi = hi;
        }

        @Override public double at(double u) { return u <= 0 ? lo : (u >= 1 ? hi : lo + (hi - lo) * u); }
        @Override public double atZ(double z) { return at(StdNormal.cdf(z)); }
        @Override public void atZ(double[] z, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = at(StdNormal.cdf(z[i]));
            }
        }
        @Override public double cdf(double x) { return x <= lo ? 0 : (x >= hi ? 1 : (x - lo) / (hi - lo)); }
    }

    static final class TriangularInverse implements InverseCdf {
        private final double min;
        private final double mode;
        private final double max;
        private final double fMode;
        private final double lowScale;
        private final double highScale;

        private TriangularInverse(double min, double mode, double max) {
            this.min = min;
            this.mode = mode;
            this.max = max;
            this.fMode = (mode - min) / (max - min);
            this.lowScale = (max - min) * (mode - min);
            this.highScale = (max - min) * (max - mode);
        }

        static TriangularInverse of(double min, double mode, double max) {
            Samplers.finite("triangular parameters", min, mode, max);
            if (!(min <= mode && mode <= max && min < max)) {
                throw new IllegalArgumentException("triangular needs min <= mode <= max and min < max");
            }
            return new TriangularInverse(min, mode, max);
        }

        @Override public double at(double u) {
            if (u <= 0) {
                return min;
            }
            if (u >= 1) {
                return max;
            }
            return u < fMode ? min + Math.sqrt(u * lowScale) : max - Math.sqrt((1 - u) * highScale);
        }
        @Override public double atZ(double z) { return at(StdNormal.cdf(z)); }
        @Override public void atZ(double[] z, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = at(StdNormal.cdf(z[i]));
            }
        }
        @Override public double cdf(double x) {
            if (x <= min) {
                return 0;
            }
            if (x >= max) {
                return 1;
            }
            if (x < mode) {
                double d = x - min;
                return d * d / lowScale;
            }
            double d = max - x;
            return 1 - d * d / highScale;
        }
    }

    static final class NormalInverse implements InverseCdf {
        private final double mu;
        private final double sd;

        NormalInverse(double mu, double sd) {
            this.mu = mu;
            this.sd = sd;
        }

        @Override public double at(double u) { return mu + sd * StdNormal.inverseCdf(u); }
        @Override public double atZ(double z) { return mu + sd * z; }
        @Override public void atZ(double[] z, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = mu + sd * z[i];
            }
        }
        @Override public double cdf(double x) { return phi((x - mu) / sd); }
    }

    static final class LognormalInverse implements InverseCdf {
        private final double mu;
        private final double sigma;

        LognormalInverse(double mu, double sigma) {
            this.mu = mu;
            this.sigma = sigma;
        }

        @Override public double at(double u) { return Math.exp(mu + sigma * StdNormal.inverseCdf(u)); }
        @Override public double atZ(double z) { return Math.exp(mu + sigma * z); }
        @Override public void atZ(double[] z, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Math.exp(mu + sigma * z[i]);
            }
        }
        @Override public double cdf(double x) { return x <= 0 ? 0 : phi((Math.log(x) - mu) / sigma); }
    }

    /**
     * A distribution on finitely many values (Bernoulli, discrete, empirical): at(u) is the
     * smallest value whose CDF reaches u.
     */
    static final class StepInverse implements InverseCdf {
        private final double[] values;   // sorted, distinct, positive probability
        private final double[] cum;      // cum[i] = P(X <= values[i]); the last is exactly 1

        StepInverse(double[] rawValues, double[] rawWeights) {
            int n = rawValues.length;
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(rawValues[a], rawValues[b]));
            double total = 0;
            for (double w : rawWeights) {
                if (!(w >= 0) || !Double.isFinite(w)) {
                    throw new IllegalArgumentException("weights must be finite and >= 0");
                }
                total += w;
            }
            if (!(total > 0)) {
                throw new IllegalArgumentException("weights must not all be 0");
            }
            double[] v = new double[n];
            double[] c = new double[n];
            int m = 0;
            double run = 0;
            for (int k = 0; k < n; k++) {
                int i = order[k];
                if (rawWeights[i] == 0) {
                    continue;
                }
                run += rawWeights[i];
                if (m > 0 && v[m - 1] == rawValues[i]) {
                    c[m - 1] = run / total;
                } else {
                    v[m] = rawValues[i];
                    c[m] = run / total;
                    m++;
                }
            }
            c[m - 1] = 1;
            this.values = Arrays.copyOf(v, m);
            this.cum = Arrays.copyOf(c, m);
        }

        @Override public double at(double u) {
            // smallest i with cum[i] >= u
            int lo = 0;
            int hi = cum.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cum[mid] >= u) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return values[lo];
        }
        @Override public double atZ(double z) { return at(StdNormal.cdf(z)); }
        @Override public void atZ(double[] z, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = at(StdNormal.cdf(z[i]));
            }
        }
        @Override public double cdf(double x) {
            // largest i with values[i] <= x
            int lo = 0;
            int hi = values.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (values[mid] <= x) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo == 0 ? 0 : cum[lo - 1];
        }
    }

    /**
     * Beta(α, β) on [min, max] by a table over normal scores: y(z) = F⁻¹(Φ(z)) at
     * {@link InverseCdf#PERT_KNOTS} equally spaced z in [−Z, Z], with exact slopes φ(z)/f(y),
     * interpolated by cubic Hermite with the Fritsch–Carlson limiter (monotone).
     */
    static final class PertInverse implements InverseCdf {
        static final double Z = 9;
        private static final int N = InverseCdf.PERT_KNOTS;
        private static final double H = 2 * Z / (N - 1);
        private static final double INV_H = (N - 1) / (2 * Z);
        private static final double TAIL_U = StdNormal.tail(Z);

        private final double min;
        private final double width;
        private final double alpha;
        private final double beta;
        private final double[] y;    // knot values in [0, 1]
        private final double[] hd;   // H times the (limited) slope dy/dz at the knots
        private final double yLow;   // y at -Z
        private final double cHigh;  // 1 - y at +Z

        private PertInverse(double min, double width, double alpha, double beta,
                            double[] y, double[] hd, double yLow, double cHigh) {
            this.min = min;
            this.width = width;
            this.alpha = alpha;
            this.beta = beta;
            this.y = y;
            this.hd = hd;
            this.yLow = yLow;
            this.cHigh = cHigh;
        }

        /**
         * Tables by shape: they depend only on (α, β), take milliseconds to build and are immutable,
         * so they are shared by every input, run and thread of the JVM with the same shape.
         */
        private static final java.util.concurrent.ConcurrentHashMap<java.util.List<Double>, PertInverse> TABLES =
                new java.util.concurrent.ConcurrentHashMap<>();

        static PertInverse of(double min, double max, double alpha, double beta) {
            Samplers.finite("pert parameters", min, max, alpha, beta);
            if (!(min < max && alpha >= 1 && beta >= 1)) {
                throw new IllegalArgumentException("pert needs min < max and shapes >= 1");
            }
            PertInverse unit = TABLES.computeIfAbsent(java.util.List.of(alpha, beta), k -> build(0, 1, alpha, beta));
            return new PertInverse(min, max - min, alpha, beta, unit.y, unit.hd, unit.yLow, unit.cHigh);
        }

        private static PertInverse build(double min, double max, double alpha, double beta) {
            RegularizedBeta cdf = RegularizedBeta.of(alpha, beta);
            double lnB = cdf.logBeta();
            double[] y = new double[N];
            double[] d = new double[N];
            int mid = (N - 1) / 2; // z = 0
            // lower half: solve F(y) = Φ(z) with (α, β), sweeping up from the tail
            double prevY = 0;
            double prevP = 0;
            double yLow = 0;
            for (int i = 0; i <= mid; i++) {
                double z = -Z + i * H;
                double p = StdNormal.tail(z);
                double yi = lowerQuantile(p, alpha, beta, cdf::at, lnB, prevY, prevP);
                prevY = yi;
                prevP = p;
                y[i] = yi;
                d[i] = StdNormal.pdf(z) / density(yi, 1 - yi, alpha, beta, lnB);
                if (i == 0) {
                    yLow = yi;
                }
            }
            // upper half by symmetry: 1 - y solves the Beta(β, α) lower tail at Φ(−z)
            prevY = 0;
            prevP = 0;
            double cHigh = 0;
            for (int i = N - 1; i > mid; i--) {
                double z = -Z + i * H;
                double p = StdNormal.tail(z);
                double c = lowerQuantile(p, beta, alpha, cdf::mirroredAt, lnB, prevY, prevP);
                prevY = c;
                prevP = p;
                y[i] = 1 - c;
                d[i] = StdNormal.pdf(z) / density(1 - c, c, alpha, beta, lnB);
                if (i == N - 1) {
                    cHigh = c;
                }
            }
            // Fritsch–Carlson: keep every cubic piece monotone
            for (int i = 0; i < N - 1; i++) {
                double delta = (y[i + 1] - y[i]) * INV_H;
                if (delta <= 0) {
                    d[i] = 0;
                    d[i + 1] = 0;
                    continue;
                }
                double a = d[i] / delta;
                double b = d[i + 1] / delta;
                double s = a * a + b * b;
                if (s > 9) {
                    double t = 3 / Math.sqrt(s);
                    d[i] = t * a * delta;
                    d[i + 1] = t * b * delta;
                }
            }
            for (int i = 0; i < N; i++) {
                d[i] *= H;
            }
            return new PertInverse(min, max - min, alpha, beta, y, d, yLow, cHigh);
        }

        /** The Beta(α, β) density at y, with c = 1 − y given separately for accuracy near 1. */
        static double density(double y, double c, double alpha, double beta, double lnB) {
            return Math.exp((alpha - 1) * Math.log(y) + (beta - 1) * Math.log(c) - lnB);
        }

        /** I_y(α, β), the regularized incomplete beta function. */
        static double betaCdf(double y, double alpha, double beta) {
            return Beta.regularizedBeta(y, alpha, beta, RegularizedBeta.EPSILON, RegularizedBeta.MAX_ITERATIONS);
        }

        /**
         * Solves I_y(a, b) = p for y, for p up to about 1/2, by safeguarded Newton with a bracket;
         * (prevY, prevP) is a solved point below p, or (0, 0), used for the power-law first guess.
         */
        static double lowerQuantile(double p, double a, double b, double prevY, double prevP) {
            RegularizedBeta cdf = RegularizedBeta.of(a, b);
            return lowerQuantile(p, a, b, cdf::at, cdf.logBeta(), prevY, prevP);
        }

        /**
         * As {@link #lowerQuantile(double, double, double, double, double)} with the distribution's CDF
         * I_y(a, b) and log B(a, b) given (computed once per table).
         */
        private static double lowerQuantile(double p, double a, double b, java.util.function.DoubleUnaryOperator cdf,
                double lnB, double prevY, double prevP) {
            double lo = prevY;
            double hi = 1;
            double y;
            if (prevP > 0) {
                y = prevY * Math.pow(p / prevP, 1 / a);
            } else {
                y = Math.pow(p * a * Math.exp(lnB), 1 / a); // F(y) ~ y^a / (a B(a, b)) near 0
            }
            if (!(y > lo && y < hi)) {
                y = 0.5 * (lo + hi);
            }
            for (int iter = 0; iter < 200; iter++) {
                double f = cdf.applyAsDouble(y) - p;
                if (f == 0) {
                    return y;
                }
                if (f < 0) {
                    lo = y;
                } else {
                    hi = y;
                }
                double next = y - f / density(y, 1 - y, a, b, lnB);
                if (!(next > lo && next < hi)) {
                    next = 0.5 * (lo + hi);
                }
                if (Math.abs(next - y) <= 1e-16 * y || next == y) {
                    return next;
                }
                y = next;
            }
            return y;
        }

        @Override public double at(double u) {
            if (u <= 0) {
                return min;
            }
            if (u >= 1) {
                return min + width;
            }
            return atZ(StdNormal.inverseCdf(u));
        }

        @Override public double atZ(double z) {
            return min + width * unit(z);
        }

        @Override public void atZ(double[] z, double[] out, int n) {
            // unit(z)'s table branch written out in the loop (the quick compiler does not inline unit):
            // the same operations in the same order, so the same doubles
            final double[] y = this.y;
            final double[] hd = this.hd;
            final double lo = min;
            final double w = width;
            for (int k = 0; k < n; k++) {
                final double zk = z[k];
                final double s = (zk + Z) * INV_H;
                if (s >= 0 && s < N - 1) {
                    final int i = (int) s;
                    final double t = s - i;
                    final double t1 = 1 - t;
                    out[k] = lo + w * (t1 * t1 * ((1 + 2 * t) * y[i] + t * hd[i])
                            + t * t * ((3 - 2 * t) * y[i + 1] - t1 * hd[i + 1]));
                } else {
                    out[k] = lo + w * unit(zk);
                }
            }
        }

        private double unit(double z) {
            double s = (z + Z) * INV_H;
            if (s >= 0 && s < N - 1) {
                int i = (int) s;
                double t = s - i;
                double t1 = 1 - t;
                double y0 = y[i];
                double y1 = y[i + 1];
                // cubic Hermite: h00 y0 + h10 H d0 + h01 y1 + h11 H d1
                return t1 * t1 * ((1 + 2 * t) * y0 + t * hd[i]) + t * t * ((3 - 2 * t) * y1 - t1 * hd[i + 1]);
            }
            if (z < 0) {
                return yLow * Math.pow(StdNormal.tail(z) / TAIL_U, 1 / alpha);
            }
            if (z >= 0) {
                return 1 - cHigh * Math.pow(StdNormal.tail(z) / TAIL_U, 1 / beta);
            }
            return z; // NaN
        }

        @Override public double cdf(double x) {
            if (x <= min) {
                return 0;
            }
            if (x >= min + width) {
                return 1;
            }
            return betaCdf((x - min) / width, alpha, beta);
        }
    }
}
