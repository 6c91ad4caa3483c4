package dev.payback.analysis;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The weighted quantile and STATS of {@link Weighted}, against hand-worked values and the type-7 rule. */
class WeightedTest {

    @Test
    void equalWeightsGiveTheType7QuantileAndTheNMinus1Sd() {
        SplittableRandom rng = new SplittableRandom(3);
        double[] x = new double[1001];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian() * 10 + (i % 7);
        }
        double[] sorted = Stats.sortedCopy(x);
        double[] w = Weighted.uniform(x.length);
        for (double p : new double[] {0, 0.05, 0.1, 0.25, 0.333, 0.5, 0.75, 0.9, 0.95, 1}) {
            assertThat(Weighted.quantile(x, w, p)).as("p=" + p).isCloseTo(Stats.quantile(sorted, p), within(1e-9));
        }
        Stats plain = Stats.of(x);
        Stats weighted = Weighted.stats(x, w);
        assertThat(weighted.mean()).isCloseTo(plain.mean(), within(1e-9));
        assertThat(weighted.sd()).isCloseTo(plain.sd(), within(1e-9));
        assertThat(weighted.min()).isEqualTo(plain.min());
        assertThat(weighted.max()).isEqualTo(plain.max());
        assertThat(weighted.n()).isEqualTo(x.length);
    }

    /**
     * Values 1, 2, 3 with weights 0.5, 0.25, 0.25: positions u = 0, 0.5/0.75 = 2/3, 1. The median
     * interpolates 1 → 2 at (0.5 − 0)/(2/3) = 0.75: 1.75; P80 interpolates 2 → 3 at
     * (0.8 − 2/3)/(1/3) = 0.4: 2.4. Mean 0.5 + 0.5 + 0.75 = 1.75.
     */
    @Test
    void handWorkedWeightedQuantiles() {
        double[] x = {3, 1, 2};
        double[] w = {1, 2, 1};   // unnormalised: 0.25, 0.5, 0.25
        assertThat(Weighted.quantile(x, w, 0.5)).isCloseTo(1.75, within(1e-12));
        assertThat(Weighted.quantile(x, w, 0.8)).isCloseTo(2.4, within(1e-12));
        assertThat(Weighted.quantile(x, w, 0)).isEqualTo(1);
        assertThat(Weighted.quantile(x, w, 1)).isEqualTo(3);
        assertThat(Weighted.stats(x, w).mean()).isCloseTo(1.75, within(1e-12));
    }

    @Test
    void zeroWeightsAreLeftOutAndOnePositiveWeightIsEveryQuantile() {
        double[] x = {-100, 5, 100};
        double[] w = {0, 1, 0};
        Stats s = Weighted.stats(x, w);
        assertThat(s.n()).isEqualTo(1);
        assertThat(s.p5()).isEqualTo(5);
        assertThat(s.p95()).isEqualTo(5);
        assertThat(s.min()).isEqualTo(5);
        assertThat(s.max()).isEqualTo(5);
        assertThat(s.sd()).isNaN();
        assertThat(Weighted.effectiveSampleSize(w)).isEqualTo(1);
    }

    @Test
    void keepRenormalisesOverTheSubset() {
        double[] x = {1, 2, 3, 4};
        double[] w = {0.1, 0.2, 0.3, 0.4};
        Stats s = Weighted.stats(x, w, new boolean[] {false, true, false, true});
        assertThat(s.mean()).isCloseTo((2 * 0.2 + 4 * 0.4) / 0.6, within(1e-12));
        assertThat(s.n()).isEqualTo(2);
        assertThat(Weighted.stats(x, w, new boolean[4]).mean()).isNaN();
    }

    @Test
    void sharesAndEffectiveSampleSize() {
        double[] w = {0.1, 0.2, 0.3, 0.4};
        assertThat(Weighted.share(new boolean[] {true, false, false, true}, w)).isCloseTo(0.5, within(1e-12));
        assertThat(Weighted.effectiveSampleSize(Weighted.uniform(250))).isCloseTo(250, within(1e-9));
        // (Σw)² / Σw² = 1 / 0.3
        assertThat(Weighted.effectiveSampleSize(w)).isCloseTo(1 / 0.3, within(1e-12));
    }

    @Test
    void refusesBadWeights() {
        assertThatThrownBy(() -> Weighted.quantile(new double[] {1, 2}, new double[] {1, -1}, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Weighted.quantile(new double[] {1, 2}, new double[] {1, Double.NaN}, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Weighted.quantile(new double[] {1, 2}, new double[] {1}, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
