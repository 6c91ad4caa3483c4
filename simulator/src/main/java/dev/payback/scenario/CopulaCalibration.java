package dev.payback.scenario;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Erf;

import java.util.TreeMap;

/**
 * The normal copula's correlation r that gives two inputs a target Spearman rank correlation
 * (docs/model.md section 1, "Correlations"), for their own margins.
 *
 * <p>Two continuous margins attain Spearman {@code (6/π) asin(r/2)} whatever they are, so
 * {@code r = 2 sin(πρ/6)} exactly. A margin with atoms (bernoulli, discrete, empirical) ties its
 * ranks, and the same r attains a smaller |ρ|: a bernoulli(0.4) at r = 0.518 attains about 0.41,
 * not 0.50. For such a pair the population Spearman with average ranks for ties, which the sample
 * Spearman of a run converges to, is the Pearson correlation of the mid-grades
 * {@code ψ(x) = (F(x) + F(x−)) / 2} of the two inputs; with X = F⁻¹(Φ(Z₁)), Y = G⁻¹(Φ(Z₂)) and
 * corr(Z₁, Z₂) = r it is
 * <pre>  ρ(r) = (E[ψ_X(Z₁) · g(Z₁)] − 1/4) / sqrt(Var ψ_X · Var ψ_Y),  g(z) = E[ψ_Y(r z + sqrt(1−r²) W)]</pre>
 * a one-dimensional integral over z (Gauss–Legendre on panels split at the steps), increasing in r.
 * {@link #normalCorrelation} solves ρ(r) = target with commons-math3's {@link BrentSolver}; a target
 * outside [ρ(−1), ρ(1)] is unattainable for those margins ({@link #attainable}).
 */
public final class CopulaCalibration {
    private static final NormalDistribution STD = new NormalDistribution(null, 0, 1);
    private static final double Z_MAX = 9;
    private static final int PANELS = 240;
    /** 8-point Gauss–Legendre nodes and weights on [−1, 1]. */
    private static final double[] GL_X = {-0.9602898564975363, -0.7966664774136267, -0.5255324099163290,
            -0.1834346424956498, 0.1834346424956498, 0.5255324099163290, 0.7966664774136267, 0.9602898564975363};
    private static final double[] GL_W = {0.1012285362903763, 0.2223810344533745, 0.3137066458778873,
            0.3626837833783620, 0.3626837833783620, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763};
    /** Accuracy of the root in r. */
    private static final double R_ACCURACY = 1e-9;

    private CopulaCalibration() {
    }

    /** A margin's grade: continuous (ψ = Φ(z)) or steps (cut points in z and mid-grades). */
    private record Grade(double[] cuts, double[] mid, double variance) {
        boolean continuous() {
            return cuts == null;
        }

        /** ψ(z). */
        double at(double z) {
            if (continuous()) {
                return phi(z);
            }
            // the number of cuts below z (z on a cut belongs to the step below it)
            int lo = 0;
            int hi = cuts.length;
            while (lo < hi) {
                int m = (lo + hi) >>> 1;
                if (z > cuts[m]) {
                    lo = m + 1;
                } else {
                    hi = m;
                }
            }
            return mid[lo];
        }
    }

    /** True when the distribution has atoms (its ranks tie). */
    public static boolean hasAtoms(Dist d) {
        return d instanceof Dist.Bernoulli || d instanceof Dist.Discrete || d instanceof Dist.Empirical;
    }

