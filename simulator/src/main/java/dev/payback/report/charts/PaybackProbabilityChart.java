package dev.payback.report.charts;

import dev.payback.report.Money;
import dev.payback.report.SamplingText;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Color;
import java.util.Locale;

import static dev.payback.report.charts.ChartStyle.AXIS_LABEL;
import static dev.payback.report.charts.ChartStyle.DASHED;
import static dev.payback.report.charts.ChartStyle.GRID;
import static dev.payback.report.charts.ChartStyle.MARKER;
import static dev.payback.report.charts.ChartStyle.finish;
import static dev.payback.report.charts.ChartStyle.key;
import static dev.payback.report.charts.ChartStyle.label;
import static dev.payback.report.charts.ChartStyle.lineItem;
import static dev.payback.report.charts.ChartStyle.percentAxis;
import static dev.payback.report.charts.ChartStyle.percentFormat;

/**
 * Chart 3: the payback probabilities.
 */
final class PaybackProbabilityChart {
    private PaybackProbabilityChart() {
    }

    /** Chart 3: grouped bars of the payback probabilities, with the required confidence. */
    static JFreeChart chart(ChartData d) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (ChartData.OptionView o : d.options()) {
            for (int j = 0; j < ChartData.CHECKPOINTS.size(); j++) {
                ds.addValue(o.paybackProbability()[j], key(o), ChartData.CHECKPOINT_NAMES.get(j));
            }
        }
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.05);
        for (ChartData.OptionView o : d.options()) {
            r.setSeriesPaint(o.index(), o.colour());
        }
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", MoneyFormat.share()));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(MARKER);
        CategoryAxis x = new CategoryAxis("Payback within");
        x.setLabelFont(AXIS_LABEL);
        x.setTickLabelFont(AXIS_LABEL);
        NumberAxis y = percentAxis("Probability of payback");
        y.setRange(0, 1.08);
        y.setTickUnit(new NumberTickUnit(0.1, percentFormat()));
        CategoryPlot plot = new CategoryPlot(ds, x, y, r);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
        ValueMarker q = new ValueMarker(d.confidence(), Palette.DARK, DASHED);
        q.setLabel("Required confidence " + Money.percent(d.confidence()));
        label(q);
        q.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        q.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addRangeMarker(q, Layer.FOREGROUND);
        LegendItemCollection legend = new LegendItemCollection();
        for (ChartData.OptionView o : d.options()) {
            legend.add(new LegendItem(o.label(), o.colour()));
        }
        legend.add(lineItem("Required confidence " + Money.percent(d.confidence()), DASHED, Palette.DARK));
        plot.setFixedLegendItems(legend);
        return finish(plot, "Probability of payback within 90 days, 6 months and 12 months",
                d.scenario() + " · " + SamplingText.futures(d.trials()));
    }
}
