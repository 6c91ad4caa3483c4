package dev.payback.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Records of the analysis that hold arrays copy them in and out: no caller can change a result after the fact. */
class RecordCopiesTest {
    @Test
    void aFanKeepsItsOwnPercentiles() {
        double[] p50 = {-10, 0, 10};
        Fan fan = new Fan(5, new double[] {-20, -5, 5}, new double[] {-15, -2, 8}, p50, new double[] {-5, 2, 12},
                new double[] {0, 5, 15});
        p50[1] = 99;
        fan.p50()[2] = 99;
        assertThat(fan.p50()).containsExactly(-10, 0, 10);
        assertThat(fan.months()).isEqualTo(2);
        assertThatThrownBy(() -> new Fan(5, new double[2], new double[3], new double[3], new double[3], new double[3]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMonthBandKeepsItsOwnPercentiles() {
        double[] prior = {0.08, 0.12, 0.18};
        PilotUpdate.MonthBand band = new PilotUpdate.MonthBand(1, prior, new double[] {0.1, 0.11, 0.12}, 0.1, true);
        prior[0] = 1;
        band.updated()[0] = 1;
        assertThat(band.prior()).containsExactly(0.08, 0.12, 0.18);
        assertThat(band.updated()).containsExactly(0.1, 0.11, 0.12);
        assertThatThrownBy(() -> new PilotUpdate.MonthBand(1, new double[2], new double[3], 0, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
