package dev.payback.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.payback.scenario.Dist;
import java.util.List;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.TriangularDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.junit.jupiter.api.Test;

class InverseCdfTest {

    private static final double[] GRID = grid();

    private static double[] grid() {
        double[] g = new double[999 + 2 * 12];
        int k = 0;
        for (int i = 1; i <= 999; i++) {
            g[k++] = i / 1000.0;
        }
        for (int e = 1; e <= 12; e++) {
            g[k++] = Math.pow(10, -3 - e);
            g[k++] = 1 - Math.pow(10, -3 - e);
        }
        return g;
    }

    @Test
    void cdfsAgreeWithCommonsMath() {
        Dist.Pert pert = new Dist.Pert(10, 14, 30);
        Dist.Lognormal logn = new Dist.Lognormal(6, 20);
        List<Object[]> cases = List.of(
                new Object[] {new Dist.Uniform(0.35, 0.45), new UniformRealDistribution(0.35, 0.45)},
                new Object[] {new Dist.Triangular(1, 2, 5), new TriangularDistribution(1, 2, 5)},
                new Object[] {new Dist.Triangular(1, 1, 5), new TriangularDistribution(1, 1, 5)},
                new Object[] {new Dist.Normal(3, 2), new NormalDistribution(3, 2)},
                new Object[] {logn, new LogNormalDistribution(logn.mu(), logn.sigma())},
                new Object[] {pert, new BetaDistribution(pert.alpha(), pert.beta())});
        for (Object[] c : cases) {
            Dist d = (Dist) c[0];
            RealDistribution ref = (RealDistribution) c[1];
            InverseCdf inv = InverseCdf.of(d);
            for (double u : new double[] {0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99}) {
                double x = ref.inverseCumulativeProbability(u);
                if (d instanceof Dist.Pert p) {
                    x = p.min() + (p.max() - p.min()) * x;
                }
                assertThat(inv.cdf(x)).as("%s at %s", d, x).isCloseTo(u, within(1e-8));
            }
        }
    }

    @Test
    void closedFormsRoundTrip() {
        List<Dist> dists = List.of(new Dist.Uniform(-2, 7), new Dist.Triangular(1, 2, 5),
                new Dist.Triangular(0, 0, 1), new Dist.Triangular(0, 1, 1), new Dist.Normal(100, 15),
                Dist.Normal.ofCi90(-5, 20), new Dist.Lognormal(0.001, 0.05), new Dist.Lognormal(80000, 300000));
        for (Dist d : dists) {
            InverseCdf inv = InverseCdf.of(d);
            double spread = inv.at(0.9) - inv.at(0.1);
            double worst = 0;
            for (double u : GRID) {
                double err = Math.abs(inv.cdf(inv.at(u)) - u);
                assertThat(err).as("%s at %s", d, u).isLessThan(1e-13);
                if (u < 0.5 && (d instanceof Dist.Normal || d instanceof Dist.Lognormal)) {
                    worst = Math.max(worst, err / u); // the lower tail keeps its relative accuracy
                }
                assertThat(inv.atZ(StdNormal.inverseCdf(u))).isCloseTo(inv.at(u), within(1e-13 * Math.abs(inv.at(u)) + 1e-14 * spread));
            }
            assertThat(worst).as("%s", d).isLessThan(1e-13);
        }
        assertThat(InverseCdf.of(new Dist.Normal(0, 1)).at(0.975)).isCloseTo(1.959963984540054, within(2e-15));
    }

    @Test
    void pertRoundTripsOnGrid() {
        for (double mode : new double[] {0, 0.05, 0.3, 0.5, 0.8, 1}) {
            Dist.Pert d = new Dist.Pert(0, mode, 1);
            InverseCdf inv = InverseCdf.of(d);
            double worst = 0;
            for (double u : GRID) {
                worst = Math.max(worst, Math.abs(inv.cdf(inv.at(u)) - u));
            }
            // the density of a shape-4 PERT on [0, 1] is at most 5, so an x error of e moves u by <= 5e
            assertThat(worst).as("mode %s", mode).isLessThan(5 * InverseCdf.PERT_MAX_ERROR);
        }
    }

    /**
     * The table's error, measured at every midpoint between knots (where cubic interpolation is
     * worst) and beyond the table, against the safeguarded Newton solution of I_y(α, β) = Φ(z).
     */
    @Test
    void pertTableMaxErrorIsMeasuredAndBounded() {
        double worstAll = 0;
        for (double mode : new double[] {0, 0.001, 0.02, 0.25, 0.5, 0.75, 0.98, 0.999, 1}) {
            Dist.Pert d = new Dist.Pert(0, mode, 1);
            InverseCdf inv = InverseCdf.of(d);
            double a = d.alpha();
            double b = d.beta();
            double h = 2 * InverseCdfs.PertInverse.Z / (InverseCdf.PERT_KNOTS - 1);
            double worst = 0;
            for (int i = -3; i < InverseCdf.PERT_KNOTS + 2; i++) {
                double z = -InverseCdfs.PertInverse.Z + (i + 0.5) * h;
                double exact = z <= 0
                        ? InverseCdfs.PertInverse.lowerQuantile(StdNormal.tail(z), a, b, 0, 0)
                        : 1 - InverseCdfs.PertInverse.lowerQuantile(StdNormal.tail(z), b, a, 0, 0);
                worst = Math.max(worst, Math.abs(inv.atZ(z) - exact));
            }
            System.out.printf("PERT table (alpha %.2f, beta %.2f): max error %.3g of (max - min)%n", a, b, worst);
            worstAll = Math.max(worstAll, worst);
        }
        assertThat(worstAll).isLessThan(InverseCdf.PERT_MAX_ERROR);
    }

