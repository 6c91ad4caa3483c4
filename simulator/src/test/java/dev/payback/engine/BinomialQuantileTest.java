package dev.payback.engine;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate's binomial inversion against commons-math3's inverse CDF and exact rational sums, and its
 * fast path against the defining summation ({@link BinomialQuantile#reference}).
 */
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

    /** One draw (u, n, p) of a regime the gate may meet: n·p or n·(1−p) at most about 1,000. */
    private static double[] draw(SplittableRandom r, int regime) {
        long n;
        double p;
        switch (regime) {
            case 0 -> { n = 1 + r.nextLong(5_000); p = Math.min(0.999, r.nextDouble() * 1000.0 / n); }
            case 1 -> { n = 1 + r.nextLong(60); p = r.nextDouble(); }
            case 2 -> { n = 1 + r.nextLong(100_000_000L); p = Math.pow(10, -4 - 8 * r.nextDouble()); }   // tiny p
            case 3 -> { n = 1 + r.nextLong(1_000_000L); p = 1 - Math.pow(10, -1 - 8 * r.nextDouble()); }   // p near 1
            case 4 -> { n = Math.round(0.25 * (8_000 + 10_000 * r.nextDouble())); p = 0.02 + 0.25 * r.nextDouble(); }   // scenario B's gate
            default -> { n = 1_000 + r.nextLong(200_000); p = (1 + r.nextDouble() * 999) / n; }   // n·p up to 1,000
        }
        return new double[] {r.nextDouble(), n, p};
    }

    @Test
    void theFastPathGivesTheReferenceSummationsIntegerOnRandomAndNearAtomDraws() {
        // every third draw is moved to within 1e-17..1e-8 (relative) of an atom F(k) of its distribution,
        // where the fast path may not decide and must hand the draw to the reference
        SplittableRandom r = new SplittableRandom(20_261_203L);
        int draws = 60_000;
        int exact = 0;
        int decided = 0;
        int nearAtom = 0;
        int nearDecided = 0;
        for (int i = 0; i < draws; i++) {
            double[] d = draw(r, i % 6);
            double u = d[0];
            long n = (long) d[1];
            double p = d[2];
            boolean near = i % 3 == 0 && n < Integer.MAX_VALUE;
            if (near) {
                long k = BinomialQuantile.referenceOf(u, n, p);
                double f = new BinomialDistribution(null, (int) n, p).cumulativeProbability((int) k);
                double moved = f * (1 + (r.nextBoolean() ? 1 : -1) * Math.pow(10, -8 - 9 * r.nextDouble()));
                if (!(moved > 0 && moved < 1)) {
                    continue;
                }
                u = moved;
                nearAtom++;
            }
            long expected = BinomialQuantile.referenceOf(u, n, p);
            assertThat(BinomialQuantile.of(u, n, p)).as("u=%s n=%d p=%s", u, n, p).isEqualTo(expected);
            double q = 1 - p;
            if (n * p <= BinomialQuantile.NORMAL_FROM || n * q <= BinomialQuantile.NORMAL_FROM) {
                long mode = Math.min(n, (long) Math.floor((n + 1) * p));
                long fast = BinomialQuantile.fast(u, n, p, q, mode, Math.exp(BinomialQuantile.logPmf(mode, n, p, q)));
                assertThat(fast).as("u=%s n=%d p=%s", u, n, p).isIn(-1L, expected);
                if (near) {
                    nearDecided += fast >= 0 ? 1 : 0;
                } else {
                    exact++;
                    decided += fast >= 0 ? 1 : 0;
                }
            }
        }
        // the fast path answers every ordinary draw of the exact regime (one within 1e-10 of an atom, which it
        // would leave to the reference, comes with probability below 1e-8 per draw: below 1e-3 for these
        // 40,000), and leaves some near-atom ones to the reference
        assertThat(exact).isGreaterThan(35_000);
        assertThat(decided).isEqualTo(exact);
        assertThat(nearDecided).isLessThan(nearAtom);
    }

    @Test
    void matchesExactRationalSumsAwayFromTheAtoms() {
        // F(k) summed in 50-digit decimals from the exact binary value of p (q = 1 − p exactly); draws
        // within 1e-12 of an atom are skipped, where double rounding may decide either way
        SplittableRandom r = new SplittableRandom(7_001L);
        MathContext mc = new MathContext(50);
        int checked = 0;
        for (int c = 0; c < 1_500; c++) {
            int n = 1 + r.nextInt(c % 3 == 0 ? 400 : 60);
            double p = switch (c % 5) {
                case 0 -> Math.pow(10, -6 * r.nextDouble());
                case 1 -> 1 - Math.pow(10, -1 - 6 * r.nextDouble());
                default -> r.nextDouble();
            };
            BigDecimal bp = new BigDecimal(p);
            BigDecimal bq = BigDecimal.ONE.subtract(bp);
            double[] cdf = new double[n + 1];
            BigDecimal pmf = bq.pow(n, mc);   // P(X = 0)
            BigDecimal sum = BigDecimal.ZERO;
            for (int k = 0; k <= n; k++) {
                sum = sum.add(pmf, mc);
                cdf[k] = sum.doubleValue();
                // P(X = k + 1) = P(X = k) · (n − k)/(k + 1) · p/q
                if (k < n) {
                    pmf = pmf.multiply(BigDecimal.valueOf(n - k)).multiply(bp)
                            .divide(BigDecimal.valueOf(k + 1).multiply(bq), mc);
                }
            }
            for (int j = 0; j < 8; j++) {
                double u = r.nextDouble();
                int k = 0;
                while (k < n && cdf[k] < u) {
                    k++;
                }
                if (Math.abs(cdf[k] - u) < 1e-12 || k > 0 && Math.abs(cdf[k - 1] - u) < 1e-12) {
                    continue;
                }
                assertThat(BinomialQuantile.of(u, n, p)).as("u=%s n=%d p=%s", u, n, p).isEqualTo(k);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(11_000);
    }

    @Test
    void matchesCommonsMathOnRandomDrawsAwayFromTheAtoms() {
        // large n, tiny p, p near 1, n·p up to 1,000; draws within 1e-9 (relative) of commons-math3's
        // F(k) or F(k − 1) are skipped (its regularized beta is accurate to about 1e-14)
        SplittableRandom r = new SplittableRandom(4_242L);
        int checked = 0;
        for (int i = 0; i < 6_000; i++) {
            double[] d = draw(r, i % 6);
            double u = d[0];
            long n = (long) d[1];
            double p = d[2];
            if (n * p > BinomialQuantile.NORMAL_FROM && n * (1 - p) > BinomialQuantile.NORMAL_FROM) {
                continue;
            }
            BinomialDistribution b = new BinomialDistribution(null, (int) n, p);
            int k = b.inverseCumulativeProbability(u);
            double fk = b.cumulativeProbability(k);
            double below = k > 0 ? b.cumulativeProbability(k - 1) : 0;
            if (Math.abs(fk - u) < 1e-9 * u || Math.abs(below - u) < 1e-9 * u) {
                continue;
            }
            assertThat(BinomialQuantile.of(u, n, p)).as("u=%s n=%d p=%s", u, n, p).isEqualTo(k);
            checked++;
        }
        assertThat(checked).isGreaterThan(5_000);
    }

    @Test
    void floorIsMathFloorForEveryDouble() {
        double[] special = {0.0, -0.0, 0.5, 1.0, 1.5, -0.5, -1.0, -1.5, Double.MIN_VALUE, -Double.MIN_VALUE,
            Math.nextDown(1.0), Math.nextUp(1.0), 0x1p52, 0x1p52 + 0.5, 0x1p53, 0x1p62, Math.nextDown(0x1p63), 0x1p63,
            0x1p64, -0x1p63, -0x1p64, Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NaN, 1e-300, 2_999.999_999_999_999_5};
        for (double x : special) {
            assertThat(BinomialQuantile.floor(x)).as("x=%s", x).isEqualTo((long) Math.floor(x));
        }
        SplittableRandom r = new SplittableRandom(11L);
        for (int i = 0; i < 200_000; i++) {
            double x = Double.longBitsToDouble(r.nextLong());   // every sign, exponent and mantissa
            double y = (r.nextDouble() - 0.2) * Math.pow(2, r.nextInt(70));
            assertThat(BinomialQuantile.floor(x)).as("x=%s", x).isEqualTo((long) Math.floor(x));
            assertThat(BinomialQuantile.floor(y)).as("y=%s", y).isEqualTo((long) Math.floor(y));
        }
    }
}
