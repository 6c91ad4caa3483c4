package dev.payback.report.charts;

import dev.payback.analysis.KpiTracks;
import dev.payback.report.Money;
import dev.payback.analysis.Stats;
import dev.payback.analysis.Summary;
import dev.payback.report.TrackingPlan;
import dev.payback.report.VendorComparison;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultIntervalXYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.GeneralPath;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tracking plan's KPI charts (docs/model.md section 8: the status quo's band against each option's at
 * 90 days, 6 and 12 months) and the vendor chart (section 9: score against NPV), in the style and
 * palette of {@link Charts}.
 */
public final class TrackingCharts {
    private TrackingCharts() {
    }

    /** The report sections these charts go into. */
    public static final String SECTION_TRACKING = "tracking";
    public static final String SECTION_VENDORS = "vendors";
    /** The status quo's bars: the neutral grey of bars that belong to no option. */
    static final Color STATUS_QUO = Palette.NEUTRAL_BARS;

    /** The charts of a run: the vendor chart when two or more options have a score, then one per KPI. */
    public static List<Charts.ChartSpec> all(ChartData d) {
        Summary s = d.summary();
        List<Charts.ChartSpec> specs = new ArrayList<>();
        if (s == null) {
            return specs;
        }
        if (VendorComparison.applies(s)) {
            specs.add(new Charts.ChartSpec("vendors", "Vendor score against NPV",
                    "Each vendor's weighted scorecard score (1 to 5) against its NPV over the horizon: the dot is the "
                            + "median NPV, the bar runs from P10 to P90. Up and to the right is better on both counts.",
                    vendors(d), SECTION_VENDORS));
        }
        if (!s.kpis().isEmpty()) {
            for (int k = 0; k < TrackingPlan.KPIS.size(); k++) {
                TrackingPlan.Kpi kpi = TrackingPlan.KPIS.get(k);
                specs.add(new Charts.ChartSpec("kpi-" + kpi.key().replace('_', '-'), kpi.name(),
                        "Doing nothing (grey) against each option at 90 days, 6 months and 12 months: bars from P10 "
                                + "to P90 of the simulated futures, a dash at the median, and a triangle at the value "
                                + "the option does at least as well as in " + Money.percent(d.confidence())
                                + " of futures (its checklist value). Lower is better.",
                        kpi(d, k), SECTION_TRACKING));
            }
        }
        return specs;
    }

