package dev.payback.analysis;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * {@link Sensitivity#order} (a radix sort) against the stable merge sort it replaced, kept here as the
 * reference, and {@link Sensitivity#centeredRanks} against ranks derived by hand.
 */
class SensitivityOrderTest {

    /** The previous implementation, verbatim: a stable bottom-up merge sort of the identity permutation. */
    private static int[] mergeOrder(double[] x) {
        int n = x.length;
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        int[] b = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int o = lo;
                while (i < mid && j < hi) {
                    b[o++] = Double.compare(x[a[j]], x[a[i]]) < 0 ? a[j++] : a[i++];
                }
                while (i < mid) {
                    b[o++] = a[i++];
                }
                while (j < hi) {
                    b[o++] = a[j++];
                }
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }

    @Test
    void sameOrderAsTheMergeSortOnAwkwardValues() {
        SplittableRandom rng = new SplittableRandom(12);
        double[] special = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, -1.0,
                Double.longBitsToDouble(0x7ff8000000000001L)};
        for (int n : new int[] {0, 1, 2, 3, 17, 1000, 65_537, 200_003}) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                int kind = rng.nextInt(4);
                x[i] = switch (kind) {
                    case 0 -> special[rng.nextInt(special.length)];
                    case 1 -> rng.nextInt(50) - 25; // many ties
                    case 2 -> rng.nextGaussian() * 1e6;
                    default -> rng.nextDouble() * 1e-300 - 5e-301; // tiny values, both signs
                };
            }
            assertArrayEquals(mergeOrder(x), Sensitivity.order(x), "n = " + n);
        }
    }

    @Test
    void sameOrderOnAModelLikeColumn() {
        SplittableRandom rng = new SplittableRandom(7);
        double[] x = new double[250_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.round(Math.exp(rng.nextGaussian()) * 1000) / 10.0; // rounded: ties between trials
        }
        assertArrayEquals(mergeOrder(x), Sensitivity.order(x));
    }

    @Test
    void handDerivedOrderAndAverageRanksWithTies() {
        // values by trial:      0    1    2     3    4    5    6
        double[] x = {3.0, 1.0, 3.0, -0.0, 0.0, 1.0, 3.0};
        // ascending, ties by trial index: -0.0 (3), 0.0 (4), 1.0 (1, 5), 3.0 (0, 2, 6)
        int[] ord = Sensitivity.order(x);
        assertArrayEquals(new int[] {3, 4, 1, 5, 0, 2, 6}, ord);
        // ranks 1..7: trial 3 → 1, trial 4 → 2, trials 1 and 5 → (3+4)/2 = 3.5, trials 0, 2, 6 → (5+6+7)/3 = 6;
        // centered by (7+1)/2 = 4
        assertArrayEquals(new double[] {2.0, -0.5, 2.0, -3.0, -2.0, -0.5, 2.0},
                Sensitivity.centeredRanks(x, ord), 0.0);
    }
}
