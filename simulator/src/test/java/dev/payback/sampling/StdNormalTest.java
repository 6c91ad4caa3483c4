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
            double exact = 0.5 * org.apache.commons.math3.special.Erf.erfc(-z / Math.sqrt(2));
            double rel = Math.abs(StdNormal.cdf(z) - exact) / exact;
            // commons-math3 erfc itself loses about (z²/2)·1e-16 relative in the far tail
            worst = Math.max(worst, rel / Math.max(1, z * z / 100));
        }
        System.out.printf("StdNormal.cdf max relative deviation from erfc on [-37, 8]: %.3g%n", worst);
        assertThat(worst).isLessThan(5e-14);
        assertThat(StdNormal.cdf(-40)).isZero();
        assertThat(StdNormal.cdf(40)).isEqualTo(1);
        assertThat(StdNormal.cdf(Double.NaN)).isNaN();
    }

    @Test
    void cdfMatchesHighPrecisionValues() {
        // mpmath ncdf at 30 digits
        double[][] known = {{-36.515, 3.2053599524502373468e-292}, {-20, 2.7536241186062336951e-89},
            {-10, 7.619853024160526066e-24}, {-8, 6.2209605742717841235e-16}, {-5, 2.8665157187919391167e-7},
            {-3.5, 0.00023262907903552503635}, {-3, 0.0013498980316300945267}, {-2, 0.0227501319481792072},
            {-1, 0.15865525393145705141}, {-0.3, 0.38208857781104736693}};
        for (double[] k : known) {
            assertThat(StdNormal.cdf(k[0])).as("Phi(%s)", k[0]).isCloseTo(k[1], within(2e-14 * k[1]));
            assertThat(StdNormal.tail(-k[0])).isEqualTo(StdNormal.cdf(k[0]));
            assertThat(StdNormal.cdf(-k[0])).isCloseTo(1 - k[1], within(1.2e-16));
        }
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
                double dp = erfcPhi(x) - p;
                worst = Math.max(worst, Math.abs(dp / StdNormal.pdf(x) / x));
            }
        }
        for (double p = 0.001; p < 1; p += 0.001) {
            double x = StdNormal.inverseCdf(p);
            if (Math.abs(x) > 1e-3) {
                double dp = erfcPhi(x) - p;
                worst = Math.max(worst, Math.abs(dp / StdNormal.pdf(x) / x));
            }
        }
        System.out.printf("StdNormal.inverseCdf max relative error: %.3g%n", worst);
        assertThat(worst).isLessThan(1e-14);
    }

    /** Φ by commons-math3 erfc, the function Φ⁻¹'s Halley step is refined against. */
    private static double erfcPhi(double x) {
        return 0.5 * org.apache.commons.math3.special.Erf.erfc(-x / Math.sqrt(2));
    }
}
