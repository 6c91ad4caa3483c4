package dev.payback.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColumnTest {
    /** A reader sees the engine's values and cannot change them through the copy it is given. */
    @Test
    void aColumnReadsTheEngineArrayAndHandsOutCopies() {
        OptionColumns oc = new OptionColumns(3);
        oc.npv[0] = 1;
        oc.npv[1] = 2;
        oc.npv[2] = 3;
        Column npv = oc.npv();
        assertThat(npv.size()).isEqualTo(3);
        assertThat(npv.get(1)).isEqualTo(2.0);
        double[] copy = npv.toArray();
        copy[1] = -99;
        assertThat(npv.get(1)).isEqualTo(2.0);
        assertThat(npv.toArray(2)).containsExactly(1, 2);
        oc.npv[2] = 7;   // the view follows the engine's writes (no copy made when it was created)
        assertThat(npv.get(2)).isEqualTo(7.0);
    }

    @Test
    void theCheckpointMonthsCannotBeChanged() {
        assertThat(OptionColumns.CHECKPOINTS).containsExactly(3, 6, 12);
        assertThatThrownBy(() -> OptionColumns.CHECKPOINTS.set(0, 4)).isInstanceOf(UnsupportedOperationException.class);
    }
}
