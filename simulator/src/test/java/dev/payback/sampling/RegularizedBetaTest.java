package dev.payback.sampling;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The PERT tables' incomplete beta function must be Commons Math's, bit for bit (it only computes the
 * shape's constants once), so that a table is the same as one built with the library: checked at
 * points spread over (0, 1), its tails and both sides of the symmetry switch, for PERT shapes (α, β ≥ 1)
 * and others.
 */
class RegularizedBetaTest {
    @Test
    void equalsTheLibraryBitForBit() {
        UniformRandomProvider rng = new XoRoShiRo128PlusPlus(20261203L, 0x9E3779B97F4A7C15L);
        int checked = 0;
        for (int shape = 0; shape < 300; shape++) {
            double a = shape % 3 == 0 ? 1 + 4 * rng.nextDouble() : 0.2 + 40 * rng.nextDouble();
            double b = shape % 5 == 0 ? 1 + 4 * rng.nextDouble() : 0.2 + 40 * rng.nextDouble();
            RegularizedBeta f = RegularizedBeta.of(a, b);
            assertThat(f.logBeta()).isEqualTo(Beta.logBeta(a, b));
            for (int i = 0; i < 60; i++) {
                double x = switch (i % 4) {
                    case 0 -> rng.nextDouble();
                    case 1 -> Math.pow(10, -12 * rng.nextDouble());          // the lower tail
                    case 2 -> 1 - Math.pow(10, -12 * rng.nextDouble());      // the upper tail
                    default -> (a + 1) / (a + b + 2) + 1e-3 * (rng.nextDouble() - 0.5);   // at the switch
                };
                assertThat(Double.doubleToRawLongBits(f.at(x))).as("I_%s(%s, %s)", x, a, b)
                        .isEqualTo(Double.doubleToRawLongBits(Beta.regularizedBeta(x, a, b,
                                RegularizedBeta.EPSILON, RegularizedBeta.MAX_ITERATIONS)));
                assertThat(Double.doubleToRawLongBits(f.mirroredAt(x))).as("I_%s(%s, %s)", x, b, a)
                        .isEqualTo(Double.doubleToRawLongBits(Beta.regularizedBeta(x, b, a,
                                RegularizedBeta.EPSILON, RegularizedBeta.MAX_ITERATIONS)));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(300 * 60);
    }

    @Test
    void knownValuesAndEdges() {
        // I_x(1, 1) = x; I_x(2, 1) = x^2; I_x(1, 3) = 1 − (1 − x)^3
        assertThat(RegularizedBeta.of(1, 1).at(0.3)).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(RegularizedBeta.of(2, 1).at(0.3)).isCloseTo(0.09, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(RegularizedBeta.of(1, 3).at(0.3)).isCloseTo(1 - 0.343, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(RegularizedBeta.of(2, 3).at(-0.1)).isNaN();
        assertThat(RegularizedBeta.of(2, 3).at(1.1)).isNaN();
        assertThatThrownBy(() -> RegularizedBeta.of(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RegularizedBeta.of(1, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }
}
