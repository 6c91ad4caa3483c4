package dev.payback.analysis;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Sensitivity#of(List, double[][], List, List)} bit for bit against the definitions of
 * docs/model-notes.md ("Sensitivity and value of information") written out plainly here: the order by
 * a boxed sort ({@link Double#compare}, then trial index), average ranks, and every sum taken in the
 * order the definition states (trials in trial order for Spearman, positions ascending for the
 * bottom decile and the bins, descending from the last for the top decile). The code takes
 * several options' sums in one read of the order; the doubles must not change.
 */
class SensitivityReferenceTest {

    private static int[] order(double[] x) {
        Integer[] idx = new Integer[x.length];
        for (int i = 0; i < x.length; i++) {
            idx[i] = i;
        }
        Comparator<Integer> byValue = (i, j) -> Double.compare(x[i], x[j]);
        Arrays.sort(idx, byValue.thenComparing(Comparator.naturalOrder()));
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    private static double[] ranks(double[] x, int[] ord) {
        int n = x.length;
        double[] r = new double[n];
        for (int p = 0; p < n; ) {
            int q = p;
            while (q < n && Double.compare(x[ord[q]], x[ord[p]]) == 0) {
                q++;
            }
            for (int t = p; t < q; t++) {
                r[ord[t]] = (p + 1 + q) / 2.0 - (n + 1) / 2.0;
            }
            p = q;
        }
        return r;
    }

    /**
     * The type-7 p-quantile of sorted values, from the definition: h = (n−1)p, x[⌊h⌋] + (h − ⌊h⌋)
     * (x[⌊h⌋+1] − x[⌊h⌋]), the second term left out when h is an integer or the two values are equal.
     */
    private static double typeSeven(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        double a = sorted[lo];
        double b = sorted[lo + 1];
        return h == lo || a == b ? a : a + (h - lo) * (b - a);
    }

    private static double ss(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return s;
    }

    /** One input's entries and EVPPI by the definitions (null entries when the input is constant). */
    private record Expected(List<Sensitivity.Entry> entries, double evppi) {
    }

    private static Expected reference(double[][] npv, String path, double[] x, double bestMean) {
        int options = npv.length;
        int n = x.length;
        boolean constant = true;
        for (double v : x) {
            constant &= Double.compare(v, x[0]) == 0;
        }
        if (constant) {
            return null;
        }
        int[] ord = order(x);
        double[] xr = ranks(x, ord);
        int d = Math.max(1, n / 10);
        List<Sensitivity.Entry> entries = new ArrayList<>();
        for (int k = 0; k < options; k++) {
            double[] yr = ranks(npv[k], order(npv[k]));
            double dot = 0;
            for (int i = 0; i < n; i++) {
                dot += xr[i] * yr[i];
            }
            double denom = Math.sqrt(ss(xr) * ss(yr));
            double low = 0;
            for (int p = 0; p < d; p++) {
                low += npv[k][ord[p]];
            }
            double high = 0;
            for (int p = n - 1; p >= n - d; p--) {
                high += npv[k][ord[p]];
            }
            entries.add(new Sensitivity.Entry(path, denom > 0 ? dot / denom : Double.NaN, low / d, high / d));
        }
        double binned = 0;
        for (int b = 0; b < Sensitivity.BINS; b++) {
            int from = (int) ((long) b * n / Sensitivity.BINS);
            int to = (int) ((long) (b + 1) * n / Sensitivity.BINS);
            if (to == from) {
                continue;
            }
            double best = 0;
            for (int k = 0; k < options; k++) {
                double sum = 0;
                for (int p = from; p < to; p++) {
                    sum += npv[k][ord[p]];
                }
                best = Math.max(best, sum / (to - from));
            }
            binned += best * (to - from);
        }
        return new Expected(entries, Math.max(0, binned / n - bestMean));
    }

    private static void assertMatches(double[][] npv, List<double[]> inputs) {
        int options = npv.length;
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < options; k++) {
            ids.add("o" + k);
        }
        List<String> paths = new ArrayList<>();
        for (int c = 0; c < inputs.size(); c++) {
            paths.add("in" + c);
        }
        double bestMean = 0;
        for (double[] col : npv) {
            bestMean = Math.max(bestMean, Stats.mean(col));
        }
        Sensitivity s = Sensitivity.of(ids, npv, paths, inputs);
        int kept = 0;
        for (int c = 0; c < inputs.size(); c++) {
            Expected e = reference(npv, paths.get(c), inputs.get(c), bestMean);
            String path = paths.get(c);
            if (e == null) {
                for (int k = 0; k < options; k++) {
                    assertThat(s.forOption(ids.get(k))).noneMatch(x -> x.input().equals(path));
                }
                continue;
            }
            kept++;
            for (int k = 0; k < options; k++) {
                // records compare doubles bit for bit (Double.compare), NaN included
                assertThat(s.forOption(ids.get(k))).filteredOn(x -> x.input().equals(path))
                        .containsExactly(e.entries().get(k));
            }
            assertThat(s.evppi()).filteredOn(x -> x.input().equals(path))
                    .containsExactly(new Sensitivity.Evppi(path, e.evppi()));
            // the input's P10, P50, P90: type 7 (docs/model-notes.md) on a copy sorted by Arrays.sort
            double[] sorted = inputs.get(c).clone();
            Arrays.sort(sorted);
            assertThat(s.percentilesOf(path)).isEqualTo(new Sensitivity.InputPercentiles(path,
                    typeSeven(sorted, 0.10), typeSeven(sorted, 0.50), typeSeven(sorted, 0.90)));
        }
        assertThat(s.evppi()).hasSize(kept);
        assertThat(s.inputPercentiles()).hasSize(kept);
    }

    private static double[][] npv(SplittableRandom rng, double[] driver, int options) {
        int n = driver.length;
        double[][] npv = new double[options][n];
        for (int k = 0; k < options; k++) {
            for (int i = 0; i < n; i++) {
                double v = (k + 1) * 1e5 * (driver[i] - 0.4) + rng.nextGaussian() * 3e4;
                // some options with heavy ties (rounded to thousands), one with a constant stretch
                npv[k][i] = k % 2 == 1 ? Math.round(v / 1000) * 1000.0 : (k == 2 && i % 3 == 0 ? 0.0 : v);
            }
        }
        return npv;
    }

    private static List<double[]> inputs(SplittableRandom rng, double[] driver) {
        int n = driver.length;
        List<double[]> in = new ArrayList<>();
        in.add(driver);
        double[] rounded = new double[n];
        double[] constant = new double[n];
        double[] twoValues = new double[n];
        double[] awkward = new double[n];
        double[] noise = new double[n];
        double[] special = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.0};
        for (int i = 0; i < n; i++) {
            rounded[i] = Math.round(driver[i] * 20) / 20.0;
            constant[i] = 7.5;
            twoValues[i] = rng.nextInt(2);
            awkward[i] = rng.nextInt(3) == 0 ? special[rng.nextInt(special.length)] : rng.nextGaussian();
            noise[i] = rng.nextDouble();
        }
        in.addAll(List.of(rounded, constant, twoValues, awkward, noise));
        return in;
    }

    @Test
    void bitForBitTheDefinitionsOnRandomColumns() {
        SplittableRandom rng = new SplittableRandom(2024);
        for (int n : new int[] {1, 2, 9, 19, 20, 21, 199, 1000, 20_011}) {
            // the options go three at a time, the rest one by one: 1, 3, 3 + 1, 3 + 2, 3 + 3 + 1
            for (int options : new int[] {1, 3, 4, 5, 7}) {
                double[] driver = new double[n];
                for (int i = 0; i < n; i++) {
                    driver[i] = rng.nextDouble();
                }
                double[][] npv = npv(rng, driver, options);
                List<double[]> in = inputs(rng, driver);
                assertMatches(npv, in);
            }
        }
    }
}
