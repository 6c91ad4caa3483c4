package dev.payback.analysis;

import dev.payback.engine.RunStats;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the order statistics this session's code reads without a sort, each against the
 * definition written out from a sorted copy ({@link Arrays#sort(double[])}, whose order is
 * {@link Double#compare}'s: −0.0 before 0.0, NaN last) and the type-7 rule of docs/model-notes.md
 * (h = (n−1)p; x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]), x[⌊h⌋] itself when h is an integer or the two
 * values are equal), compared as raw bits: columns of n = 1 and small n, ties, zeros of both signs,
 * NaN, infinities and long columns (which take the bucketed passes, two values per step, odd and
 * even n).
 */
class OrderStatisticsPropertiesTest {

    static double typeSeven(double[] sorted, double p) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= n - 1) {
            return sorted[n - 1];
        }
        double a = sorted[lo];
        double b = sorted[lo + 1];
        return h == lo || a == b ? a : a + (h - lo) * (b - a);
    }

    private static long[] bits(double... v) {
        return Arrays.stream(v).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    /** Columns of 1 to 3,000 values drawn from a small set (ties), a wide range, or awkward values. */
    @Provide
    Arbitrary<double[]> columns() {
        Arbitrary<Double> awkward = Arbitraries.of(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MAX_VALUE, 1.0);
        Arbitrary<Double> few = Arbitraries.integers().between(-3, 3).map(i -> i * 0.5);
        Arbitrary<Double> wide = Arbitraries.doubles().between(-1e6, 1e6);
        Arbitrary<Double> value = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, wide), net.jqwik.api.Tuple.of(3, few), net.jqwik.api.Tuple.of(1, awkward));
        Arbitrary<Double> clean = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, wide), net.jqwik.api.Tuple.of(2, few));
        return Arbitraries.oneOf(
                value.array(double[].class).ofMinSize(1).ofMaxSize(40),
                value.array(double[].class).ofMinSize(257).ofMaxSize(3000),
                clean.array(double[].class).ofMinSize(257).ofMaxSize(3000));
    }

    @Property(tries = 300, seed = "20261203")
    void theSensitivitysInputPercentilesAreThoseOfTheSortedColumn(@ForAll("columns") double[] x) {
        int n = x.length;
        double[] npv = new double[n];
        for (int i = 0; i < n; i++) {
            npv[i] = (i * 7919) % 101;
        }
        Sensitivity s = Sensitivity.of(List.of("o"), new double[][] {npv}, List.of("x"), List.of(x.clone()));
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        boolean constant = Arrays.stream(x).allMatch(v -> Double.compare(v, x[0]) == 0);
        Sensitivity.InputPercentiles p = s.percentilesOf("x");
        if (constant) {
            assertThat(p).isNull();                 // not ranked: the summary takes an order statistic
            return;
        }
        assertThat(bits(p.p10(), p.p50(), p.p90()))
                .containsExactly(bits(typeSeven(sorted, 0.10), typeSeven(sorted, 0.50), typeSeven(sorted, 0.90)));
    }

    @Property(tries = 300, seed = "20261204")
    void quantilesAndTheirDifferenceColumnAreThoseOfTheSortedColumn(@ForAll("columns") double[] a,
            @ForAll("columns") double[] b) {
        double[] levels = {0, 0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95, 1};
        double[] sorted = a.clone();
        Arrays.sort(sorted);
        double[] expected = Arrays.stream(levels).map(p -> typeSeven(sorted, p)).toArray();
        assertThat(bits(OrderStatistics.quantiles(a, levels))).containsExactly(bits(expected));
        int n = Math.min(a.length, b.length);
        double[] a2 = Arrays.copyOf(a, n);
        double[] b2 = Arrays.copyOf(b, n);
        double[] diff = new double[n];
        for (int i = 0; i < n; i++) {
            diff[i] = a2[i] - b2[i];
        }
        Arrays.sort(diff);
        double[] expectedDiff = Arrays.stream(levels).map(p -> typeSeven(diff, p)).toArray();
        assertThat(bits(OrderStatistics.quantilesOfDifference(a2, b2, levels))).containsExactly(bits(expectedDiff));
    }

    @Property(tries = 200, seed = "20261205")
    void keptStatsHaveThePercentilesOfTheKeptValues(@ForAll("columns") double[] v, @ForAll long keepBits) {
        boolean[] keep = new boolean[v.length];
        int kept = 0;
        for (int i = 0; i < v.length; i++) {
            keep[i] = ((keepBits >>> (i % 64)) & 1) == 1 || i % 3 == 0;
            kept += keep[i] ? 1 : 0;
        }
        double[] values = new double[kept];
        for (int i = 0, j = 0; i < v.length; i++) {
            if (keep[i]) {
                values[j++] = v[i];
            }
        }
        Arrays.sort(values);
        Stats s = OptionFigures.kept(new RunStats.Moments(10_000, 1.5, 4.0, -2, 9), v, keep);
        for (int i = 0; i < Stats.LEVELS.length; i++) {
            assertThat(Double.doubleToRawLongBits(s.percentile(i)))
                    .isEqualTo(Double.doubleToRawLongBits(typeSeven(values, Stats.LEVELS[i])));
        }
        assertThat(List.of(s.n(), s.mean(), s.min(), s.max())).containsExactly(10_000L, 1.5, -2.0, 9.0);
    }
}
