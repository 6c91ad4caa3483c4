package dev.payback.engine;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The gate's binomial inversion against commons-math3's exact inverse CDF. */
class BinomialQuantileTest {

    @Test
    void matchesTheExactInverseCdfWhereNoApproximationIsAllowed() {
        long[] ns = {1, 2, 5, 20, 137, 1000, 3000, 12_000};
        double[] ps = {1e-4, 0.01, 0.1, 0.14, 0.5, 0.9, 0.999};
        // away from the atoms of F (e.g. F(0) = 0.9 for n = 1, p = 0.1), where rounding decides either way
        double[] us = {1e-9, 0.00123, 0.0217, 0.1234, 0.2567, 0.5031, 0.7089, 0.9123, 0.9811, 0.99917, 1 - 1e-9};
        for (long n : ns) {
            for (double p : ps) {
                if (n * p > BinomialQuantile.NORMAL_FROM && n * (1 - p) > BinomialQuantile.NORMAL_FROM) {
                    continue;
                }
                BinomialDistribution b = new BinomialDistribution(null, (int) n, p);
                for (double u : us) {
                    assertThat(BinomialQuantile.of(u, n, p)).as("n=%d p=%s u=%s", n, p, u)
                            .isEqualTo(b.inverseCumulativeProbability(u));
                }
            }
        }
    }

    @Test
    void aUniformWithinTheFirstPassToleranceOfAnAtomIsDecidedAtFullPrecision() {
        // u a hair (1e-12, below the 1e-10 bound of the first pass) on either side of F(k)
        long n = 3000;
        double p = 0.14;
        BinomialDistribution b = new BinomialDistribution(null, (int) n, p);
        for (int k = 380; k <= 460; k += 7) {
            double f = b.cumulativeProbability(k);
            for (double u : new double[] {f - 1e-12, f + 1e-12}) {
                assertThat(BinomialQuantile.of(u, n, p)).as("k=%d u=F(k)%+.0e", k, u - f)
                        .isEqualTo(b.inverseCumulativeProbability(u));
            }
        }
    }

    @Test
    void theNormalApproximationStaysWithinOneCountOfTheExactQuantileInTheBody() {
        long n = 250_000;
        double p = 0.1;
        BinomialDistribution b = new BinomialDistribution(null, (int) n, p);
        for (double u = 0.01; u < 1; u += 0.07) {
            assertThat(Math.abs(BinomialQuantile.of(u, n, p) - b.inverseCumulativeProbability(u)))
                    .as("u=%s", u).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void degenerateCases() {
        assertThat(BinomialQuantile.of(0.5, 0, 0.3)).isZero();
        assertThat(BinomialQuantile.of(0.5, 10, 0)).isZero();
        assertThat(BinomialQuantile.of(0.5, 10, 1)).isEqualTo(10);
    }
}
