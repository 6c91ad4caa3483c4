package dev.payback.report.charts;

import dev.payback.report.Money;
import dev.payback.report.SamplingText;
import dev.payback.analysis.Distributions;
import dev.payback.analysis.Stats;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultIntervalXYDataset;

import java.awt.Paint;
import java.awt.Stroke;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.payback.report.charts.ChartStyle.DASHED;
import static dev.payback.report.charts.ChartStyle.DOTTED;
import static dev.payback.report.charts.ChartStyle.SOLID;
import static dev.payback.report.charts.ChartStyle.barRenderer;
import static dev.payback.report.charts.ChartStyle.finish;
import static dev.payback.report.charts.ChartStyle.label;
import static dev.payback.report.charts.ChartStyle.lineItem;
import static dev.payback.report.charts.ChartStyle.money;
import static dev.payback.report.charts.ChartStyle.moneyAxis;
import static dev.payback.report.charts.ChartStyle.percentAxis;
import static dev.payback.report.charts.ChartStyle.style;

/**
 * Chart 1: annualized pain against each option's first-year cost.
 */
final class PainVsCostChart {
    private PainVsCostChart() {
    }

    /** Chart 1: histogram of annualized pain with cost and threshold markers. */
    static JFreeChart chart(ChartData d) {
        double[] p = d.annualPain();
        double lo = Stats.quantile(p, 0.005);
        double hi = Stats.quantile(p, 0.995);
        XYBarRenderer bars = barRenderer(Palette.NEUTRAL_BARS);
        XYPlot plot = new XYPlot(histogram(p, lo, hi, 60),
                moneyAxis("Annualized pain of doing nothing, year one (" + d.currency() + ")", d.currency()),
                percentAxis("Share of trials"), bars);
        style(plot);

        LegendItemCollection legend = new LegendItemCollection();
        legend.add(new LegendItem("Annualized pain (share of trials per bar)", Palette.NEUTRAL_BARS));
        List<Double> xs = new ArrayList<>(List.of(lo, hi));
        List<Marker> labels = new ArrayList<>();
        int slot = 0;
        for (ChartData.OptionView o : d.options()) {
            String text = o.id() + " first-year cost " + money(d, o.firstYearCostMedian());
            addDomainMarker(plot, o.firstYearCostMedian(), o.colour(), SOLID, text, slot++, xs, labels);
            legend.add(lineItem(o.label() + ": median first-year cost " + money(d, o.firstYearCostMedian()),
                    SOLID, o.colour()));
        }
        double[][] thresholds = {
            {0.015 * d.revenueMedian(), 0}, {0.03 * d.revenueMedian(), 0}, {d.fteMoney(), 1}, {2 * d.fteMoney(), 1}};
        String[] names = {"1.5% of revenue", "3% of revenue", "1 FTE", "2 FTE"};
        for (int j = 0; j < thresholds.length; j++) {
            double x = thresholds[j][0];
            if (!Double.isFinite(x)) {
                continue;
            }
            boolean fte = thresholds[j][1] == 1;
            addDomainMarker(plot, x, fte ? Palette.MID : Palette.DARK, fte ? DOTTED : DASHED,
                    names[j] + " " + money(d, x), slot++, xs, labels);
        }
        legend.add(lineItem("1.5% and 3% of median revenue (" + money(d, d.revenueMedian()) + ")", DASHED,
                Palette.DARK));
        if (Double.isFinite(d.fteMoney())) {
            legend.add(lineItem("1 and 2 full-time equivalents (1 FTE = " + money(d, d.fteMoney()) + " a year)",
                    DOTTED, Palette.MID));
        }
        plot.setFixedLegendItems(legend);
        for (Marker m : labels) {
            plot.addDomainMarker(m, Layer.FOREGROUND);
        }
        fitDomain(plot, xs);

        StringBuilder title = new StringBuilder("P(pain > first-year cost): ");
        for (ChartData.OptionView o : d.options()) {
            title.append(o.index() == 0 ? "" : ", ").append(o.id()).append(' ').append(Money.percent(o.pPainExceeds()));
        }
        return finish(plot, "Annualized pain vs cost — " + title,
                d.scenario() + " · " + SamplingText.futures(d.trials())
                        + (d.retainedTrials() < d.trials() ? String.format(Locale.ROOT,
                                ", bars from a random %,d of them", d.retainedTrials()) : "")
                        + "; the axis shows P0.5–P99.5 of pain");
    }

    /**
     * Draws the line at {@code x} now and keeps its label, on an invisible marker at the same place,
     * for {@code labels}: added after every line, the labels are drawn over the lines, never crossed by
     * a later one.
     */
    private static void addDomainMarker(XYPlot plot, double x, Paint paint, Stroke stroke, String label, int slot,
            List<Double> xs, List<Marker> labels) {
        plot.addDomainMarker(new ValueMarker(x, paint, stroke), Layer.FOREGROUND);
        Marker m = new ValueMarker(x, new java.awt.Color(0, 0, 0, 0), stroke);
        m.setLabel(label);
        label(m);
        m.setLabelPaint(Palette.DARK);
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        m.setLabelOffset(new RectangleInsets(8 + 21 * slot, 4, 4, 4));
        labels.add(m);
        xs.add(x);
    }

    private static void fitDomain(XYPlot plot, List<Double> xs) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : xs) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        double pad = (hi - lo) * 0.04 + 1;
        plot.getDomainAxis().setRange(Math.max(lo - pad, lo >= 0 ? 0 : lo - pad), hi + pad * 3);
        // A label right of the middle goes on the left of its line, so it is never clipped by the
        // plot's edge; a light background keeps it readable over other lines and bars.
        double mid = (plot.getDomainAxis().getLowerBound() + plot.getDomainAxis().getUpperBound()) / 2;
        java.util.Collection<?> markers = plot.getDomainMarkers(Layer.FOREGROUND);
        if (markers != null) {
            for (Object o : markers) {
                if (o instanceof ValueMarker m && m.getLabel() != null) {
                    m.setLabelBackgroundColor(new java.awt.Color(255, 255, 255, 225));
                    if (m.getValue() > mid) {
                        m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                        m.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
                    }
                }
            }
        }
    }

    /** Histogram of sorted values over [lo, hi] as shares of all values (values outside are not drawn). */
    private static DefaultIntervalXYDataset histogram(double[] sorted, double lo, double hi, int bins) {
        if (!(hi > lo)) {
            hi = lo + Math.max(1, Math.abs(lo) * 0.01);
        }
        double w = (hi - lo) / bins;
        double[] counts = Distributions.binCounts(sorted, lo, hi, bins);
        double[][] data = new double[6][bins];
        for (int b = 0; b < bins; b++) {
            data[0][b] = lo + (b + 0.5) * w;
            data[1][b] = lo + b * w;
            data[2][b] = lo + (b + 1) * w;
            double share = counts[b] / sorted.length;
            data[3][b] = share;
            data[4][b] = share;
            data[5][b] = share;
        }
        DefaultIntervalXYDataset ds = new DefaultIntervalXYDataset();
        ds.addSeries("Annualized pain", data);
        return ds;
    }
}
