package dev.payback.sampling;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NormalQuantileTest {

    @Test
    void agreesWithTheRefinedQuantileEverywhere() {
        double worst = 0;
        // lower tail 1e-280 .. 0.1 and its mirror (below 1e-290 StdNormal itself is Acklam alone, 1.2e-9)
        for (double e = -280; e <= -1; e += 0.01) {
            double p = Math.pow(10, e);
            worst = Math.max(worst, rel(NormalQuantile.of(p), StdNormal.inverseCdf(p)));
            double upper = 1 - p;
            if (upper < 1) {
                worst = Math.max(worst, rel(NormalQuantile.of(upper), StdNormal.inverseCdf(upper)));
            }
        }
        for (int i = 1; i < 100_000; i++) {                   // the body
            double p = i / 100_000.0;
            worst = Math.max(worst, rel(NormalQuantile.of(p), StdNormal.inverseCdf(p)));
        }
        System.out.printf("NormalQuantile (AS 241) max deviation (relative, absolute for abs(z) < 1) from StdNormal.inverseCdf: %.2e%n", worst);
        assertThat(worst).isLessThan(1e-13);
        assertThat(NormalQuantile.of(0.5)).isEqualTo(0.0);
        assertThat(NormalQuantile.of(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(NormalQuantile.of(1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(NormalQuantile.of(Double.NaN)).isNaN();
    }

    private static double rel(double a, double b) {
        return a == b ? 0 : Math.abs(a - b) / Math.max(Math.abs(b), 1);   // relative, absolute near z = 0
    }
}
