package dev.payback.analysis;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link Sensitivity#order} (a radix sort) against the definition of the order written independently
 * (boxed indexes sorted by {@link Double#compare} of their values, then by index), and
 * {@link Sensitivity#centeredRanks} against ranks derived by hand and average ranks found by a
 * plain scan of that reference order.
 */
class SensitivityOrderTest {

    /** The definition: trial indexes by value as {@link Double#compare} orders them, ties by index. */
    private static int[] referenceOrder(double[] x) {
        Integer[] idx = new Integer[x.length];
        for (int i = 0; i < x.length; i++) {
            idx[i] = i;
        }
        Comparator<Integer> byValue = (i, j) -> Double.compare(x[i], x[j]);
        Arrays.sort(idx, byValue.thenComparing(Comparator.naturalOrder()));
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    /** Average ranks 1..n minus (n+1)/2, ties found with {@link Double#compare} on the reference order. */
    private static double[] referenceRanks(double[] x) {
        int[] ord = referenceOrder(x);
        int n = x.length;
        double[] r = new double[n];
        for (int p = 0; p < n; ) {
            int q = p;
            double sum = 0;
            while (q < n && Double.compare(x[ord[q]], x[ord[p]]) == 0) {
                sum += q + 1;
                q++;
            }
            for (int t = p; t < q; t++) {
                r[ord[t]] = sum / (q - p) - (n + 1) / 2.0;
            }
            p = q;
        }
        return r;
    }

    private static final double[] SPECIAL = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
            1.0, -1.0, Double.longBitsToDouble(0x7ff8000000000001L), Double.longBitsToDouble(0xfff8000000000000L),
            Double.MIN_NORMAL, -Double.MIN_NORMAL};

    private static double[] awkward(SplittableRandom rng, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = switch (rng.nextInt(4)) {
                case 0 -> SPECIAL[rng.nextInt(SPECIAL.length)];
                case 1 -> rng.nextInt(50) - 25; // many ties
                case 2 -> rng.nextGaussian() * 1e6;
                default -> rng.nextDouble() * 1e-300 - 5e-301; // tiny values, both signs
            };
        }
        return x;
    }

    private static void assertSame(double[] x, String what) {
        assertArrayEquals(referenceOrder(x), Sensitivity.order(x), what);
        // ranks are halves of integers: exactly equal whichever way they are summed
        assertArrayEquals(referenceRanks(x), Sensitivity.centeredRanks(x), 0.0, what);
    }

    @Test
    void sameOrderAsTheDefinitionOnAwkwardValues() {
        SplittableRandom rng = new SplittableRandom(12);
        for (int n : new int[] {0, 1, 2, 3, 17, 1000, 2047, 2048, 2049, 65_537, 200_003}) {
            assertSame(awkward(rng, n), "n = " + n);
        }
    }

    @Test
    void tinyColumns() {
        assertArrayEquals(new int[0], Sensitivity.order(new double[0]));
        assertArrayEquals(new int[] {0}, Sensitivity.order(new double[] {Double.NaN}));
        assertArrayEquals(new int[] {1, 0}, Sensitivity.order(new double[] {0.0, -0.0}));
        assertArrayEquals(new int[] {0, 1}, Sensitivity.order(new double[] {-0.0, 0.0}));
        assertArrayEquals(new int[] {0, 1}, Sensitivity.order(new double[] {Double.NaN, Double.NaN}));
        assertArrayEquals(new int[] {1, 0}, Sensitivity.order(new double[] {Double.NaN, Double.POSITIVE_INFINITY}));
        assertArrayEquals(new int[] {1, 0}, Sensitivity.order(new double[] {Double.MAX_VALUE, Double.NEGATIVE_INFINITY}));
        assertArrayEquals(new double[] {0.0, 0.0}, Sensitivity.centeredRanks(new double[] {2.5, 2.5}), 0.0);
        assertArrayEquals(new double[] {0.5, -0.5}, Sensitivity.centeredRanks(new double[] {0.0, -0.0}), 0.0);
    }

    /**
     * Keys that differ in chosen bits only: the number of radix passes and their digit widths follow
     * the highest differing bit, and a digit that is the same for every key skips its pass; values
     * built around every digit boundary of 11-bit (and narrower, balanced) digits, in both signs.
     */
    @Test
    void sameOrderAcrossDigitBoundaries() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int top = 0; top < 64; top++) {
            for (long base : new long[] {Double.doubleToLongBits(1.0), Double.doubleToLongBits(-3.0), 0L}) {
                double[] x = new double[300];
                for (int i = 0; i < x.length; i++) {
                    long bits = base ^ (rng.nextLong() & (top == 63 ? -1L : (1L << (top + 1)) - 1));
                    if (rng.nextInt(3) == 0) {
                        bits = base ^ (1L << top);          // one bit only: a skipped pass or two
                    }
                    x[i] = Double.longBitsToDouble(bits);
                }
                assertSame(x, "bits up to " + top + " around " + Long.toHexString(base));
            }
        }
    }

    /**
     * The lowest digit is sorted within runs of keys equal above it: columns whose values fall in a
     * few, some or many such runs (long runs sorted by packing, short ones by insertion), with
     * repeated low bits (ties inside a run), in both signs.
     */
    static double[] runs(SplittableRandom rng, int n, int groups, int lowValues, double base) {
        double[] x = new double[n];
        long b = Double.doubleToLongBits(base);
        for (int i = 0; i < n; i++) {
            // keys spread over about 2·lowValues·groups: two digits, the high one picking the group
            x[i] = Double.longBitsToDouble(b + (long) rng.nextInt(groups) * 4 * lowValues + rng.nextInt(lowValues));
        }
        return x;
    }

    @Test
    void sameOrderWithinRunsOfTheHigherDigits() {
        SplittableRandom rng = new SplittableRandom(21);
        for (int groups : new int[] {1, 3, 40, 300, 2000}) {
            for (int lowValues : new int[] {2, 500, 4096}) {
                for (double base : new double[] {1.5, -1.5}) {
                    assertSame(runs(rng, 5000, groups, lowValues, base),
                            groups + " groups of " + lowValues + " low values around " + base);
                }
            }
        }
    }

    @Test
    void sameOrderOnAModelLikeColumn() {
        SplittableRandom rng = new SplittableRandom(7);
        double[] x = new double[250_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.round(Math.exp(rng.nextGaussian()) * 1000) / 10.0; // rounded: ties between trials
        }
        assertSame(x, "model-like");
    }

    @Test
    void handDerivedOrderAndAverageRanksWithTies() {
        // values by trial:      0    1    2     3    4    5    6
        double[] x = {3.0, 1.0, 3.0, -0.0, 0.0, 1.0, 3.0};
        // ascending, ties by trial index: -0.0 (3), 0.0 (4), 1.0 (1, 5), 3.0 (0, 2, 6)
        assertArrayEquals(new int[] {3, 4, 1, 5, 0, 2, 6}, Sensitivity.order(x));
        // ranks 1..7: trial 3 → 1, trial 4 → 2, trials 1 and 5 → (3+4)/2 = 3.5, trials 0, 2, 6 → (5+6+7)/3 = 6;
        // centered by (7+1)/2 = 4
        assertArrayEquals(new double[] {2.0, -0.5, 2.0, -3.0, -2.0, -0.5, 2.0}, Sensitivity.centeredRanks(x), 0.0);
    }

    @Test
    void handDerivedRanksWithNaNAndInfinities() {
        // values by trial: NaN, +∞, −∞, NaN (another NaN), 1
        double[] x = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.longBitsToDouble(0x7ff0000000000123L), 1.0};
        // order: −∞ (2), 1 (4), +∞ (1), NaN (0, 3); ranks 1, 2, 3, (4+5)/2; centered by 3
        assertArrayEquals(new int[] {2, 4, 1, 0, 3}, Sensitivity.order(x));
        assertArrayEquals(new double[] {1.5, 0.0, -2.0, 1.5, -1.0}, Sensitivity.centeredRanks(x), 0.0);
    }

    @Test
    void aScratchIsForColumnsOfItsLength() {
        Sensitivity.Scratch s = new Sensitivity.Scratch(3);
        s.sort(new double[] {2, 1, 2});
        assertArrayEquals(new int[] {1, 0, 2}, Arrays.copyOf(s.ord, 3));
        // reused: the previous column leaves nothing behind
        s.sort(new double[] {5, 5, 5});
        assertArrayEquals(new int[] {0, 1, 2}, Arrays.copyOf(s.ord, 3));
        assertEquals(0.0, s.centeredRanks(new double[3])[1]);
        assertThrows(IllegalArgumentException.class, () -> s.sort(new double[4]));
    }
}
