package dev.payback.report.sweep;

import dev.payback.report.Money;
import dev.payback.analysis.Sweep;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.svg.SVGGraphics2D;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import dev.payback.report.charts.MoneyFormat;
import dev.payback.report.charts.Palette;
import org.jfree.chart.axis.NumberTickUnit;
import java.util.Locale;

/**
 * The sweep's chart: mean NPV (top) and P(payback ≤ 12 months) (bottom) against the swept value,
 * one line per option, with the break-even levels (0 and the payback confidence) and the crossings
 * marked. Rendered to PNG (JFreeChart) and SVG (JFreeSVG).
 */
public final class SweepChart {
    public static final int WIDTH = 900;
    public static final int HEIGHT = 640;
    /** The share of the swept range added at each end, so the end ticks and a break-even there show. */
    static final double EDGE_MARGIN = 0.04;

    private SweepChart() {
    }

    /** Builds the chart. */
    public static JFreeChart chart(Sweep sweep) {
        XYSeriesCollection npv = new XYSeriesCollection();
        XYSeriesCollection payback = new XYSeriesCollection();
        double[] x = sweep.xs();
        for (Sweep.OptionInfo o : sweep.options()) {
            XYSeries a = new XYSeries(o.id(), false, true);
            XYSeries b = new XYSeries(o.id(), false, true);
            double[] n = sweep.meanNpv(o.id());
            double[] p = sweep.pPayback(o.id());
            for (int i = 0; i < x.length; i++) {
                a.add(x[i], n[i]);
                b.add(x[i], p[i]);
            }
            npv.addSeries(a);
            payback.addSeries(b);
        }
        NumberAxis npvAxis = new NumberAxis("Mean NPV (" + sweep.currency() + ")");
        npvAxis.setAutoRangeIncludesZero(true);
        npvAxis.setNumberFormatOverride(MoneyFormat.money(sweep.currency()));
        XYPlot top = new XYPlot(npv, null, npvAxis, renderer(sweep, true));
        top.addRangeMarker(level(0, "NPV = 0"));

        NumberAxis pAxis = new NumberAxis("P(payback within " + Sweep.PAYBACK_MONTHS + " months)");
        pAxis.setRange(-0.02, 1.06);
        pAxis.setTickUnit(new NumberTickUnit(0.2, MoneyFormat.share()));
        XYPlot bottom = new XYPlot(payback, null, pAxis, renderer(sweep, false));
        bottom.addRangeMarker(level(sweep.confidence(), Money.percent(sweep.confidence()) + " confidence"));

        int k = 0;
        for (Sweep.OptionInfo o : sweep.options()) {
            Color c = Palette.option(k++);
            for (Sweep.Crossing cr : sweep.npvBreakEven(o.id())) {
                top.addDomainMarker(crossing(cr.value(), c));
            }
            for (Sweep.Crossing cr : sweep.paybackBreakEven(o.id())) {
                bottom.addDomainMarker(crossing(cr.value(), c));
            }
        }

        NumberAxis domain = new NumberAxis(sweep.path());
        domain.setAutoRangeIncludesZero(false);
        double span = x[x.length - 1] - x[0];
        // a margin at both ends: the first and last ticks are not cut and a crossing at an end is visible
        domain.setRange(x[0] - EDGE_MARGIN * span, x[x.length - 1] + EDGE_MARGIN * span);
        domain.setNumberFormatOverride(SweepReport.isMoney(sweep.path()) ? MoneyFormat.money(sweep.currency())
                : new java.text.DecimalFormat("#,##0.######", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)));
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(domain);
        plot.setGap(12);
        plot.add(top, 1);
        plot.add(bottom, 1);
        JFreeChart chart = new JFreeChart("Sweep of " + sweep.path() + " — " + sweep.scenario(),
                new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** Writes the chart as a PNG. */
    public static void writePng(Sweep sweep, OutputStream out) throws IOException {
        ChartUtils.writeChartAsPNG(out, chart(sweep), WIDTH, HEIGHT);
    }

    /** Writes the chart as an SVG document. */
    public static void writeSvg(Sweep sweep, OutputStream out) throws IOException {
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        // fixed definition ids: JFreeSVG's default prefix is "_" and the time in nanoseconds, so the
        // same sweep gave a different file each run
        g.setDefsKeyPrefix("sweep-");
        chart(sweep).draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        out.write(g.getSVGDocument().getBytes(StandardCharsets.UTF_8));
    }

    private static XYLineAndShapeRenderer renderer(Sweep sweep, boolean legend) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int k = 0; k < sweep.options().size(); k++) {
            r.setSeriesPaint(k, Palette.option(k));
            r.setSeriesStroke(k, new BasicStroke(2f));
            r.setSeriesVisibleInLegend(k, legend);
        }
        return r;
    }

    private static ValueMarker level(double y, String label) {
        ValueMarker m = new ValueMarker(y, Color.DARK_GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
        m.setLabel(label);
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        return m;
    }

    private static ValueMarker crossing(double x, Color c) {
        ValueMarker m = new ValueMarker(x, c, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {4f, 3f}, 0f));
        return m;
    }
}
