package dev.payback.analysis;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bucket-and-select order statistics equal, bit for bit, what a full sort puts at each rank and
 * the type-7 quantiles of the sorted column (docs/model-notes.md), on random and adversarial data.
 */
class OrderStatisticsTest {
    private static final double[] LEVELS = {0, 0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95, 0.2, 0.999, 1};

    /** Every rank of the sorted copy, compared as raw bits (so −0.0 and 0.0 differ). */
    private static void assertSameAsSort(double[] v, String what) {
        double[] before = v.clone();
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        int n = v.length;
        int[] ranks = n <= 64 ? java.util.stream.IntStream.range(0, n).toArray()
                : new int[] {0, 1, n / 10, n / 4, n / 2, n / 2 + 1, 3 * n / 4, n - 2, n - 1, n / 3};
        double[] at = OrderStatistics.atRanks(v, ranks);
        for (int i = 0; i < ranks.length; i++) {
            assertThat(Double.doubleToRawLongBits(at[i])).as("%s n=%d rank %d", what, n, ranks[i])
                    .isEqualTo(Double.doubleToRawLongBits(sorted[ranks[i]]));
        }
        double[] q = OrderStatistics.quantiles(v, LEVELS);
        for (int i = 0; i < LEVELS.length; i++) {
            assertThat(Double.doubleToRawLongBits(q[i])).as("%s n=%d p=%s", what, n, LEVELS[i])
                    .isEqualTo(Double.doubleToRawLongBits(Stats.quantile(sorted, LEVELS[i])));
        }
        assertThat(v).as("input untouched").isEqualTo(before);
    }

