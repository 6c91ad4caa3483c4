package dev.payback.report.charts;

import dev.payback.report.Money;
import dev.payback.analysis.Fan;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

import static dev.payback.report.charts.ChartStyle.DASHED;
import static dev.payback.report.charts.ChartStyle.finish;
import static dev.payback.report.charts.ChartStyle.label;
import static dev.payback.report.charts.ChartStyle.lineItem;
import static dev.payback.report.charts.ChartStyle.lineRenderer;
import static dev.payback.report.charts.ChartStyle.moneyAxis;
import static dev.payback.report.charts.ChartStyle.style;

/**
 * Chart 2: the payback fan of one option.
 */
final class FanChart {
    private FanChart() {
    }

    /** The key of the fan chart's median series. */
    static final String MEDIAN = "Median";

    /** Chart 2: the payback fan of one option. */
    static JFreeChart chart(ChartData d, ChartData.OptionView o) {
        Fan f = o.fan();
        YIntervalSeries outer = new YIntervalSeries("P10–P90");
        YIntervalSeries inner = new YIntervalSeries("P25–P75");
        XYSeries median = new XYSeries(MEDIAN);
        double[] p10 = f.p10();
        double[] p25 = f.p25();
        double[] p50 = f.p50();
        double[] p75 = f.p75();
        double[] p90 = f.p90();
        for (int m = 0; m <= f.months(); m++) {
            outer.add(m, p50[m], p10[m], p90[m]);
            inner.add(m, p50[m], p25[m], p75[m]);
            median.add(m, p50[m]);
        }
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        bands.addSeries(outer);
        bands.addSeries(inner);
        DeviationRenderer band = new DeviationRenderer(false, false);
        band.setAlpha(0.22f);
        band.setSeriesFillPaint(0, o.colour());
        band.setSeriesFillPaint(1, o.colour());
        band.setSeriesPaint(0, o.colour());
        band.setSeriesPaint(1, o.colour());

        NumberAxis x = new NumberAxis("Months after purchase");
        x.setRange(0, f.months());
        x.setTickUnit(new NumberTickUnit(f.months() <= 36 ? 3 : 6, NumberFormat.getIntegerInstance(Locale.ROOT)));
        XYPlot plot = new XYPlot(bands, x,
                moneyAxis("Cumulative net cash position (" + d.currency() + ")", d.currency()), band);
        XYSeriesCollection med = new XYSeriesCollection(median);
        XYLineAndShapeRenderer line = lineRenderer();
        line.setSeriesPaint(0, o.colour().darker());
        line.setSeriesStroke(0, new BasicStroke(4f));
        plot.setDataset(1, med);
        plot.setRenderer(1, line);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        style(plot);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);

        ValueMarker zero = new ValueMarker(0, Palette.DARK, new BasicStroke(2f));
        zero.setLabel("Break-even");
        label(zero);
        zero.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        zero.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        plot.addRangeMarker(zero);
        List<Integer> months = ChartData.CHECKPOINTS;
        for (int j = 0; j < months.size(); j++) {
            if (months.get(j) > f.months()) {
                continue;
            }
            ValueMarker mk = new ValueMarker(months.get(j), Palette.MID, DASHED);
            mk.setLabel(ChartData.CHECKPOINT_NAMES.get(j));
            label(mk);
            mk.setLabelPaint(Palette.DARK);
            mk.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            mk.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            mk.setLabelOffset(new RectangleInsets(6, 4, 4, 4));
            plot.addDomainMarker(mk);
        }

        LegendItemCollection legend = new LegendItemCollection();
        legend.add(lineItem("Median future", new BasicStroke(4f), o.colour().darker()));
        legend.add(new LegendItem("Middle half of futures (P25–P75)", Palette.alpha(o.colour(), 100)));
        legend.add(new LegendItem("80% of futures (P10–P90)", Palette.alpha(o.colour(), 50)));
        legend.add(lineItem("Break-even (cumulative position 0)", new BasicStroke(2f), Palette.DARK));
        plot.setFixedLegendItems(legend);

        return finish(plot, "Payback fan: " + o.id() + " pays back within 12 months in "
                        + Money.percent(o.paybackProbability()[2]) + " of futures",
                o.label() + " · " + d.scenario() + " · percentiles of "
                        + String.format(Locale.ROOT, "%,d", f.keptTrials()) + " trials");
    }
}
