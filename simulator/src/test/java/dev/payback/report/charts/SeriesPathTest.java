package dev.payback.report.charts;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Line series are drawn as one path each: the same line, a far smaller SVG. */
class SeriesPathTest {

    @Test
    void everyLineSeriesOfEveryChartIsDrawnAsOnePath() throws Exception {
        ChartsTest.Run run = ChartsTest.run("b_consumer_goods_multichannel.yaml");
        List<Charts.ChartSpec> specs = new ArrayList<>(Charts.all(run.data()));
        specs.addAll(Charts.pilotFirst(run.data(), run.summary()));
        int lineRenderers = 0;
        for (Charts.ChartSpec spec : specs) {
            if (!(spec.chart().getPlot() instanceof XYPlot plot)) {
                continue;
            }
            for (int k = 0; k < plot.getRendererCount(); k++) {
                XYItemRenderer r = plot.getRenderer(k);
                if (r instanceof XYLineAndShapeRenderer line && line.getDefaultLinesVisible()) {
                    lineRenderers++;
                    assertThat(line.getDrawSeriesLineAsPath()).as(spec.file() + " renderer " + k).isTrue();
                }
            }
        }
        // the price curve, the NPV chart, the pilot-first chart (NPV) and one fan per option (its median)
        assertThat(lineRenderers).isEqualTo(3 + run.data().options().size());
    }

    @Test
    void thePriceCurveSvgHasOnePathPerOptionThroughEveryPointAndNoSegments() throws Exception {
        ChartsTest.Run run = ChartsTest.run("b_consumer_goods_multichannel.yaml");
        JFreeChart chart = PriceCurveChart.chart(run.data());
        XYDataset ds = ((XYPlot) chart.getPlot()).getDataset();
        Document svg = ChartsTest.parse(ChartImages.svgFile(chart, "price-curve"));
        for (ChartData.OptionView o : run.data().options()) {
            Color c = o.colour();
            String stroke = "stroke:rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
            List<Element> paths = new ArrayList<>();
            int lines = 0;
            NodeList all = svg.getElementsByTagName("*");
            for (int i = 0; i < all.getLength(); i++) {
                Element e = (Element) all.item(i);
                if (!e.getAttribute("style").contains(stroke) || !e.getAttribute("style").contains("stroke-width:3.5")) {
                    continue;
                }
                lines += e.getElementsByTagName("line").getLength() + (e.getLocalName().equals("line") ? 1 : 0);
                NodeList p = e.getElementsByTagName("path");
                for (int j = 0; j < p.getLength(); j++) {
                    paths.add((Element) p.item(j));
                }
            }
            assertThat(lines).as(o.id() + ": <line> elements in the series' stroke").isZero();
            // the legend's line is a path of two points; the series is the one path with more
            List<Element> series = paths.stream().filter(p -> points(p) > 2).toList();
            assertThat(series).as(o.id()).hasSize(1);
            assertThat(points(series.get(0))).isEqualTo(ds.getItemCount(o.index()));
        }
    }

    private static int points(Element path) {
        return path.getAttribute("d").split("[ML]").length - 1;
    }

    /**
     * Drawn as one path or segment by segment, a series covers the same pixels except near its
     * vertices, where the path joins the segments (mitre or bevel) while segments overlap with
     * their square ends: away from the vertices (beyond the mitre's reach) a pixel differs at most
     * by the anti-aliasing's rounding of an edge's coverage, never by the line's colour.
     */
    @Test
    void aPathDrawnSeriesDiffersFromItsSegmentsOnlyAtItsJoints() {
        JFreeChart path = zigzag(true);
        JFreeChart segments = zigzag(false);
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage a = path.createBufferedImage(ChartImages.WIDTH, ChartImages.HEIGHT, BufferedImage.TYPE_INT_RGB,
                info);
        BufferedImage b = segments.createBufferedImage(ChartImages.WIDTH, ChartImages.HEIGHT,
                BufferedImage.TYPE_INT_RGB, null);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = (XYPlot) path.getPlot();
        XYDataset ds = plot.getDataset();
        List<Point2D> vertices = new ArrayList<>();
        for (int i = 0; i < ds.getItemCount(0); i++) {
            vertices.add(new Point2D.Double(
                    plot.getDomainAxis().valueToJava2D(ds.getXValue(0, i), area, RectangleEdge.BOTTOM),
                    plot.getRangeAxis().valueToJava2D(ds.getYValue(0, i), area, RectangleEdge.LEFT)));
        }
        BasicStroke stroke = (BasicStroke) plot.getRenderer().getSeriesStroke(0);
        double reach = stroke.getMiterLimit() * stroke.getLineWidth() / 2 + 2;
        int line = 0xFF000000 | Palette.option(0).getRGB();
        int nearJoints = 0;
        int farFromJoints = 0;
        int maxFarDifference = 0;
        int lineFarFromJoints = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                double nearest = Double.POSITIVE_INFINITY;
                for (Point2D v : vertices) {
                    nearest = Math.min(nearest, v.distance(x + 0.5, y + 0.5));
                }
                int difference = channelDifference(a.getRGB(x, y), b.getRGB(x, y));
                if (nearest <= reach) {
                    nearJoints += difference > 0 ? 1 : 0;
                } else {
                    farFromJoints += difference > 0 ? 1 : 0;
                    maxFarDifference = Math.max(maxFarDifference, difference);
                    lineFarFromJoints += a.getRGB(x, y) == line && b.getRGB(x, y) == line ? 1 : 0;
                }
            }
        }
        assertThat(nearJoints).as("pixels that differ near the joints").isPositive();
        assertThat(maxFarDifference).as("largest channel difference away from the joints (of %d pixels that differ)",
                farFromJoints).isLessThanOrEqualTo(MAX_EDGE_DIFFERENCE);
        // the comparison covers the line itself: long runs of it away from the joints
        assertThat(lineFarFromJoints).isGreaterThan(1000);
    }

    /**
     * The largest channel difference allowed for an anti-aliased edge pixel drawn by path or by
     * segment: one of the rasteriser's 8 × 8 coverage samples (255 / 64, about 4); it is 1 with
     * the JDK's Marlin renderer.
     */
    static final int MAX_EDGE_DIFFERENCE = 4;

    private static int channelDifference(int p, int q) {
        int max = 0;
        for (int shift = 0; shift < 24; shift += 8) {
            max = Math.max(max, Math.abs(((p >> shift) & 0xFF) - ((q >> shift) & 0xFF)));
        }
        return max;
    }

    /** Eleven points about a hundred pixels apart, up and down, drawn by the charts' line renderer. */
    private static JFreeChart zigzag(boolean asPath) {
        XYSeries s = new XYSeries("s");
        for (int k = 0; k <= 10; k++) {
            s.add(k, (k % 2 == 0 ? 0.2 : 0.8) + 0.01 * k);
        }
        XYLineAndShapeRenderer r = ChartStyle.lineRenderer();
        r.setDrawSeriesLineAsPath(asPath);
        r.setSeriesPaint(0, Palette.option(0));
        r.setSeriesStroke(0, new BasicStroke(3.5f));
        XYPlot plot = new XYPlot(new XYSeriesCollection(s), ChartStyle.percentAxis("x"), ChartStyle.percentAxis("y"),
                r);
        ChartStyle.style(plot);
        return ChartStyle.finish(plot, "title", "subtitle");
    }
}
