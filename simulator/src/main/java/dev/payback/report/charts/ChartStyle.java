package dev.payback.report.charts;

import dev.payback.report.Money;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * The styling every chart shares: fonts, strokes, the finished chart's title, subtitle and legend, the
 * money and percent axes, marker labels, legend items and the horizontal bars of the tornado and
 * value-of-information charts.
 */
final class ChartStyle {
    private ChartStyle() {
    }

    static final String FONT = "SansSerif";
    static final Font TITLE = new Font(FONT, Font.BOLD, 26);
    static final Font SUBTITLE = new Font(FONT, Font.PLAIN, 17);
    static final Font AXIS_LABEL = new Font(FONT, Font.PLAIN, 18);
    static final Font TICKS = new Font(FONT, Font.PLAIN, 15);
    static final Font LEGEND = new Font(FONT, Font.PLAIN, 15);
    static final Font MARKER = new Font(FONT, Font.PLAIN, 14);
    static final Color GRID = new Color(0xDDDDDD);
    static final Stroke SOLID = new BasicStroke(3f);
    static final Stroke DASHED = new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {9f, 6f}, 0f);
    static final Stroke DOTTED = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_MITER, 10f,
            new float[] {2f, 6f}, 0f);

    /** A series key that sorts by option and reads as the option's label. */
    record Key(int index, String text) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            return Integer.compare(index, o.index);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    static Key key(ChartData.OptionView o) {
        return new Key(o.index(), o.label());
    }

    static String money(ChartData d, double x) {
        return Money.compact(x, d.currency());
    }

    static JFreeChart finish(Plot plot, String title, String subtitle) {
        JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(10, 16, 10, 20));
        TextTitle sub = new TextTitle(subtitle, SUBTITLE);
        sub.setPaint(Palette.DARK);
        sub.setPadding(new RectangleInsets(2, 2, 8, 2));
        chart.addSubtitle(0, sub);
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(LEGEND);
        legend.setFrame(BlockBorder.NONE);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
        for (ValueAxis a : new ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
            a.setLabelFont(AXIS_LABEL);
            a.setTickLabelFont(TICKS);
        }
    }

    static NumberAxis moneyAxis(String label, String currency) {
        NumberAxis a = new NumberAxis(label);
        a.setNumberFormatOverride(MoneyFormat.money(currency));
        a.setAutoRangeIncludesZero(false);
        a.setLabelFont(AXIS_LABEL);
        a.setTickLabelFont(TICKS);
        return a;
    }

    static NumberAxis percentAxis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setNumberFormatOverride(percentFormat());
        a.setLabelFont(AXIS_LABEL);
        a.setTickLabelFont(TICKS);
        return a;
    }

    static NumberFormat percentFormat() {
        return new DecimalFormat("0.#%", DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    static XYBarRenderer barRenderer(Paint paint) {
        XYBarRenderer r = new XYBarRenderer(0.08);
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setSeriesPaint(0, paint);
        return r;
    }

    /**
     * Lines without shapes, each series drawn as one path: one {@code <path>} in SVG rather than a
     * {@code <line>} per segment, and joined corners rather than overlapping segment ends in PNG.
     */
    static XYLineAndShapeRenderer lineRenderer() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDrawSeriesLineAsPath(true);
        return r;
    }

    /** Marker labels: the marker font on a translucent white background, so they read over lines. */
    static void label(Marker m) {
        m.setLabelFont(MARKER);
        m.setLabelBackgroundColor(new Color(255, 255, 255, 225));
    }

    /** A filled legend square with a thin outline, so light fills stay visible. */
    static LegendItem boxItem(String label, Paint paint) {
        return new LegendItem(label, null, null, null, new Rectangle2D.Double(-6, -6, 12, 12), paint,
                new BasicStroke(1f), Palette.MID);
    }

    static LegendItem lineItem(String label, Stroke stroke, Paint paint) {
        return new LegendItem(label, null, null, null, new Line2D.Double(-12, 0, 12, 0), stroke, paint);
    }

    /** Row i of a horizontal bar: y value v, drawn from base to v (in either direction). */
    static void bar(double[][] data, int i, double v, double base) {
        data[0][i] = i;
        data[1][i] = i - 0.36;
        data[2][i] = i + 0.36;
        data[3][i] = v;
        data[4][i] = Math.min(base, v);
        data[5][i] = Math.max(base, v);
    }

    /** The value of a horizontal bar, written just beyond its outer end. */
    static void valueLabel(XYPlot plot, int row, double v, double base, String text) {
        boolean right = v >= base;
        XYTextAnnotation a = new XYTextAnnotation(right ? " " + text : text + " ", row, v);
        a.setFont(MARKER);
        a.setPaint(Palette.DARK);
        a.setTextAnchor(right ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT);
        plot.addAnnotation(a);
    }

    /** A rectangle of the standard chart size, for drawing. */
    static Rectangle2D area(int width, int height) {
        return new Rectangle2D.Double(0, 0, width, height);
    }
}