    /**
     * The copula's normal correlation r for the target Spearman {@code rho} between margins a and b.
     *
     * @throws IllegalArgumentException when rho lies outside {@link #attainable}(a, b)
     */
    public static double normalCorrelation(Dist a, Dist b, double rho) {
        if (!hasAtoms(a) && !hasAtoms(b)) {
            return 2 * Math.sin(Math.PI * rho / 6);
        }
        Grade ga = grade(a);
        Grade gb = grade(b);
        double lo = spearman(ga, gb, -1);
        double hi = spearman(ga, gb, 1);
        if (!(rho > lo && rho < hi)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "attainable Spearman range for these distributions is %.3f to %.3f", lo, hi));
        }
        return new BrentSolver(R_ACCURACY).solve(200, r -> spearman(ga, gb, r) - rho, -1, 1,
                2 * Math.sin(Math.PI * rho / 6));
    }

    /** The Spearman correlations the copula can give margins a and b: {ρ(r = −1), ρ(r = 1)}. */
    public static double[] attainable(Dist a, Dist b) {
        if (!hasAtoms(a) && !hasAtoms(b)) {
            return new double[] {-1, 1};
        }
        Grade ga = grade(a);
        Grade gb = grade(b);
        return new double[] {spearman(ga, gb, -1), spearman(ga, gb, 1)};
    }

    /** The Spearman correlation the copula with normal correlation r gives margins a and b. */
    public static double spearman(Dist a, Dist b, double r) {
        return spearman(grade(a), grade(b), r);
    }

    private static double spearman(Grade x, Grade y, double r) {
        double s = Math.sqrt(Math.max(0, 1 - r * r));
        // breakpoints: x's steps, and y's steps seen through z ↦ r z (the integrand's kinks)
        double[] breaks = breakpoints(x, y, r);
        double sum = 0;
        for (int p = 0; p + 1 < breaks.length; p++) {
            double lo = breaks[p];
            double hi = breaks[p + 1];
            if (hi <= lo) {
                continue;
            }
            double half = (hi - lo) / 2;
            double centre = (hi + lo) / 2;
            for (int k = 0; k < GL_X.length; k++) {
                double z = centre + half * GL_X[k];
                sum += GL_W[k] * half * density(z) * x.at(z) * expectedGrade(y, r, s, z);
            }
        }
        return (sum - 0.25) / Math.sqrt(x.variance() * y.variance());
    }

    /** g(z) = E[ψ_Y(r z + s W)], W standard normal. */
    private static double expectedGrade(Grade y, double r, double s, double z) {
        double mean = r * z;
        if (y.continuous()) {
            // E[Φ(rz + sW)] = Φ(rz / sqrt(1 + s²))
            return phi(mean / Math.sqrt(1 + s * s));
        }
        if (s == 0) {
            return y.at(mean);
        }
        // Only the steps within 9 s of r z carry mass (Φ beyond ±9 is 0 or 1 to 1e-19): the cuts
        // below the window add nothing, those above it nothing after the first.
        double[] cuts = y.cuts();
        int from = firstAbove(cuts, mean - 9 * s);
        int to = firstAbove(cuts, mean + 9 * s);
        double g = 0;
        double below = 0;
        for (int j = from; j < to; j++) {
            double upTo = phi((cuts[j] - mean) / s);
            g += y.mid()[j] * (upTo - below);
            below = upTo;
        }
        g += y.mid()[to] * (1 - below);
        return g;
    }

    /** The index of the first cut above x (cuts.length when none is). */
    private static int firstAbove(double[] cuts, double x) {
        int lo = 0;
        int hi = cuts.length;
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            if (cuts[m] > x) {
                hi = m;
            } else {
                lo = m + 1;
            }
        }
        return lo;
    }

    private static double[] breakpoints(Grade x, Grade y, double r) {
        java.util.TreeSet<Double> b = new java.util.TreeSet<>();
        for (int p = 0; p <= PANELS; p++) {
            b.add(-Z_MAX + 2 * Z_MAX * p / PANELS);
        }
        if (!x.continuous()) {
            for (double c : x.cuts()) {
                if (Math.abs(c) < Z_MAX) {
                    b.add(c);
                }
            }
        }
        if (!y.continuous() && r != 0) {
            for (double c : y.cuts()) {
                double z = c / r;
                if (Math.abs(z) < Z_MAX) {
                    b.add(z);
                }
            }
        }
        return b.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static Grade grade(Dist d) {
        if (!hasAtoms(d)) {
            return new Grade(null, null, 1.0 / 12);
        }
        TreeMap<Double, Double> mass = new TreeMap<>();
        if (d instanceof Dist.Bernoulli b) {
            mass.merge(0.0, 1 - b.p(), Double::sum);
            mass.merge(1.0, b.p(), Double::sum);
        } else if (d instanceof Dist.Discrete x) {
            double[] v = x.values();
            double[] w = x.weights();
            for (int i = 0; i < v.length; i++) {
                mass.merge(v[i], w[i], Double::sum);
            }
        } else if (d instanceof Dist.Empirical e) {
            for (double o : e.observations()) {
                mass.merge(o, 1.0, Double::sum);
            }
        }
        double sum = 0;
        for (double w : mass.values()) {
            sum += w;
        }
        final double total = sum;
        double[] p = mass.values().stream().mapToDouble(w -> w / total).filter(w -> w > 0).toArray();
        int k = p.length;
        double[] cuts = new double[k - 1];
        double[] mid = new double[k];
        double cum = 0;
        double second = 0;
        for (int i = 0; i < k; i++) {
            mid[i] = cum + p[i] / 2;
            second += p[i] * mid[i] * mid[i];
            cum += p[i];
            if (i < k - 1) {
                cuts[i] = STD.inverseCumulativeProbability(Math.min(1, cum));
            }
        }
        return new Grade(cuts, mid, second - 0.25);
    }

    /**
     * Φ(z) by Hart's double-precision algorithm as given by G. West, "Better approximations to
     * cumulative normal functions" (Wilmott, 2005): about 1e-15 absolute, and several times faster
     * than {@link Erf#erfc}, which matters here (up to millions of evaluations per calibration of
     * two many-valued margins). Checked against {@link Erf#erfc} in the tests.
     */
    static double phi(double z) {
        double x = Math.abs(z);
        double c;
        if (x > 37) {
            c = 0;
        } else {
            double e = Math.exp(-x * x / 2);
            if (x < 7.07106781186547) {
                double b = 3.52624965998911e-02 * x + 0.700383064443688;
                b = b * x + 6.37396220353165;
                b = b * x + 33.912866078383;
                b = b * x + 112.079291497871;
                b = b * x + 221.213596169931;
                b = b * x + 220.206867912376;
                c = e * b;
                b = 8.83883476483184e-02 * x + 1.75566716318264;
                b = b * x + 16.064177579207;
                b = b * x + 86.7807322029461;
                b = b * x + 296.564248779674;
                b = b * x + 637.333633378831;
                b = b * x + 793.826512519948;
                b = b * x + 440.413735824752;
                c = c / b;
            } else {
                double b = x + 0.65;
                b = x + 4 / b;
                b = x + 3 / b;
                b = x + 2 / b;
                b = x + 1 / b;
                c = e / b / 2.506628274631;
            }
        }
        return z > 0 ? 1 - c : c;
    }

    private static double density(double z) {
        return Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
    }
}
