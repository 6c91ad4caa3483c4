package dev.payback.report;

import org.junit.jupiter.api.Test;

import java.awt.Font;
import java.awt.FontMetrics;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The charts' font metrics in report.pdf measure each string once and answer as the metrics they wrap. */
class PdfChartMetricsTest {

    /** Metrics of made-up widths (7 per character, 3 more per "W") that count what they are asked. */
    @SuppressWarnings("serial")
    private static final class Counting extends FontMetrics {
        final Map<String, Integer> asked = new HashMap<>();

        Counting() {
            super(new Font("SansSerif", Font.PLAIN, 12));
        }

        @Override
        public int stringWidth(String s) {
            asked.merge(s, 1, Integer::sum);
            return 7 * s.length() + 3 * (int) s.chars().filter(c -> c == 'W').count();
        }

        @Override
        public int getAscent() {
            return 11;
        }

        @Override
        public int getDescent() {
            return 4;
        }

        @Override
        public int getLeading() {
            return 2;
        }

        @Override
        public int charWidth(char ch) {
            return ch == 'W' ? 10 : 7;
        }
    }

    @Test
    void eachStringIsMeasuredOnceWithTheWrappedWidth() {
        Counting inner = new Counting();
        FontMetrics m = new PdfReport.MeasuredOnce(inner);
        for (int round = 0; round < 3; round++) {
            assertThat(m.stringWidth("$120k")).isEqualTo(35);
            assertThat(m.stringWidth("Weighted score")).isEqualTo(7 * 14 + 3);
            assertThat(m.stringWidth("")).isZero();
        }
        assertThat(inner.asked).containsOnly(Map.entry("$120k", 1), Map.entry("Weighted score", 1), Map.entry("", 1));
        assertThat(m.getFont()).isEqualTo(inner.getFont());
        assertThat(m.getAscent()).isEqualTo(11);
        assertThat(m.getDescent()).isEqualTo(4);
        assertThat(m.getLeading()).isEqualTo(2);
        assertThat(m.getHeight()).isEqualTo(17);
        assertThat(m.charWidth('W')).isEqualTo(10);
        assertThat(m.charWidth((int) 'a')).isEqualTo(7);
    }
}
