package dev.payback.analysis;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link RadixSort#sortInPlace} and {@link Stats#sortedCopy} against {@link Arrays#sort(double[])}, bit
 * for bit (raw bits, so −0.0 and 0.0 and NaN payloads count), and the key's order against
 * {@link Double#compare}. The order of indexes is checked in {@link SensitivityOrderTest}.
 */
class RadixSortTest {

    private static long[] raw(double[] v) {
        long[] b = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Double.doubleToRawLongBits(v[i]);
        }
        return b;
    }

    private static void assertSortsLikeArraysSort(double[] x, String what) {
        double[] expected = x.clone();
        Arrays.sort(expected);
        assertArrayEquals(raw(expected), raw(RadixSort.sortInPlace(x.clone())), what);
        assertArrayEquals(raw(expected), raw(Stats.sortedCopy(x)), what);
    }

    private static final double[] SPECIAL = {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, -1.0,
            Double.MIN_NORMAL, -Double.MIN_NORMAL};

    @Test
    void sameArrayAsArraysSortWithoutNaN() {
        SplittableRandom rng = new SplittableRandom(31);
        for (int n : new int[] {0, 1, 2, 3, 100, Stats.RADIX_FROM - 1, Stats.RADIX_FROM, 70_001}) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = switch (rng.nextInt(4)) {
                    case 0 -> SPECIAL[rng.nextInt(SPECIAL.length)];
                    case 1 -> rng.nextInt(40) - 20;                  // ties
                    case 2 -> Math.exp(rng.nextGaussian()) * 1e5;    // a model-like column
                    default -> rng.nextDouble() * 1e-300 - 5e-301;   // tiny, both signs
                };
            }
            assertSortsLikeArraysSort(x, "n = " + n);
        }
    }

    @Test
    void columnsSpanningFewAndManyBits() {
        SplittableRandom rng = new SplittableRandom(8);
        for (int top = 0; top < 64; top += 3) {
            double[] x = new double[Stats.RADIX_FROM + 5];
            long base = Double.doubleToLongBits(top % 2 == 0 ? 2.0 : -0.75);
            for (int i = 0; i < x.length; i++) {
                double v = Double.longBitsToDouble(base ^ (rng.nextLong() & (top == 63 ? -1L : (1L << (top + 1)) - 1)));
                x[i] = Double.isNaN(v) ? 0.5 : v;
            }
            assertSortsLikeArraysSort(x, "bits up to " + top);
        }
    }

    @Test
    void runsOfTheHigherDigitsSortedOnTheLowest() {
        SplittableRandom rng = new SplittableRandom(22);
        for (int groups : new int[] {1, 3, 40, 300, 2000}) {
            for (int lowValues : new int[] {2, 500, 4096}) {
                double[] x = SensitivityOrderTest.runs(rng, Stats.RADIX_FROM + 7, groups, lowValues, -2.5);
                assertSortsLikeArraysSort(x, groups + " groups of " + lowValues);
            }
        }
    }

    @Test
    void nanKeepsItsPayloadBySortingAsArraysSortDoes() {
        SplittableRandom rng = new SplittableRandom(4);
        double[] x = new double[Stats.RADIX_FROM + 10];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 97 == 0 ? Double.longBitsToDouble(0x7ff8000000000000L + i) : rng.nextGaussian();
        }
        assertSortsLikeArraysSort(x, "NaN with payloads");
    }

    @Test
    void keysOrderAsDoubleCompareAndComeBack() {
        double[] v = {Double.NEGATIVE_INFINITY, -Double.MAX_VALUE, -1.0, -Double.MIN_NORMAL, -Double.MIN_VALUE,
                -0.0, 0.0, Double.MIN_VALUE, Double.MIN_NORMAL, 1.0, Double.MAX_VALUE, Double.POSITIVE_INFINITY,
                Double.NaN};
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                assertEquals(Integer.signum(Double.compare(v[i], v[j])),
                        Long.signum(Long.compare(RadixSort.key(v[i]), RadixSort.key(v[j]))), v[i] + " vs " + v[j]);
            }
            assertEquals(Double.doubleToRawLongBits(v[i]), Double.doubleToRawLongBits(RadixSort.value(RadixSort.key(v[i]))));
        }
        // every NaN has one key
        assertEquals(RadixSort.key(Double.NaN), RadixSort.key(Double.longBitsToDouble(0xfff0000000000001L)));
    }

    @Test
    void buffersForValuesOnlyDoNotOrderIndexes() {
        assertThrows(IllegalStateException.class, () -> new RadixSort(2, false).order(new double[2]));
    }
}
