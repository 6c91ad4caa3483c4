package dev.payback.report.charts;

import dev.payback.report.Money;
import dev.payback.analysis.Distributions;
import dev.payback.analysis.Stats;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;

import static dev.payback.report.charts.ChartStyle.finish;
import static dev.payback.report.charts.ChartStyle.key;
import static dev.payback.report.charts.ChartStyle.label;
import static dev.payback.report.charts.ChartStyle.lineItem;
import static dev.payback.report.charts.ChartStyle.lineRenderer;
import static dev.payback.report.charts.ChartStyle.money;
import static dev.payback.report.charts.ChartStyle.moneyAxis;
import static dev.payback.report.charts.ChartStyle.percentAxis;
import static dev.payback.report.charts.ChartStyle.style;

/**
 * Chart 4: the options' NPV distributions.
 */
final class NpvChart {
    private NpvChart() {
    }

    /** Chart 4: the options' NPV distributions overlaid, with P(NPV &lt; 0). */
    static JFreeChart chart(ChartData d) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (ChartData.OptionView o : d.options()) {
            lo = Math.min(lo, Stats.quantile(o.npv(), 0.005));
            hi = Math.max(hi, Stats.quantile(o.npv(), 0.995));
        }
        lo = Math.min(lo, 0);
        hi = Math.max(hi, 0);
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        int bins = 70;
        double w = (hi - lo) / bins;
        XYSeriesCollection ds = new XYSeriesCollection();
        XYLineAndShapeRenderer r = lineRenderer();
        LegendItemCollection legend = new LegendItemCollection();
        for (ChartData.OptionView o : d.options()) {
            XYSeries s = new XYSeries(key(o), false, true);
            double[] counts = Distributions.binCounts(o.npv(), lo, hi, bins);
            for (int b = 0; b < bins; b++) {
                s.add(lo + (b + 0.5) * w, counts[b] / o.npv().length);
            }
            ds.addSeries(s);
            int series = ds.getSeriesCount() - 1;
            r.setSeriesPaint(series, o.colour());
            r.setSeriesStroke(series, new BasicStroke(3.5f));
            legend.add(lineItem(o.label() + " — median " + money(d, Stats.quantile(o.npv(), 0.5))
                    + ", P(NPV < 0) " + Money.percent(o.pNpvNegative()), new BasicStroke(3.5f), o.colour()));
        }
        XYPlot plot = new XYPlot(ds, moneyAxis("Net present value over " + d.horizonMonths() + " months ("
                + d.currency() + ")", d.currency()), percentAxis("Share of trials"), r);
        style(plot);
        plot.getDomainAxis().setRange(lo - w, hi + w);
        ValueMarker zero = new ValueMarker(0, Palette.DARK, new BasicStroke(2f));
        zero.setLabel("NPV = 0 (as good as doing nothing)");
        label(zero);
        zero.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        zero.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        zero.setLabelOffset(new RectangleInsets(6, 4, 4, 4));
        plot.addDomainMarker(zero);
        legend.add(lineItem("NPV = 0", new BasicStroke(2f), Palette.DARK));
        plot.setFixedLegendItems(legend);
        StringBuilder title = new StringBuilder("NPV distribution — P(NPV < 0): ");
        for (ChartData.OptionView o : d.options()) {
            title.append(o == d.options().get(0) ? "" : ", ").append(o.id()).append(' ')
                    .append(Money.percent(o.pNpvNegative()));
        }
        return finish(plot, title.toString(), d.scenario() + " · discounted at the scenario's rate · axis shows "
                + "P0.5–P99.5");
    }
}
