package dev.payback.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StdNormalTest {

    @Test
    void cdfMatchesErfcToRelativeAccuracy() {
        double worst = 0;
        for (double z = -37; z <= 8; z += 0.001) {
            double exact = InverseCdfs.phi(z);
            double rel = Math.abs(StdNormal.cdf(z) - exact) / exact;
            worst = Math.max(worst, rel);
        }
        System.out.printf("StdNormal.cdf max relative error on [-37, 8]: %.3g%n", worst);
        assertThat(worst).isLessThan(1e-13);
        assertThat(StdNormal.cdf(-40)).isZero();
        assertThat(StdNormal.cdf(40)).isEqualTo(1);
        assertThat(StdNormal.cdf(Double.NaN)).isNaN();
    }

    @Test
    void inverseCdfKnownValues() {
        assertThat(StdNormal.inverseCdf(0.5)).isEqualTo(0);
        assertThat(StdNormal.inverseCdf(0.95)).isCloseTo(1.6448536269514722, within(2e-15));
        assertThat(StdNormal.inverseCdf(0.975)).isCloseTo(1.959963984540054, within(1e-15));
        assertThat(StdNormal.inverseCdf(0.05)).isCloseTo(-1.6448536269514722, within(2e-15));
        assertThat(StdNormal.inverseCdf(1e-10)).isCloseTo(-6.361340902404056, within(1e-13));
        assertThat(StdNormal.inverseCdf(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(StdNormal.inverseCdf(1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(StdNormal.inverseCdf(Double.MIN_VALUE)).isFinite();
        assertThatThrownBy(() -> StdNormal.inverseCdf(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StdNormal.inverseCdf(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inverseCdfRoundTripsRelative() {
        double worst = 0;
        for (int e = -290; e <= -1; e++) {
            for (double m = 1; m < 5; m += 0.37) {
                double p = m * Math.pow(10, e);
                double x = StdNormal.inverseCdf(p);
                // relative error in x, through the derivative: dx = dp / φ(x)
                double dp = InverseCdfs.phi(x) - p;
                worst = Math.max(worst, Math.abs(dp / StdNormal.pdf(x) / x));
            }
        }
        for (double p = 0.001; p < 1; p += 0.001) {
            double x = StdNormal.inverseCdf(p);
            if (Math.abs(x) > 1e-3) {
                double dp = InverseCdfs.phi(x) - p;
                worst = Math.max(worst, Math.abs(dp / StdNormal.pdf(x) / x));
            }
        }
        System.out.printf("StdNormal.inverseCdf max relative error: %.3g%n", worst);
        assertThat(worst).isLessThan(1e-14);
    }
}