    @Test
    void pertTableIsMonotoneAndBounded() {
        InverseCdf inv = InverseCdf.of(new Dist.Pert(5, 6, 30));
        double prev = Double.NEGATIVE_INFINITY;
        for (double z = -12; z <= 12; z += 0.0007) {
            double x = inv.atZ(z);
            assertThat(x).isBetween(5.0, 30.0).isGreaterThanOrEqualTo(prev);
            prev = x;
        }
        assertThat(inv.at(0)).isEqualTo(5);
        assertThat(inv.at(1)).isEqualTo(30);
    }

    @Test
    void stepFunctionsReturnTheSmallestValueReachingU() {
        InverseCdf disc = InverseCdf.of(new Dist.Discrete(new double[] {3, 1, 2, 9}, new double[] {1, 1, 2, 0}));
        assertThat(disc.at(0.2)).isEqualTo(1);
        assertThat(disc.at(0.25)).isEqualTo(1);
        assertThat(disc.at(0.26)).isEqualTo(2);
        assertThat(disc.at(0.75)).isEqualTo(2);
        assertThat(disc.at(0.76)).isEqualTo(3);
        assertThat(disc.at(1)).isEqualTo(3); // 9 has weight 0
        assertThat(disc.cdf(0.5)).isZero();
        assertThat(disc.cdf(2)).isEqualTo(0.75);
        assertThat(disc.cdf(100)).isEqualTo(1);

        InverseCdf bern = InverseCdf.of(new Dist.Bernoulli(0.3));
        assertThat(bern.at(0.69)).isZero();
        assertThat(bern.at(0.71)).isEqualTo(1);
        assertThat(bern.cdf(0)).isCloseTo(0.7, within(1e-15));
        assertThat(InverseCdf.of(new Dist.Bernoulli(0)).at(0.999999)).isZero();
        assertThat(InverseCdf.of(new Dist.Bernoulli(1)).at(1e-9)).isEqualTo(1);

        InverseCdf emp = InverseCdf.of(new Dist.Empirical(new double[] {5, 1, 5, 3}));
        assertThat(emp.at(0.1)).isEqualTo(1);
        assertThat(emp.at(0.4)).isEqualTo(3);
        assertThat(emp.at(0.6)).isEqualTo(5);
        assertThat(emp.cdf(4)).isEqualTo(0.5);

        for (InverseCdf inv : List.of(disc, bern, emp)) {
            for (double u : GRID) {
                assertThat(inv.cdf(inv.at(u))).isGreaterThanOrEqualTo(u);
            }
        }
        InverseCdf fixed = InverseCdf.of(new Dist.Fixed(4));
        assertThat(fixed.at(0.3)).isEqualTo(4);
        assertThat(fixed.atZ(-2)).isEqualTo(4);
        assertThat(fixed.cdf(3.9)).isZero();
        assertThat(fixed.cdf(4)).isEqualTo(1);
    }

    /** A block of PERT draws (the table written out in the loop) equals one draw at a time, tails and NaN included. */
    @Test
    void pertBlockEqualsOneAtATime() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(3L);
        for (Dist.Pert d : List.of(new Dist.Pert(10, 14, 30), new Dist.Pert(0, 0.5, 1), new Dist.Pert(0.03, 0.12, 0.24),
                new Dist.Pert(9000, 12000, 16000), new Dist.Pert(0, 0.02, 1))) {
            InverseCdf inv = InverseCdf.of(d);
            int n = 4_096;
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                z[i] = switch (i % 8) {
                    case 0 -> r.nextDouble() * 30 - 15;   // beyond the table (|z| > 9) too
                    case 1 -> i % 16 == 1 ? Double.NaN : -9.0;
                    case 2 -> 9.0;
                    case 3 -> Math.nextDown(9.0);
                    default -> r.nextGaussian() * 2;
                };
            }
            double[] block = new double[n];
            inv.atZ(z, block, n);
            for (int i = 0; i < n; i++) {
                assertThat(Double.doubleToRawLongBits(block[i])).as("z=%s", z[i])
                        .isEqualTo(Double.doubleToRawLongBits(inv.atZ(z[i])));
            }
        }
    }
}
