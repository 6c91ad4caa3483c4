package dev.payback.report.charts;

import dev.payback.report.Money;
import dev.payback.analysis.Sensitivity;
import dev.payback.report.InputWords;
import dev.payback.report.SensitivityText;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultIntervalXYDataset;

import java.awt.Paint;
import java.util.List;

import static dev.payback.report.charts.ChartStyle.AXIS_LABEL;
import static dev.payback.report.charts.ChartStyle.DASHED;
import static dev.payback.report.charts.ChartStyle.DOTTED;
import static dev.payback.report.charts.ChartStyle.bar;
import static dev.payback.report.charts.ChartStyle.boxItem;
import static dev.payback.report.charts.ChartStyle.finish;
import static dev.payback.report.charts.ChartStyle.label;
import static dev.payback.report.charts.ChartStyle.lineItem;
import static dev.payback.report.charts.ChartStyle.money;
import static dev.payback.report.charts.ChartStyle.moneyAxis;
import static dev.payback.report.charts.ChartStyle.style;
import static dev.payback.report.charts.ChartStyle.valueLabel;

/**
 * The value-of-information chart: the EVPPI of each input.
 */
final class EvppiChart {
    private EvppiChart() {
    }

    /** How many inputs the value-of-information chart shows at most (largest EVPPI first). */
    static final int EVPPI_INPUTS = 10;

    /** The inputs the value-of-information chart shows: largest EVPPI first, at most {@link #EVPPI_INPUTS}. */
    static List<Sensitivity.Evppi> entries(ChartData d) {
        return d.evppi().subList(0, Math.min(EVPPI_INPUTS, d.evppi().size()));
    }

    /**
     * The value-of-information chart: per input a bar of its EVPPI (darker when it is worth
     * measuring), row k labelled by symbol k of the domain axis, with the EVPI and the measurement
     * threshold as reference lines.
     */
    static JFreeChart chart(ChartData d) {
        List<Sensitivity.Evppi> es = entries(d);
        int n = es.size();
        double[][] data = new double[6][n];
        String[] names = new String[n];
        double top = Math.max(d.measureThreshold(), Double.isFinite(d.evpi()) ? d.evpi() : 0);
        int worth = 0;
        for (int i = 0; i < n; i++) {
            names[i] = InputWords.plainName(es.get(i).input());
            bar(data, i, es.get(i).evppi(), 0);
            top = Math.max(top, es.get(i).evppi());
        }
        for (Sensitivity.Evppi e : d.evppi()) {
            worth += SensitivityText.worthMeasuring(e.evppi(), d.measureThreshold()) ? 1 : 0;
        }
        DefaultIntervalXYDataset ds = new DefaultIntervalXYDataset();
        ds.addSeries("EVPPI", data);
        SymbolAxis rows = new SymbolAxis(null, names);
        rows.setInverted(true);
        rows.setGridBandsVisible(false);
        rows.setRange(-0.6, Math.max(n, 1) - 0.4);
        final double bar = d.measureThreshold();
        XYBarRenderer r = new XYBarRenderer() {
            @Override
            public Paint getItemPaint(int series, int item) {
                return SensitivityText.worthMeasuring(es.get(item).evppi(), bar) ? Palette.DARK : Palette.NEUTRAL_BARS;
            }
        };
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setUseYInterval(true);
        XYPlot plot = new XYPlot(ds, rows, moneyAxis("Expected value of perfect information about the input ("
                + d.currency() + ")", d.currency()), r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        style(plot);
        rows.setTickLabelFont(AXIS_LABEL);
        plot.getRangeAxis().setRange(0, Math.max(1, top * 1.3));
        for (int i = 0; i < n; i++) {
            valueLabel(plot, i, es.get(i).evppi(), 0, money(d, es.get(i).evppi()));
        }
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(boxItem("Worth measuring (EVPPI above the dotted line)", Palette.DARK));
        legend.add(boxItem("Not worth measuring on its own", Palette.NEUTRAL_BARS));
        if (Double.isFinite(d.evpi())) {
            ValueMarker evpi = new ValueMarker(d.evpi(), Palette.DARK, DASHED);
            evpi.setLabel("EVPI, every input known: " + money(d, d.evpi()));
            label(evpi);
            evpi.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            evpi.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            evpi.setLabelOffset(new RectangleInsets(8, 4, 4, 4));
            plot.addRangeMarker(evpi, Layer.FOREGROUND);
            legend.add(lineItem("EVPI: the value of knowing every input (" + money(d, d.evpi()) + ")", DASHED,
                    Palette.DARK));
        }
        ValueMarker t = new ValueMarker(bar, Palette.MID, DOTTED);
        t.setLabel("Worth measuring above " + money(d, bar));
        label(t);
        t.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        t.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        t.setLabelOffset(new RectangleInsets(4, 4, 8, 4));
        plot.addRangeMarker(t, Layer.FOREGROUND);
        legend.add(lineItem(Money.percent(SensitivityText.MEASURE_SHARE) + " of the smallest median first-year cost ("
                + money(d, bar) + ")", DOTTED, Palette.MID));
        plot.setFixedLegendItems(legend);
        String title = worth == 0 ? "Value of information: no single input is worth measuring first"
                : "Value of information: " + worth + (worth == 1 ? " input is" : " inputs are")
                        + " worth measuring before deciding";
        return finish(plot, title, d.scenario() + " · EVPI " + money(d, d.evpi()) + " · the " + n + " of "
                + d.evppi().size() + " uncertain inputs with the largest EVPPI");
    }
}
