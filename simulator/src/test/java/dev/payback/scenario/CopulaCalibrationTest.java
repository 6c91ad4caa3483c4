package dev.payback.scenario;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The calibration's normal CDF and its cost for many-valued margins. */
class CopulaCalibrationTest {
    @Test
    void phiAgreesWithCommonsMathErfc() {
        for (double z = -40; z <= 40; z += 0.013) {
            double exact = 0.5 * Erf.erfc(-z / Math.sqrt(2));
            assertThat(CopulaCalibration.phi(z)).as("z %s", z).isCloseTo(exact, within(1e-14));
        }
    }

    /** Two empirical inputs of 300 distinct observations each: calibrated, attained and quick. */
    @Test
    void manyValuedMarginsCalibrate() {
        double[] a = new double[300];
        double[] b = new double[300];
        java.util.Random rnd = new java.util.Random(1);
        for (int i = 0; i < 300; i++) {
            a[i] = rnd.nextGaussian();
            b[i] = rnd.nextGaussian();
        }
        Dist x = new Dist.Empirical(a);
        Dist y = new Dist.Empirical(b);
        double r = CopulaCalibration.normalCorrelation(x, y, 0.6);
        assertThat(CopulaCalibration.spearman(x, y, r)).isCloseTo(0.6, within(1e-6));
        // nearly continuous margins: close to, and slightly above, the continuous 2 sin(pi rho / 6)
        assertThat(r).isGreaterThan(2 * Math.sin(Math.PI * 0.6 / 6)).isLessThan(0.63);
    }
}
