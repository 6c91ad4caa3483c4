package dev.payback.engine;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trial kernel's replacements of Math calls (not inlined by the quick compiler) give the calls'
 * results for every double: the first live month m* = floor(D) + 1 capped at H + 1 (docs/model.md
 * section 2) and the ramp's share min(1, t/R).
 */
class TrialModelShortcutsTest {

    private static int byFormula(double d, int horizon) {
        return (int) Math.min(Math.floor(d) + 1, horizon + 1.0);
    }

    @Test
    void handDerivedMonths() {
        assertThat(TrialModel.firstLiveMonth(0, 36)).isEqualTo(1);          // live from month 1
        assertThat(TrialModel.firstLiveMonth(2.99, 36)).isEqualTo(3);
        assertThat(TrialModel.firstLiveMonth(3, 36)).isEqualTo(4);
        assertThat(TrialModel.firstLiveMonth(35.5, 36)).isEqualTo(36);
        assertThat(TrialModel.firstLiveMonth(36, 36)).isEqualTo(37);         // beyond the horizon: H + 1
        assertThat(TrialModel.firstLiveMonth(1e9, 36)).isEqualTo(37);
    }

    @Test
    void sameAsTheFloorFormulaForEveryDouble() {
        int[] horizons = {1, 12, 36, 120, 600, Integer.MAX_VALUE};
        double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Math.nextDown(1.0), 1.0, -0.5, -1.0,
            -1.5, 11.999999999999998, 12.0, Math.nextDown(36.0), 36.0, Math.nextUp(36.0), 0x1p31, Math.nextDown(0x1p31),
            0x1p63, Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
        for (int h : horizons) {
            for (double d : special) {
                assertThat(TrialModel.firstLiveMonth(d, h)).as("D=%s H=%d", d, h).isEqualTo(byFormula(d, h));
            }
        }
        SplittableRandom r = new SplittableRandom(36L);
        for (int i = 0; i < 300_000; i++) {
            int h = horizons[i % horizons.length];
            double any = Double.longBitsToDouble(r.nextLong());
            double near = (r.nextDouble() * 1.2 - 0.1) * Math.min(h, 1 << 20);
            double whole = r.nextInt(Math.min(h, 1 << 20) + 2) - 1 + (r.nextBoolean() ? 0 : Math.ulp(1.0) * r.nextInt(-4, 5));
            for (double d : new double[] {any, near, whole}) {
                assertThat(TrialModel.firstLiveMonth(d, h)).as("D=%s H=%d", d, h).isEqualTo(byFormula(d, h));
            }
        }
    }

    @Test
    void rampShareIsMathMinForEveryDouble() {
        double[] special = {0.0, -0.0, 1.0, -1.0, Math.nextDown(1.0), Math.nextUp(1.0), 0.5, 2.0, 1e300, -1e300,
            Double.MIN_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
        for (double t : special) {
            for (double ramp : special) {
                double expected = ramp == 0 ? 1 : Math.min(1, t / ramp);
                assertThat(Double.doubleToRawLongBits(TrialModel.rampShare(t, ramp))).as("t=%s R=%s", t, ramp)
                        .isEqualTo(Double.doubleToRawLongBits(expected));
            }
        }
        assertThat(TrialModel.rampShare(1.5, 3)).isEqualTo(0.5);   // half way up a 3-month ramp
        assertThat(TrialModel.rampShare(4, 3)).isEqualTo(1);
        SplittableRandom r = new SplittableRandom(12L);
        for (int i = 0; i < 300_000; i++) {
            double t = i % 2 == 0 ? Double.longBitsToDouble(r.nextLong()) : r.nextDouble() * 40 - 4;
            double ramp = i % 3 == 0 ? Double.longBitsToDouble(r.nextLong()) : r.nextDouble() * 12;
            double expected = ramp == 0 ? 1 : Math.min(1, t / ramp);
            assertThat(Double.doubleToRawLongBits(TrialModel.rampShare(t, ramp))).as("t=%s R=%s", t, ramp)
                    .isEqualTo(Double.doubleToRawLongBits(expected));
        }
    }
}
