package dev.payback.report.pilotplan;

import dev.payback.report.Money;
import dev.payback.analysis.PilotPlanSummary;
import dev.payback.report.charts.ChartImages;
import dev.payback.report.charts.Palette;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.io.OutputStream;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The pilot-plan chart: every design as a point of P10 NPV (downside, x) against mean NPV
 * (expected value, y), one colour per pilot share, the big bang as a black point; up and to the
 * right is better on both. The two picks are labelled.
 */
public final class PilotPlanChart {
    public static final int WIDTH = 900;
    public static final int HEIGHT = 620;

    private PilotPlanChart() {
    }

    public static JFreeChart chart(PilotPlanSummary s) {
        XYSeriesCollection ds = new XYSeriesCollection();
        List<Double> shares = new ArrayList<>();
        for (PilotPlanSummary.Row r : s.rows()) {
            if (!shares.contains(r.design().share())) {
                shares.add(r.design().share());
            }
        }
        for (double share : shares) {
            XYSeries series = new XYSeries("pilot on " + Money.percent(share) + " of orders", false, true);
            for (PilotPlanSummary.Row r : s.rows()) {
                if (r.design().share() == share) {
                    series.add(r.figures().p10Npv(), r.figures().meanNpv());
                }
            }
            ds.addSeries(series);
        }
        XYSeries big = new XYSeries("big bang (no pilot)", false, true);
        big.add(s.bigBang().p10Npv(), s.bigBang().meanNpv());
        ds.addSeries(big);

        NumberAxis x = new NumberAxis("P10 NPV: the bad-case future (" + s.currency() + ")");
        NumberAxis y = new NumberAxis("Mean NPV (" + s.currency() + ")");
        NumberFormat f = NumberFormat.getIntegerInstance(Locale.ROOT);
        x.setNumberFormatOverride(f);
        y.setNumberFormatOverride(f);
        x.setAutoRangeIncludesZero(false);
        x.setUpperMargin(0.35);
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        for (int k = 0; k < shares.size(); k++) {
            r.setSeriesPaint(k, Palette.option(k));
            r.setSeriesShape(k, new Ellipse2D.Double(-5, -5, 10, 10));
        }
        r.setSeriesPaint(shares.size(), Color.BLACK);
        r.setSeriesShape(shares.size(), new Rectangle(-7, -7, 14, 14));
        XYPlot plot = new XYPlot(ds, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        label(plot, s, s.bestMean(), "highest mean");
        if (s.bestP10() != s.bestMean()) {
            label(plot, s, s.bestP10(), "highest P10");
        }
        XYTextAnnotation b = new XYTextAnnotation("  big bang", s.bigBang().p10Npv(), s.bigBang().meanNpv());
        b.setTextAnchor(TextAnchor.CENTER_LEFT);
        b.setFont(new Font("SansSerif", Font.PLAIN, 13));
        plot.addAnnotation(b);
        JFreeChart chart = new JFreeChart("Pilot designs of " + s.optionId() + ": expected value against downside",
                new Font("SansSerif", Font.BOLD, 18), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static void label(XYPlot plot, PilotPlanSummary s, int d, String what) {
        PilotPlanSummary.Row row = s.rows().get(d);
        XYTextAnnotation a = new XYTextAnnotation("  " + what + ": " + Money.percent(row.design().share()) + ", "
                + row.design().months() + " mo, " + Money.percent(row.design().target()),
                row.figures().p10Npv(), row.figures().meanNpv());
        a.setTextAnchor(TextAnchor.BOTTOM_LEFT);
        a.setFont(new Font("SansSerif", Font.BOLD, 13));
        plot.addAnnotation(a);
    }

    /** PNG at slide size. */
    public static void writePng(PilotPlanSummary s, OutputStream out) throws IOException {
        out.write(ChartImages.png(chart(s)));
    }

    /** The inline {@code <svg>} element of pilot-plan.html (fixed definition ids, so the page is reproducible). */
    public static String svg(PilotPlanSummary s) {
        return ChartImages.svgElement(chart(s), "pilot-plan");
    }

    /** The standalone SVG file. */
    public static void writeSvg(PilotPlanSummary s, OutputStream out) throws IOException {
        out.write(ChartImages.svgFile(chart(s), "pilot-plan"));
    }
}
