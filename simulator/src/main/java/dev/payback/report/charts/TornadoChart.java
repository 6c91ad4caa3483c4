package dev.payback.report.charts;

import dev.payback.analysis.Sensitivity;
import dev.payback.report.InputWords;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultIntervalXYDataset;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;

import static dev.payback.report.charts.ChartStyle.AXIS_LABEL;
import static dev.payback.report.charts.ChartStyle.DASHED;
import static dev.payback.report.charts.ChartStyle.bar;
import static dev.payback.report.charts.ChartStyle.barRenderer;
import static dev.payback.report.charts.ChartStyle.boxItem;
import static dev.payback.report.charts.ChartStyle.finish;
import static dev.payback.report.charts.ChartStyle.label;
import static dev.payback.report.charts.ChartStyle.lineItem;
import static dev.payback.report.charts.ChartStyle.money;
import static dev.payback.report.charts.ChartStyle.moneyAxis;
import static dev.payback.report.charts.ChartStyle.style;
import static dev.payback.report.charts.ChartStyle.valueLabel;

/**
 * The tornado chart of one option: what drives its NPV.
 */
final class TornadoChart {
    private TornadoChart() {
    }

    /** How many inputs a tornado chart shows at most (largest swing first). */
    static final int TORNADO_INPUTS = 8;

    /** Series keys of the tornado chart. */
    static final String TORNADO_LOW = "Input in its lowest tenth";
    static final String TORNADO_HIGH = "Input in its highest tenth";

    /** The inputs a tornado chart shows: largest swing first, at most {@link #TORNADO_INPUTS}, none without swing. */
    static List<Sensitivity.Entry> entries(ChartData.OptionView o) {
        List<Sensitivity.Entry> out = new ArrayList<>();
        for (Sensitivity.Entry e : o.sensitivity()) {
            if (out.size() == TORNADO_INPUTS || !(e.swing() > 0)) {
                break;
            }
            out.add(e);
        }
        return out;
    }

    /**
     * Tornado chart of one option: per input, a bar from the option's mean NPV to its mean NPV over
     * the input's lowest tenth ({@link #TORNADO_LOW}, series 0) and one to the highest tenth
     * ({@link #TORNADO_HIGH}, series 1); each item's y value is that tornado value, its x the row
     * (0 = top, the label of row k is symbol k of the domain axis).
     */
    static JFreeChart chart(ChartData d, ChartData.OptionView o) {
        List<Sensitivity.Entry> es = entries(o);
        int n = es.size();
        double mean = o.npvMean();
        double[][] low = new double[6][n];
        double[][] high = new double[6][n];
        String[] names = new String[n];
        double lo = mean;
        double hi = mean;
        for (int i = 0; i < n; i++) {
            Sensitivity.Entry e = es.get(i);
            names[i] = InputWords.plainName(e.input());
            bar(low, i, e.tornadoLow(), mean);
            bar(high, i, e.tornadoHigh(), mean);
            lo = Math.min(lo, Math.min(e.tornadoLow(), e.tornadoHigh()));
            hi = Math.max(hi, Math.max(e.tornadoLow(), e.tornadoHigh()));
        }
        DefaultIntervalXYDataset ds = new DefaultIntervalXYDataset();
        ds.addSeries(TORNADO_LOW, low);
        ds.addSeries(TORNADO_HIGH, high);
        SymbolAxis rows = new SymbolAxis(null, names);
        rows.setInverted(true);
        rows.setGridBandsVisible(false);
        rows.setRange(-0.6, Math.max(n, 1) - 0.05);
        XYBarRenderer r = barRenderer(Palette.alpha(o.colour(), 110));
        r.setUseYInterval(true);
        r.setSeriesPaint(1, o.colour());
        XYPlot plot = new XYPlot(ds, rows, moneyAxis("Mean NPV of " + o.id() + " over those futures ("
                + d.currency() + ")", d.currency()), r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        style(plot);
        rows.setTickLabelFont(AXIS_LABEL);
        double pad = Math.max((hi - lo) * 0.16, Math.abs(mean) * 0.05 + 1);
        plot.getRangeAxis().setRange(lo - pad, hi + pad);
        for (int i = 0; i < n; i++) {
            Sensitivity.Entry e = es.get(i);
            valueLabel(plot, i, e.tornadoLow(), mean, money(d, e.tornadoLow()));
            valueLabel(plot, i, e.tornadoHigh(), mean, money(d, e.tornadoHigh()));
        }
        ValueMarker m = new ValueMarker(mean, Palette.DARK, new BasicStroke(2f));
        m.setLabel("Mean NPV " + money(d, mean));
        label(m);
        m.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addRangeMarker(m, Layer.FOREGROUND);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(boxItem("NPV when the input is in its lowest tenth of futures", Palette.alpha(o.colour(), 110)));
        legend.add(boxItem("NPV when the input is in its highest tenth", o.colour()));
        legend.add(lineItem("Mean NPV over all futures (" + money(d, mean) + ")", new BasicStroke(2f), Palette.DARK));
        if (lo - pad < 0 && hi + pad > 0) {
            ValueMarker zero = new ValueMarker(0, Palette.MID, DASHED);
            plot.addRangeMarker(zero, Layer.BACKGROUND);
            legend.add(lineItem("NPV = 0 (as good as doing nothing)", DASHED, Palette.MID));
        }
        plot.setFixedLegendItems(legend);
        String title = n == 0 ? "What drives " + o.id() + "'s NPV: no uncertain input moves it"
                : "What drives " + o.id() + "'s NPV: " + names[0] + " swings it by " + money(d, es.get(0).swing());
        return finish(plot, title, o.label() + " · " + d.scenario() + " · " + n + " of " + o.sensitivity().size()
                + " uncertain inputs, largest swing first");
    }
}
