package dev.payback.report.charts;

import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pain-vs-cost chart's marker labels are drawn over every line: markers are drawn in the order
 * they were added, so every labelled marker comes after every line, and a label's own marker draws
 * no line (scenario B's labels were crossed by the threshold lines drawn after them).
 */
class PainVsCostLabelsTest {
    @Test
    void everyLabelIsDrawnAfterEveryLine() throws Exception {
        ChartsTest.Run run = ChartsTest.run("b_consumer_goods_multichannel.yaml");
        XYPlot plot = PainVsCostChart.chart(run.data()).getXYPlot();
        List<Marker> markers = new ArrayList<>();
        for (Object o : plot.getDomainMarkers(Layer.FOREGROUND)) {
            markers.add((Marker) o);
        }
        int lines = (int) markers.stream().filter(m -> m.getLabel() == null).count();
        int labels = markers.size() - lines;
        // three strategies' first-year costs, 1.5% and 3% of revenue, 1 and 2 FTE
        assertThat(lines).isEqualTo(7);
        assertThat(labels).isEqualTo(7);
        for (int i = 0; i < markers.size(); i++) {
            Marker m = markers.get(i);
            assertThat(m.getLabel() == null).as("marker %d", i).isEqualTo(i < lines);
            if (m.getLabel() != null) {
                assertThat(((Color) m.getPaint()).getAlpha()).as(m.getLabel()).isZero();
            }
        }
    }
}
