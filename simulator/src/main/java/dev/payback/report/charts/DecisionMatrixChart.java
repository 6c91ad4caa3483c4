package dev.payback.report.charts;

import dev.payback.report.Money;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultIntervalXYDataset;

import java.awt.Color;
import java.awt.Font;
import java.text.NumberFormat;
import java.util.Locale;

import static dev.payback.report.charts.ChartStyle.DASHED;
import static dev.payback.report.charts.ChartStyle.FONT;
import static dev.payback.report.charts.ChartStyle.barRenderer;
import static dev.payback.report.charts.ChartStyle.boxItem;
import static dev.payback.report.charts.ChartStyle.finish;
import static dev.payback.report.charts.ChartStyle.label;
import static dev.payback.report.charts.ChartStyle.lineItem;
import static dev.payback.report.charts.ChartStyle.percentAxis;
import static dev.payback.report.charts.ChartStyle.style;
import static dev.payback.report.charts.Charts.verdict;

/**
 * Chart 6: the decision-matrix score.
 */
final class DecisionMatrixChart {
    private DecisionMatrixChart() {
    }

    /** Chart 6: the decision-matrix score's distribution with the 15 and 22 boundaries. */
    static JFreeChart chart(ChartData d) {
        double[] share = d.scoreShare();
        int n = share.length;
        double[][] data = new double[6][n];
        for (int k = 0; k < n; k++) {
            double s = ChartData.SCORE_MIN + k;
            data[0][k] = s;
            data[1][k] = s - 0.4;
            data[2][k] = s + 0.4;
            data[3][k] = share[k];
            data[4][k] = share[k];
            data[5][k] = share[k];
        }
        DefaultIntervalXYDataset ds = new DefaultIntervalXYDataset();
        ds.addSeries("Share of trials with the score", data);
        NumberAxis x = new NumberAxis("Decision-matrix score (6–30)");
        x.setRange(ChartData.SCORE_MIN - 0.5, ChartData.SCORE_MAX + 0.5);
        x.setTickUnit(new NumberTickUnit(1, NumberFormat.getIntegerInstance(Locale.ROOT)));
        XYPlot plot = new XYPlot(ds, x, percentAxis("Share of trials"), barRenderer(Palette.DARK));
        style(plot);
        double top = 0;
        for (double v : share) {
            top = Math.max(top, v);
        }
        plot.getRangeAxis().setRange(0, Math.max(0.05, top * 1.25));
        double b1 = ChartData.pilotFrom() - 0.5;
        double b2 = ChartData.orchestrateAbove() + 0.5;
        String[] zone = {"Operate the node", "Improve the node, pilot orchestration", "Orchestrate"};
        double[] p = {d.decision().pOperate(), d.decision().pPilot(), d.decision().pOrchestrate()};
        double[][] spans = {{ChartData.SCORE_MIN - 0.5, b1}, {b1, b2}, {b2, ChartData.SCORE_MAX + 0.5}};
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(new LegendItem("Share of trials with the score", Palette.DARK));
        for (int z = 0; z < 3; z++) {
            IntervalMarker m = new IntervalMarker(spans[z][0], spans[z][1], Palette.ZONES[z]);
            m.setLabel(zone[z] + ": " + Money.percent(p[z]));
            m.setLabelFont(new Font(FONT, Font.BOLD, 15));
            m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
            m.setLabelAnchor(RectangleAnchor.TOP);
            m.setLabelTextAnchor(TextAnchor.TOP_CENTER);
            m.setLabelOffset(new RectangleInsets(8, 4, 4, 4));
            plot.addDomainMarker(m, Layer.BACKGROUND);
            legend.add(boxItem(zone[z] + " (" + Money.percent(p[z]) + " of trials)", Palette.ZONES[z]));
        }
        String[] bounds = {"15", "22"};
        double[] at = {b1, b2};
        for (int k = 0; k < 2; k++) {
            ValueMarker m = new ValueMarker(at[k], Palette.DARK, DASHED);
            m.setLabel(k == 0 ? "15 and above: pilot" : "above 22: orchestrate");
            label(m);
            m.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            m.setLabelOffset(new RectangleInsets(4, 4, 30, 4));
            plot.addDomainMarker(m, Layer.FOREGROUND);
            legend.add(lineItem("Boundary at " + bounds[k], DASHED, Palette.DARK));
        }
        plot.setFixedLegendItems(legend);
        return finish(plot, "Decision matrix: score 6–30 — most likely verdict: " + verdict(d.decision().verdict())
                        + " (" + Money.percent(Math.max(p[0], Math.max(p[1], p[2]))) + ")",
                d.scenario() + " · score P10 " + whole(d.decision().score().p10()) + ", P50 "
                        + whole(d.decision().score().p50()) + ", P90 " + whole(d.decision().score().p90()));
    }

    private static String whole(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.0f", x) : "n/a";
    }
}