    /** One KPI: per checkpoint, the status quo's P10–P90 bar then each option's, medians and checklist values. */
    public static JFreeChart kpi(ChartData d, int k) {
        Summary s = d.summary();
        TrackingPlan.Kpi kpi = TrackingPlan.KPIS.get(k);
        List<Summary.KpiTrack> tracks = new ArrayList<>();
        tracks.add(s.kpiTrack(KpiTracks.STATUS_QUO));
        for (Summary.OptionSummary o : s.options()) {
            tracks.add(s.kpiTrack(o.id()));
        }
        List<Integer> months = new ArrayList<>(tracks.get(0).stats().keySet());
        int strategies = tracks.size();
        double width = 0.8 / strategies;
        DefaultIntervalXYDataset bars = new DefaultIntervalXYDataset();
        XYSeriesCollection medians = new XYSeriesCollection();
        XYSeriesCollection checks = new XYSeriesCollection();
        XYBarRenderer barRenderer = new XYBarRenderer();
        barRenderer.setBarPainter(new StandardXYBarPainter());
        barRenderer.setShadowVisible(false);
        barRenderer.setDrawBarOutline(false);
        barRenderer.setUseYInterval(true);
        XYLineAndShapeRenderer medianRenderer = new XYLineAndShapeRenderer(false, true);
        XYLineAndShapeRenderer checkRenderer = new XYLineAndShapeRenderer(false, true);
        LegendItemCollection legend = new LegendItemCollection();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < strategies; t++) {
            Summary.KpiTrack track = tracks.get(t);
            double[][] data = new double[6][months.size()];
            XYSeries median = new XYSeries("median " + t, false, true);
            XYSeries check = new XYSeries("checklist " + t, false, true);
            for (int j = 0; j < months.size(); j++) {
                Stats st = track.stats().get(months.get(j)).get(kpi.key());
                double x = j + (t - (strategies - 1) / 2.0) * width;
                data[0][j] = x;
                data[1][j] = x - 0.42 * width;
                data[2][j] = x + 0.42 * width;
                // a per-order KPI is +∞ where a month has no orders: left out of the drawing
                data[3][j] = finite(st.p50());
                data[4][j] = finite(st.p10());
                data[5][j] = finite(st.p90());
                if (Double.isFinite(st.p50())) {
                    median.add(x, st.p50());
                }
                for (double v : new double[] {st.p10(), st.p90()}) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
                if (t > 0) {
                    double c = track.checklist().get(months.get(j)).get(kpi.key());
                    if (Double.isFinite(c)) {
                        check.add(x, c);
                        lo = Math.min(lo, c);
                        hi = Math.max(hi, c);
                    }
                }
            }
            String name = t == 0 ? "Doing nothing" : s.options().get(t - 1).label();
            bars.addSeries(name, data);
            Paint paint = t == 0 ? STATUS_QUO : Palette.alpha(Palette.option(t - 1), 170);
            barRenderer.setSeriesPaint(t, paint);
            legend.add(ChartStyle.boxItem(t == 0 ? "Doing nothing (the status quo), P10–P90"
                    : s.options().get(t - 1).id() + ": " + name + ", P10–P90", paint));
            medians.addSeries(median);
            medianRenderer.setSeriesShape(t, new Rectangle2D.Double(-16 * 0.8 * 3 / strategies, -2,
                    32 * 0.8 * 3 / strategies, 4));
            medianRenderer.setSeriesPaint(t, Palette.DARK);
            checks.addSeries(check);
            checkRenderer.setSeriesShape(t, triangle());
            checkRenderer.setSeriesPaint(t, t == 0 ? STATUS_QUO : Palette.option(t - 1).darker());
        }
        String[] names = months.stream().map(TrackingPlan::monthName).toArray(String[]::new);
        SymbolAxis x = new SymbolAxis(null, names);
        x.setGridBandsVisible(false);
        x.setRange(-0.5, months.size() - 0.5);
        NumberAxis y = new NumberAxis(kpi.shortName());
        String cur = d.currency();
        y.setNumberFormatOverride(MoneyFormat.of(v -> TrackingPlan.value(kpi, v == 0 ? 0 : v, cur)));
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(bars, x, y, barRenderer);
        plot.setDataset(1, medians);
        plot.setRenderer(1, medianRenderer);
        plot.setDataset(2, checks);
        plot.setRenderer(2, checkRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        ChartStyle.style(plot);
        x.setTickLabelFont(ChartStyle.AXIS_LABEL);
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            y.setRange(0, 1);
        } else if (hi > lo) {
            double pad = (hi - lo) * 0.08;
            y.setRange(Math.max(lo >= 0 ? 0 : lo - pad, lo - pad), hi + pad);
        } else {
            double pad = Math.max(Math.abs(hi) * 0.1, 1e-6);
            y.setRange(lo - pad, hi + pad);
        }
        legend.add(new org.jfree.chart.LegendItem("Median", null, null, null, new Rectangle2D.Double(-8, -2, 16, 4),
                Palette.DARK));
        legend.add(new org.jfree.chart.LegendItem("On track at or below (met in " + Money.percent(d.confidence())
                + " of futures)", null, null, null, triangle(), Palette.DARK));
        plot.setFixedLegendItems(legend);
        Summary.OptionSummary lead = TrackingPlan.leader(s);
        Summary.KpiTrack leadTrack = s.kpiTrack(lead.id());
        int last = months.get(months.size() - 1);
        String title = kpi.shortName() + ": " + lead.id() + " on track at or below "
                + TrackingPlan.value(kpi, leadTrack.checklist().get(last).get(kpi.key()), cur) + " at "
                + TrackingPlan.monthName(last) + " (doing nothing: median "
                + TrackingPlan.value(kpi, tracks.get(0).stats().get(last).get(kpi.key()).p50(), cur) + ")";
        return ChartStyle.finish(plot, title, d.scenario() + " · bars P10–P90 of the simulated futures, dash the median, "
                + "triangle the checklist value · lower is better");
    }

    /** Score (x) against NPV (y): per scored option the median NPV with a P10–P90 bar. */
    public static JFreeChart vendors(ChartData d) {
        Summary s = d.summary();
        YIntervalSeriesCollection ds = new YIntervalSeriesCollection();
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDrawYError(true);
        r.setErrorStroke(new BasicStroke(4f));
        r.setCapLength(14);
        LegendItemCollection legend = new LegendItemCollection();
        List<Summary.OptionSummary> scored = VendorComparison.scored(s);
        NumberAxis x = new NumberAxis("Weighted scorecard score (1–5)");
        x.setRange(0.8, 5.2);
        x.setTickUnit(new NumberTickUnit(0.5, NumberFormat.getNumberInstance(Locale.ROOT)));
        XYPlot plot = new XYPlot(ds, x, ChartStyle.moneyAxis("NPV over " + d.horizonMonths() + " months ("
                + d.currency() + ")", d.currency()), r);
        ChartStyle.style(plot);
        int series = 0;
        for (Summary.OptionSummary o : scored) {
            int k = s.options().indexOf(o);
            YIntervalSeries ys = new YIntervalSeries(o.label());
            ys.add(o.scorecardScore(), finite(o.npv().p50()), finite(o.npv().p10()), finite(o.npv().p90()));
            ds.addSeries(ys);
            r.setSeriesPaint(series, Palette.option(k));
            r.setSeriesShape(series, new java.awt.geom.Ellipse2D.Double(-9, -9, 18, 18));
            r.setSeriesLinesVisible(series, false);
            r.setSeriesShapesVisible(series, true);
            series++;
            legend.add(ChartStyle.boxItem(o.id() + ": " + o.label() + " — score " + VendorComparison.score(o)
                    + ", median NPV " + Money.compact(o.npv().p50(), d.currency()), Palette.option(k)));
            XYTextAnnotation a = new XYTextAnnotation(o.id() + " " + VendorComparison.score(o) + " ",
                    o.scorecardScore(), Double.isFinite(o.npv().p90()) ? o.npv().p90() : 0);
            a.setFont(ChartStyle.MARKER);
            a.setPaint(Palette.DARK);
            a.setTextAnchor(TextAnchor.BOTTOM_CENTER);
            plot.addAnnotation(a);
        }
        ValueMarker zero = new ValueMarker(0, Palette.MID, ChartStyle.DASHED);
        plot.addRangeMarker(zero, Layer.BACKGROUND);
        legend.add(ChartStyle.lineItem("NPV = 0 (as good as doing nothing)", ChartStyle.DASHED, Palette.MID));
        plot.setFixedLegendItems(legend);
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setAutoRangeIncludesZero(true);
        Summary.OptionSummary card = VendorComparison.scorecardFavourite(s);
        Summary.OptionSummary money = VendorComparison.moneyFavourite(s);
        String title = card == money ? "Vendors: the scorecard and the money agree on " + card.id()
                : "Vendors: the scorecard favours " + card.id() + ", the money " + money.id();
        return ChartStyle.finish(plot, title, d.scenario() + " · dot the median NPV, bar P10–P90 · scores weighted toward "
                + "implementation speed and support");
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : Double.NaN;
    }

    private static Shape triangle() {
        GeneralPath p = new GeneralPath();
        p.moveTo(-8, -6);
        p.lineTo(8, -6);
        p.lineTo(0, 7);
        p.closePath();
        return p;
    }
}
