package dev.payback.analysis;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The multi-rank selection gives exactly the quantiles of a full sort. */
class StatsSelectTest {

    @Test
    void selectedQuantilesEqualSortedQuantiles() {
        Random rnd = new Random(7);
        double[] levels = {0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95, 0.2, 0.999, 0, 1};
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + rnd.nextInt(trial < 100 ? 200 : 20_000);
            double[] v = new double[n];
            int kind = trial % 4;
            for (int i = 0; i < n; i++) {
                v[i] = switch (kind) {
                    case 0 -> rnd.nextGaussian();
                    case 1 -> rnd.nextInt(7);                                  // heavy ties
                    case 2 -> rnd.nextDouble() < 0.01 ? Double.POSITIVE_INFINITY : rnd.nextDouble() * 1e6;
                    default -> i;                                             // already sorted
                };
            }
            if (kind == 3 && trial % 8 == 3) {                                // reversed
                for (int i = 0; i < n; i++) {
                    v[i] = n - i;
                }
            }
            double[] before = v.clone();
            double[] sorted = Stats.sortedCopy(v);
            double[] selected = Stats.selectedCopy(v, levels);
            assertThat(v).isEqualTo(before);                                  // input untouched
            for (double p : levels) {
                assertThat(Stats.quantile(selected, p)).as("n=%d kind=%d p=%s", n, kind, p)
                        .isEqualTo(Stats.quantile(sorted, p));
            }
        }
    }

    @Test
    void nanFallsBackToSorting() {
        double[] v = new double[1000];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i * 7919) % 1000;
        }
        v[500] = Double.NaN;
        assertThat(Stats.quantile(Stats.selectedCopy(v, 0.5), 0.5)).isEqualTo(Stats.quantile(Stats.sortedCopy(v), 0.5));
    }
}
