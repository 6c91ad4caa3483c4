package dev.payback.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DistributionsTest {
    /** Bins of width 1 over [0, 4]: 4.0 falls in the last (closed) bin; −1, 5 and NaN are outside. */
    @Test
    void binCountsCountEachFiniteValueInsideOnce() {
        double[] v = {-1, 0, 0.5, 1, 2.999, 3, 4, 5, Double.NaN};
        assertThat(Distributions.binCounts(v, 0, 4, 4)).containsExactly(2, 1, 1, 2);
    }

    /** Of 1, 2, 2, 3: at least 2 are three of four, at least 2.5 one, at least 0 all, at least 4 none. */
    @Test
    void shareAtLeastIsTheEmpiricalSurvivalFunction() {
        double[] sorted = {1, 2, 2, 3};
        assertThat(Distributions.shareAtLeast(sorted, 2)).isEqualTo(0.75);
        assertThat(Distributions.shareAtLeast(sorted, 2.5)).isEqualTo(0.25);
        assertThat(Distributions.shareAtLeast(sorted, 0)).isEqualTo(1.0);
        assertThat(Distributions.shareAtLeast(sorted, 4)).isEqualTo(0.0);
    }
}
