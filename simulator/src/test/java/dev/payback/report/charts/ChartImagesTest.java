package dev.payback.report.charts;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.text.TextUtils;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The PNG form of a chart: opaque charts as RGB, the same pixels as JFreeChart's own ARGB drawing. */
class ChartImagesTest {

    @Test
    void everyChartIsAnOpaqueRgbPngWithThePixelsOfAnArgbDrawing() throws Exception {
        ChartsTest.Run run = ChartsTest.run("b_consumer_goods_multichannel.yaml");
        List<Charts.ChartSpec> specs = new ArrayList<>(Charts.all(run.data()));
        specs.addAll(Charts.pilotFirst(run.data(), run.summary()));
        for (Charts.ChartSpec spec : specs) {
            byte[] png = ChartImages.png(spec.chart());
            // IHDR: 8-byte signature, length, "IHDR", width, height, bit depth, then the colour type (2 = RGB)
            assertThat(png[24]).as(spec.file()).isEqualTo((byte) 8);
            assertThat(png[25]).as(spec.file() + " colour type").isEqualTo((byte) 2);
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(decoded.getColorModel().hasAlpha()).isFalse();
            BufferedImage argb = spec.chart().createBufferedImage(ChartImages.WIDTH, ChartImages.HEIGHT,
                    BufferedImage.TYPE_INT_ARGB, null);
            assertSamePixels(spec.file(), decoded, argb);
            assertThat(ChartImages.png(spec.chart())).as(spec.file() + " drawn twice").isEqualTo(png);
            // the bytes ImageIO's writer wrote for the charts before (Png)
            assertThat(png).as(spec.file() + " as ImageIO writes it").isEqualTo(PngTest.imageIo(
                    spec.chart().createBufferedImage(ChartImages.WIDTH, ChartImages.HEIGHT, BufferedImage.TYPE_INT_RGB,
                            null), 2f / 3));
        }
    }

    @Test
    void aChartOnATranslucentBackgroundKeepsItsAlphaChannel() throws Exception {
        JFreeChart chart = lineChart();
        chart.setBackgroundPaint(new Color(255, 255, 255, 0));
        assertThat(ChartImages.imageType(chart)).isEqualTo(BufferedImage.TYPE_INT_ARGB);
        byte[] png = ChartImages.png(chart);
        assertThat(png[25]).as("colour type (6 = RGB with alpha)").isEqualTo((byte) 6);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(decoded.getRGB(0, 0) >>> 24).as("alpha of the corner, outside the plot").isZero();
        assertSamePixels("translucent", decoded, chart.createBufferedImage(ChartImages.WIDTH, ChartImages.HEIGHT,
                BufferedImage.TYPE_INT_ARGB, null));

        chart.setBackgroundPaint(null);
        assertThat(ChartImages.imageType(chart)).isEqualTo(BufferedImage.TYPE_INT_ARGB);
        chart.setBackgroundPaint(Color.WHITE);
        assertThat(ChartImages.imageType(chart)).isEqualTo(BufferedImage.TYPE_INT_RGB);
    }

    @Test
    void axisLabelsAreSvgTextAndDrawingThemAsTextLeavesThePngAlone() throws Exception {
        ChartsTest.Run run = ChartsTest.run("b_consumer_goods_multichannel.yaml");
        List<Charts.ChartSpec> specs = new ArrayList<>(Charts.all(run.data()));
        int vertical = 0;
        for (Charts.ChartSpec spec : specs) {
            List<String> labels = new ArrayList<>();
            if (spec.chart().getPlot() instanceof XYPlot plot) {
                labels.add(plot.getDomainAxis().getLabel());
                labels.add(plot.getRangeAxis().getLabel());
                vertical += plot.getOrientation() == PlotOrientation.VERTICAL ? 1 : 0;
            } else if (spec.chart().getPlot() instanceof CategoryPlot plot) {
                labels.add(plot.getDomainAxis().getLabel());
                labels.add(plot.getRangeAxis().getLabel());
                vertical += plot.getOrientation() == PlotOrientation.VERTICAL ? 1 : 0;
            }
            Document svg = ChartsTest.parse(ChartImages.svgFile(spec.chart(), spec.file()));
            List<String> texts = new ArrayList<>();
            NodeList t = svg.getElementsByTagName("text");
            for (int i = 0; i < t.getLength(); i++) {
                texts.add(t.item(i).getTextContent());
            }
            for (String label : labels) {
                if (label != null && !label.isEmpty()) {
                    // the rotated one too: text, not glyph outlines
                    assertThat(texts).as(spec.file()).contains(label);
                }
            }
        }
        assertThat(vertical).as("charts with a rotated (vertical) axis label").isGreaterThan(10);

        // JFreeChart's default, glyph outlines, gives the same pixels
        for (JFreeChart chart : List.of(specs.get(1).chart(), NpvChart.chart(run.data()))) {
            BufferedImage text = chart.createBufferedImage(ChartImages.WIDTH, ChartImages.HEIGHT,
                    BufferedImage.TYPE_INT_RGB, null);
            TextUtils.setUseDrawRotatedStringWorkaround(true);
            try {
                assertSamePixels("rotated label as outlines", text, chart.createBufferedImage(ChartImages.WIDTH,
                        ChartImages.HEIGHT, BufferedImage.TYPE_INT_RGB, null));
            } finally {
                TextUtils.setUseDrawRotatedStringWorkaround(false);
            }
        }
    }

    static JFreeChart lineChart() {
        XYSeries s = new XYSeries("s");
        for (int k = 0; k <= 50; k++) {
            s.add(k, Math.sin(k / 5.0));
        }
        XYPlot plot = new XYPlot(new XYSeriesCollection(s), ChartStyle.percentAxis("x"), ChartStyle.percentAxis("y"),
                new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(true, false));
        return ChartStyle.finish(plot, "title", "subtitle");
    }

    static void assertSamePixels(String what, BufferedImage actual, BufferedImage expected) {
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
        int[] a = actual.getRGB(0, 0, actual.getWidth(), actual.getHeight(), null, 0, actual.getWidth());
        int[] e = expected.getRGB(0, 0, expected.getWidth(), expected.getHeight(), null, 0, expected.getWidth());
        int differing = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != e[i]) {
                differing++;
            }
        }
        assertThat(differing).as(what + ": pixels that differ").isZero();
    }
}
