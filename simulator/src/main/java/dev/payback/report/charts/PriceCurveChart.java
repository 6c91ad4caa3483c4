package dev.payback.report.charts;

import dev.payback.report.Money;
import dev.payback.analysis.Stats;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;

import static dev.payback.report.charts.ChartStyle.DASHED;
import static dev.payback.report.charts.ChartStyle.DOTTED;
import static dev.payback.report.charts.ChartStyle.finish;
import static dev.payback.report.charts.ChartStyle.key;
import static dev.payback.report.charts.ChartStyle.label;
import static dev.payback.report.charts.ChartStyle.lineItem;
import static dev.payback.report.charts.ChartStyle.lineRenderer;
import static dev.payback.report.charts.ChartStyle.money;
import static dev.payback.report.charts.ChartStyle.moneyAxis;
import static dev.payback.report.charts.ChartStyle.percentAxis;
import static dev.payback.report.charts.ChartStyle.percentFormat;
import static dev.payback.report.charts.ChartStyle.style;

/**
 * Chart 5: the price curve.
 */
final class PriceCurveChart {
    private PriceCurveChart() {
    }

    /** Chart 5: P(payback within 12 months) as a function of the one-time cost. */
    static JFreeChart chart(ChartData d) {
        double lo = 0;
        double hi = 0;
        for (ChartData.OptionView o : d.options()) {
            double[] m = o.maxBeforeOneTime12();
            lo = Math.min(lo, Math.min(o.maxOneTimeCost12(), Stats.quantile(m, 0.02)));
            hi = Math.max(hi, Math.max(Stats.quantile(m, 0.98), Math.max(1.25 * o.quoteMedian(),
                    1.15 * o.maxOneTimeCost12())));
        }
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        int points = 300;
        XYSeriesCollection ds = new XYSeriesCollection();
        XYLineAndShapeRenderer r = lineRenderer();
        XYPlot plot = new XYPlot(ds, moneyAxis("One-time cost (" + d.currency() + ")", d.currency()),
                percentAxis("P(payback within 12 months)"), r);
        style(plot);
        plot.getRangeAxis().setRange(0, 1.02);
        ((NumberAxis) plot.getRangeAxis()).setTickUnit(new NumberTickUnit(0.1, percentFormat()));
        plot.getDomainAxis().setRange(lo, hi);
        LegendItemCollection legend = new LegendItemCollection();
        int slot = 0;
        for (ChartData.OptionView o : d.options()) {
            XYSeries s = new XYSeries(key(o), false, true);
            for (int k = 0; k <= points; k++) {
                double c = lo + (hi - lo) * k / points;
                s.add(c, o.paybackWithin12At(c));
            }
            ds.addSeries(s);
            r.setSeriesPaint(o.index(), o.colour());
            r.setSeriesStroke(o.index(), new BasicStroke(3.5f));
            legend.add(lineItem(o.label(), new BasicStroke(3.5f), o.colour()));

            ValueMarker quote = new ValueMarker(o.quoteMedian(), o.colour(), DASHED);
            quote.setLabel(o.id() + " quote median " + money(d, o.quoteMedian()));
            label(quote);
            quote.setLabelPaint(Palette.DARK);
            quote.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
            quote.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            quote.setLabelOffset(new RectangleInsets(4, 4, 8 + 22 * slot, 4));
            plot.addDomainMarker(quote);
            ValueMarker max = new ValueMarker(o.maxOneTimeCost12(), o.colour(), DOTTED);
            max.setLabel(o.id() + " max at " + Money.percent(d.confidence()) + ": "
                    + (o.maxOneTimeCost12() < 0 ? "none (" + money(d, o.maxOneTimeCost12()) + ")"
                    : money(d, o.maxOneTimeCost12())));
            label(max);
            max.setLabelPaint(Palette.DARK);
            max.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            max.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            max.setLabelOffset(new RectangleInsets(8 + 22 * slot, 4, 4, 4));
            plot.addDomainMarker(max);
            slot++;
        }
        ValueMarker q = new ValueMarker(d.confidence(), Palette.DARK, new BasicStroke(1.5f));
        q.setLabel("Required confidence " + Money.percent(d.confidence()));
        label(q);
        q.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
        q.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        plot.addRangeMarker(q);
        legend.add(lineItem("Quote's median one-time cost", DASHED, Palette.MID));
        legend.add(lineItem("Max one-time cost at " + Money.percent(d.confidence()) + " confidence", DOTTED,
                Palette.MID));
        plot.setFixedLegendItems(legend);
        return finish(plot, "Price curve: P(payback within 12 months) by one-time cost",
                d.scenario() + " · the most you can pay is where a curve crosses the confidence line");
    }
}