    @Test
    void randomColumnsOfEverySize() {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 240; trial++) {
            int n = 1 + rnd.nextInt(trial < 80 ? 300 : 60_000);
            double[] v = new double[n];
            int kind = trial % 6;
            for (int i = 0; i < n; i++) {
                v[i] = switch (kind) {
                    case 0 -> rnd.nextGaussian();
                    case 1 -> rnd.nextInt(7);                                  // heavy ties
                    case 2 -> Math.exp(8 * rnd.nextGaussian());               // skewed: most values in one bucket
                    case 3 -> i;                                              // already sorted
                    case 4 -> n - i;                                          // reversed
                    default -> rnd.nextDouble() < 0.999 ? rnd.nextDouble() : 1e300;  // one far outlier or a few
                };
            }
            assertSameAsSort(v, "kind " + kind);
        }
    }

    @Test
    void adversarialColumns() {
        assertSameAsSort(new double[] {3.5}, "n=1");
        assertSameAsSort(new double[] {2, -1}, "n=2");
        assertSameAsSort(new double[] {-0.0, 0.0}, "n=2 zeros");
        double[] equal = new double[10_000];
        Arrays.fill(equal, 42.25);
        assertSameAsSort(equal, "all equal");
        double[] zeros = new double[10_000];
        for (int i = 0; i < zeros.length; i++) {
            zeros[i] = i % 3 == 0 ? -0.0 : 0.0;                              // equal by ==, not by the sort
        }
        assertSameAsSort(zeros, "signed zeros");
        double[] zerosAndMore = zeros.clone();
        zerosAndMore[17] = 1;
        zerosAndMore[18] = -1;
        assertSameAsSort(zerosAndMore, "signed zeros among others");
        double[] infinite = new double[5_000];
        for (int i = 0; i < infinite.length; i++) {
            infinite[i] = i % 10 == 0 ? Double.NEGATIVE_INFINITY : i % 10 == 1 ? Double.POSITIVE_INFINITY : i;
        }
        assertSameAsSort(infinite, "infinities");
        double[] wide = new double[5_000];
        for (int i = 0; i < wide.length; i++) {
            wide[i] = (i % 2 == 0 ? -1 : 1) * Double.MAX_VALUE / (1 + i);     // range overflows to infinity
        }
        assertSameAsSort(wide, "range beyond the largest double");
        double[] tiny = new double[5_000];
        for (int i = 0; i < tiny.length; i++) {
            tiny[i] = Double.MIN_VALUE * (i % 2);                            // a subnormal range
        }
        assertSameAsSort(tiny, "subnormal range");
        double[] twoValues = new double[70_000];
        for (int i = 0; i < twoValues.length; i++) {
            twoValues[i] = i < 69_999 ? 1.0 : 2.0;                           // all but one in the lowest bucket
        }
        assertSameAsSort(twoValues, "one bucket nearly all");
        double[] nan = new double[1_000];
        for (int i = 0; i < nan.length; i++) {
            nan[i] = (i * 7919) % 1000;
        }
        nan[500] = Double.NaN;
        assertSameAsSort(nan, "NaN sorts last");
    }

    @Test
    void columnsThatMisleadTheSample() {
        int n = 256 * 40;                                                    // the sample reads every 40th value
        double[] periodic = new double[n];
        for (int i = 0; i < n; i++) {
            periodic[i] = i % 40 == 0 ? 5.0 : i % 7;                         // the sample sees only 5.0
        }
        assertSameAsSort(periodic, "sample of equal values");
        double[] outside = new double[n];
        for (int i = 0; i < n; i++) {
            outside[i] = i % 40 == 0 ? 1 + i * 1e-9 : (i % 2 == 0 ? -1 : 1) * (1e6 + i);  // nearly all beyond its range
        }
        assertSameAsSort(outside, "nearly every value outside the sample's range");
        double[] below = new double[n];
        for (int i = 0; i < n; i++) {
            below[i] = i % 40 == 0 ? 100 + i : i % 40;                      // all but the sample in the first bucket
        }
        assertSameAsSort(below, "all but the sample below its range");
        double[] hiddenNan = new double[n];
        for (int i = 0; i < n; i++) {
            hiddenNan[i] = (i * 7919) % n;
        }
        hiddenNan[41] = Double.NaN;                                          // not a sampled index
        hiddenNan[83] = Double.longBitsToDouble(0xfff8000000000000L);         // a NaN with its sign bit set
        assertSameAsSort(hiddenNan, "NaN the sample does not see");
        double[] bothInfinities = new double[n];
        for (int i = 0; i < n; i++) {
            bothInfinities[i] = i == 41 ? Double.NEGATIVE_INFINITY : i == 83 ? Double.POSITIVE_INFINITY : i % 1000;
        }
        assertSameAsSort(bothInfinities, "both infinities outside the sample");
        double[] oneInfinity = bothInfinities.clone();
        oneInfinity[41] = 3;
        assertSameAsSort(oneInfinity, "+infinity outside the sample");
        double[] zeros = new double[n];
        for (int i = 0; i < n; i++) {
            zeros[i] = i % 40 == 0 ? i : i % 3 == 0 ? -0.0 : 0.0;             // signed zeros between sampled values
        }
        assertSameAsSort(zeros, "signed zeros inside the sample's range");
        Random rnd = new Random(23);
        double[] manyZeros = new double[100_000];
        for (int i = 0; i < manyZeros.length; i++) {
            int kind = rnd.nextInt(10);                                      // 30% zeros, of either sign
            manyZeros[i] = kind < 2 ? 0.0 : kind < 3 ? -0.0 : 1e3 * rnd.nextGaussian();
        }
        assertSameAsSort(manyZeros, "a third of the values zeros of either sign");
        double[] mostlyOne = new double[n];
        for (int i = 0; i < n; i++) {
            mostlyOne[i] = i % 40 != 0 && i % 13 == 0 ? rnd.nextGaussian() * 10 : 7.25;  // the sample sees only 7.25
        }
        assertSameAsSort(mostlyOne, "nearly every value one value");
        double[] mostlyZeros = new double[n];
        for (int i = 0; i < n; i++) {
            mostlyZeros[i] = i % 40 != 0 && i % 13 == 0 ? rnd.nextGaussian() : i % 3 == 0 ? -0.0 : 0.0;
        }
        assertSameAsSort(mostlyZeros, "nearly every value a zero of either sign");
        double[] fifthTied = new double[100_000];
        double[] fifthNearlyTied = new double[100_000];
        for (int i = 0; i < fifthTied.length; i++) {
            boolean tie = rnd.nextInt(5) == 0;                                 // a fifth of the values in one bucket
            fifthTied[i] = tie ? 123.5 : 1000 * rnd.nextDouble();              // one value
            fifthNearlyTied[i] = tie ? 123.5 + i * 1e-9 : 1000 * rnd.nextDouble();  // distinct values
        }
        assertSameAsSort(fifthTied, "a fifth of the values one value, ranks among and beside it");
        assertSameAsSort(fifthNearlyTied, "a fifth of the values in one bucket, all distinct");
        double[] onlyPositiveZeros = new double[3_000];
        assertSameAsSort(onlyPositiveZeros, "only 0.0");
        double[] onlyNegativeZeros = new double[3_000];
        Arrays.fill(onlyNegativeZeros, -0.0);
        assertSameAsSort(onlyNegativeZeros, "only -0.0");
        double[] ulps = new double[n];
        for (int i = 0; i < n; i++) {
            ulps[i] = 1 + Math.ulp(1.0) * (i % 5);                          // a range of a few ulps
        }
        assertSameAsSort(ulps, "a range of a few ulps");
    }

    @Test
    void sizesAroundTheSortThreshold() {
        Random rnd = new Random(5);
        for (int n : new int[] {OrderStatistics.SORT_BELOW - 1, OrderStatistics.SORT_BELOW,
                OrderStatistics.SORT_BELOW + 1, 2 * OrderStatistics.SAMPLE - 1, 2 * OrderStatistics.SAMPLE + 1}) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = rnd.nextInt(4) == 0 ? 0.0 : rnd.nextGaussian();
            }
            assertSameAsSort(v, "near the threshold");
        }
    }

    /** The quantiles of a − b equal, bit for bit, those of the column a − b written out and sorted. */
    @Test
    void quantilesOfADifferenceEqualThoseOfTheColumnWrittenOut() {
        Random rnd = new Random(17);
        for (int trial = 0; trial < 60; trial++) {
            int n = 1 + rnd.nextInt(trial < 20 ? 400 : 120_000);
            double[] a = new double[n];
            double[] b = new double[n];
            int kind = trial % 4;
            for (int i = 0; i < n; i++) {
                a[i] = 1e5 * rnd.nextGaussian() + i;                          // a cumulative position
                b[i] = switch (kind) {
                    case 0 -> a[i] - 5e3 * rnd.nextGaussian();                 // the month before
                    case 1 -> a[i];                                          // a net of exactly zero
                    case 2 -> rnd.nextInt(3) == 0 ? a[i] : a[i] - rnd.nextInt(3);  // ties, zeros
                    default -> rnd.nextDouble() < 0.999 ? 0 : -1e300;          // far outliers
                };
            }
            if (kind == 1 && n > 2) {
                a[0] = -0.0;                                                 // −0.0 − 0.0 is −0.0
                b[0] = 0.0;
            }
            double[] written = new double[n];
            for (int i = 0; i < n; i++) {
                written[i] = a[i] - b[i];
            }
            double[] sorted = written.clone();
            Arrays.sort(sorted);
            double[] q = OrderStatistics.quantilesOfDifference(a, b, LEVELS);
            for (int i = 0; i < LEVELS.length; i++) {
                assertThat(Double.doubleToRawLongBits(q[i])).as("kind %d n=%d p=%s", kind, n, LEVELS[i])
                        .isEqualTo(Double.doubleToRawLongBits(Stats.quantile(sorted, LEVELS[i])));
            }
        }
        double[] inf = new double[1_000];
        java.util.Arrays.fill(inf, Double.POSITIVE_INFINITY);
        double[] nanDiff = OrderStatistics.quantilesOfDifference(inf, inf, 0.5, 1);  // ∞ − ∞ is NaN
        assertThat(nanDiff).containsExactly(Double.NaN, Double.NaN);
        assertThatThrownBy(() -> OrderStatistics.quantilesOfDifference(new double[2], new double[3], 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void repeatedAndUnorderedRanks() {
        double[] v = new double[1_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i * 7919) % 1000;                                         // a permutation of 0..999
        }
        assertThat(OrderStatistics.atRanks(v, new int[] {999, 0, 500, 500, 3})).containsExactly(999, 0, 500, 500, 3);
    }

    @Test
    void emptyAndBadArguments() {
        assertThat(OrderStatistics.quantiles(new double[0], 0.5)).containsExactly(Double.NaN);
        assertThatThrownBy(() -> OrderStatistics.quantiles(new double[] {1}, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderStatistics.atRanks(new double[] {1}, new int[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
