package dev.payback.report.pilot;

import dev.payback.analysis.PilotUpdate;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.io.OutputStream;
import java.text.DecimalFormat;

/**
 * The pilot chart: the projected exception rate by pilot month (median line and P10–P90 band,
 * prior and updated) with the observed monthly rates as points.
 */
public final class PilotChart {
    public static final int WIDTH = 760;
    public static final int HEIGHT = 400;
    private static final Color PRIOR = new Color(0x8a, 0x8f, 0x98);
    private static final Color UPDATED = new Color(0x1f, 0x6f, 0xb2);
    private static final Color OBSERVED = new Color(0xc0, 0x39, 0x2b);

    private PilotChart() {
    }

    /** Builds the chart. */
    public static JFreeChart chart(PilotUpdate.Result r) {
        YIntervalSeries prior = new YIntervalSeries("Projected (prior): median, P10-P90");
        YIntervalSeries updated = new YIntervalSeries("After the pilot (updated): median, P10-P90");
        XYSeries observed = new XYSeries("Observed");
        for (PilotUpdate.MonthBand b : r.bands()) {
            prior.add(b.month(), b.prior()[1], b.prior()[0], b.prior()[2]);
            updated.add(b.month(), b.updated()[1], b.updated()[0], b.updated()[2]);
            if (b.hasObserved()) {
                observed.add(b.month(), b.observed());
            }
        }
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        bands.addSeries(prior);
        bands.addSeries(updated);
        DeviationRenderer bandRenderer = new DeviationRenderer(true, false);
        bandRenderer.setSeriesPaint(0, PRIOR);
        bandRenderer.setSeriesFillPaint(0, PRIOR);
        bandRenderer.setSeriesPaint(1, UPDATED);
        bandRenderer.setSeriesFillPaint(1, UPDATED);
        bandRenderer.setSeriesStroke(0, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                new float[] {6f, 4f}, 0f));
        bandRenderer.setSeriesStroke(1, new BasicStroke(2.5f));
        bandRenderer.setAlpha(0.22f);

        NumberAxis x = new NumberAxis("Pilot month (0 and before: baseline; 1 on: live)");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis("Exception rate (share of orders)");
        y.setNumberFormatOverride(new DecimalFormat("0%"));
        y.setAutoRangeIncludesZero(true);

        XYPlot plot = new XYPlot(bands, x, y, bandRenderer);
        XYSeriesCollection points = new XYSeriesCollection(observed);
        XYLineAndShapeRenderer pointRenderer = new XYLineAndShapeRenderer(false, true);
        pointRenderer.setSeriesPaint(0, OBSERVED);
        pointRenderer.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
        plot.setDataset(1, points);
        plot.setRenderer(1, pointRenderer);
        ValueMarker goLive = new ValueMarker(0.5, new Color(0x44, 0x44, 0x44), new BasicStroke(1f));
        goLive.setLabel("go-live");
        goLive.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
        goLive.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
        goLive.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(6, 4, 2, 2));
        goLive.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        plot.addDomainMarker(goLive);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));

        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setTitle(new TextTitle("Exception rate of the " + r.option().id() + " pilot: projected and observed",
                new Font(Font.SANS_SERIF, Font.BOLD, 14)));
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        return chart;
    }

    /** The chart as an SVG element (JFreeSVG escapes every text it draws). */
    public static String svg(JFreeChart chart) {
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        g.setDefsKeyPrefix("pilot");   // fixed ids: the same run gives the same bytes
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        return g.getSVGElement();
    }

    /** The chart as a PNG. */
    public static void png(JFreeChart chart, OutputStream out) throws IOException {
        ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
    }
}
