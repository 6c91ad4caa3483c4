package dev.payback.report.charts;

import dev.payback.report.Money;
import dev.payback.analysis.Distributions;
import dev.payback.analysis.Fan;
import dev.payback.analysis.Sensitivity;
import dev.payback.report.InputWords;
import dev.payback.analysis.Summary;
import dev.payback.analysis.Stats;
import dev.payback.report.SensitivityText;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultIntervalXYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every chart of the business case, built with JFreeChart from {@link ChartData}. Each method
 * returns a finished chart (title, subtitle, axis labels, legend); one colour per option
 * ({@link Palette}) in every chart; money in the scenario's currency.
 */
public final class Charts {
    private Charts() {
    }

    /** The key of the fan chart's median series. */
    public static final String MEDIAN = "Median";

    /** How many inputs a tornado chart shows at most (largest swing first). */
    public static final int TORNADO_INPUTS = 8;
    /** How many inputs the value-of-information chart shows at most (largest EVPPI first). */
    public static final int EVPPI_INPUTS = 10;
    /** The report sections a chart belongs to. */
    public static final String SECTION_CHARTS = "charts";
    public static final String SECTION_DRIVERS = "drivers";
    public static final String SECTION_MEASURE = "measure";
    /** The report's "Pilot first?" section (docs/model.md section 7). */
    public static final String SECTION_PILOT = "pilot";
    /** Series keys of the tornado chart. */
    public static final String TORNADO_LOW = "Input in its lowest tenth";
    public static final String TORNADO_HIGH = "Input in its highest tenth";

    /**
     * A chart with the name of its files, the words the report shows with it and the report section
     * it goes into ({@link #SECTION_CHARTS}, {@link #SECTION_DRIVERS} or {@link #SECTION_MEASURE}).
     */
    public record ChartSpec(String file, String heading, String caption, JFreeChart chart, String section) {
        public ChartSpec(String file, String heading, String caption, JFreeChart chart) {
            this(file, heading, caption, chart, SECTION_CHARTS);
        }
    }

    private static final String FONT = "SansSerif";
    private static final Font TITLE = new Font(FONT, Font.BOLD, 26);
    private static final Font SUBTITLE = new Font(FONT, Font.PLAIN, 17);
    static final Font AXIS_LABEL = new Font(FONT, Font.PLAIN, 18);
    static final Font TICKS = new Font(FONT, Font.PLAIN, 15);
    private static final Font LEGEND = new Font(FONT, Font.PLAIN, 15);
    static final Font MARKER = new Font(FONT, Font.PLAIN, 14);
    private static final Color GRID = new Color(0xDDDDDD);
    private static final Stroke SOLID = new BasicStroke(3f);
    static final Stroke DASHED = new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {9f, 6f}, 0f);
    static final Stroke DOTTED = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_MITER, 10f,
            new float[] {2f, 6f}, 0f);

    /** Every chart of a run, in report order: pain vs cost, one fan per option, then the rest. */
    public static List<ChartSpec> all(ChartData d) {
        List<ChartSpec> specs = new ArrayList<>();
        specs.add(new ChartSpec("pain-vs-cost", "Annualized pain vs cost",
                "How much doing nothing costs in a year, across the simulated futures, against each option's median "
                        + "first-year cost and the framework's thresholds (1.5% and 3% of revenue, 1 and 2 full-time "
                        + "equivalents). Pain to the right of an option's line pays for that option within the year.",
                painVsCost(d)));
        for (ChartData.OptionView o : d.options()) {
            specs.add(new ChartSpec("payback-fan-" + o.id(), "Payback fan: " + o.id(),
                    "Cumulative net cash position of " + o.id() + " month by month: the median future, the middle "
                            + "half of futures (P25–P75) and 80% of futures (P10–P90). Payback is where the "
                            + "position crosses zero.",
                    fan(d, o)));
        }
        specs.add(new ChartSpec("payback-probability", "Payback probability",
                "The share of futures in which each option has paid back its one-time cost within 90 days, 6 months "
                        + "and 12 months, against the confidence the scenario asks for.",
                paybackProbability(d)));
        specs.add(new ChartSpec("npv", "NPV distribution",
                "Net present value over the horizon for each option across the simulated futures; left of zero the "
                        + "option loses money compared with doing nothing.",
                npv(d)));
        specs.add(new ChartSpec("price-curve", "Price curve",
                "The probability of payback within 12 months as a function of the one-time cost (the price you "
                        + "negotiate). Where a curve crosses the confidence line is the most you can pay; the "
                        + "dashed lines mark the quote's median.",
                priceCurve(d)));
        specs.add(new ChartSpec("decision-matrix", "Decision matrix",
                "The framework's decision-matrix score (six categories scored 1–5) across the futures: below 15 operate "
                        + "the node, 15 to 22 improve the node and pilot orchestration, above 22 orchestrate.",
                decisionMatrix(d)));
        if (d.hasSensitivity()) {
            for (ChartData.OptionView o : d.options()) {
                specs.add(new ChartSpec("tornado-" + o.id(), "What drives " + o.id() + "'s NPV",
                        "For each uncertain input (at most " + TORNADO_INPUTS + ", largest swing first), the mean NPV "
                                + "of " + o.id() + " over the futures in which the input is in its lowest tenth "
                                + "(light bar) and in its highest tenth (dark bar), around the option's mean NPV. "
                                + "Inputs correlated with the one on a row move with it.",
                        tornado(d, o), SECTION_DRIVERS));
            }
            specs.add(new ChartSpec("evppi", "Value of information per input",
                    "The expected value of perfect information about each input (EVPPI): how much expected NPV "
                            + "knowing that input exactly before deciding would add. The dashed line is the value "
                            + "of knowing every input (EVPI); an input is worth measuring when its bar passes the "
                            + "dotted line and the measurement costs less than the bar.",
                    evppi(d), SECTION_MEASURE));
        }
        specs.addAll(TrackingCharts.all(d));
        return specs;
    }

    /**
     * One chart per staged strategy for the "Pilot first?" section: the NPV distributions of the big
     * bang and the staged rollout overlaid, in the options' colours (file {@code pilot-first-<id>}).
     */
    public static List<ChartSpec> pilotFirst(ChartData d, Summary s) {
        List<ChartSpec> specs = new ArrayList<>();
        for (Summary.OptionSummary o : s.options()) {
            if (o.gate() == null) {
                continue;
            }
            ChartData.OptionView big = null;
            ChartData.OptionView staged = null;
            for (ChartData.OptionView v : d.options()) {
                if (v.id().equals(o.gate().twin())) {
                    big = v;
                } else if (v.id().equals(o.id())) {
                    staged = v;
                }
            }
            if (big == null || staged == null) {
                continue;
            }
            ChartData pair = new ChartData(d.scenario(), d.currency(), d.trials(), d.horizonMonths(), d.confidence(),
                    d.annualPain(), d.revenueMedian(), d.fteMoney(), d.scoreShare(), d.decision(), List.of(big, staged),
                    d.evpi(), d.evppi(), d.measureThreshold(), d.hasSensitivity(), d.retainedTrials(), d.summary());
            specs.add(new ChartSpec("pilot-first-" + o.id(), "Big bang or pilot first: " + big.id(),
                    "Net present value of " + big.label() + " bought outright and piloted first (" + o.id()
                            + "), across the same simulated futures; left of zero the strategy loses money compared "
                            + "with doing nothing.", npv(pair), SECTION_PILOT));
        }
        return specs;
    }

    /** The inputs a tornado chart shows: largest swing first, at most {@link #TORNADO_INPUTS}, none without swing. */
    public static List<Sensitivity.Entry> tornadoEntries(ChartData.OptionView o) {
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
    public static JFreeChart tornado(ChartData d, ChartData.OptionView o) {
        List<Sensitivity.Entry> es = tornadoEntries(o);
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

    /** The inputs the value-of-information chart shows: largest EVPPI first, at most {@link #EVPPI_INPUTS}. */
    public static List<Sensitivity.Evppi> evppiEntries(ChartData d) {
        return d.evppi().subList(0, Math.min(EVPPI_INPUTS, d.evppi().size()));
    }

    /**
     * The value-of-information chart: per input a bar of its EVPPI (darker when it is worth
     * measuring), row k labelled by symbol k of the domain axis, with the EVPI and the measurement
     * threshold as reference lines.
     */
    public static JFreeChart evppi(ChartData d) {
        List<Sensitivity.Evppi> es = evppiEntries(d);
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

    /** Row i of a horizontal bar: y value v, drawn from base to v (in either direction). */
    private static void bar(double[][] data, int i, double v, double base) {
        data[0][i] = i;
        data[1][i] = i - 0.36;
        data[2][i] = i + 0.36;
        data[3][i] = v;
        data[4][i] = Math.min(base, v);
        data[5][i] = Math.max(base, v);
    }

    /** The value of a horizontal bar, written just beyond its outer end. */
    private static void valueLabel(XYPlot plot, int row, double v, double base, String text) {
        boolean right = v >= base;
        XYTextAnnotation a = new XYTextAnnotation(right ? " " + text : text + " ", row, v);
        a.setFont(MARKER);
        a.setPaint(Palette.DARK);
        a.setTextAnchor(right ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT);
        plot.addAnnotation(a);
    }

    /** Chart 1: histogram of annualized pain with cost and threshold markers. */
    public static JFreeChart painVsCost(ChartData d) {
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
        int slot = 0;
        for (ChartData.OptionView o : d.options()) {
            String text = o.id() + " first-year cost " + money(d, o.firstYearCostMedian());
            addDomainMarker(plot, o.firstYearCostMedian(), o.colour(), SOLID, text, slot++, xs);
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
                    names[j] + " " + money(d, x), slot++, xs);
        }
        legend.add(lineItem("1.5% and 3% of median revenue (" + money(d, d.revenueMedian()) + ")", DASHED,
                Palette.DARK));
        if (Double.isFinite(d.fteMoney())) {
            legend.add(lineItem("1 and 2 full-time equivalents (1 FTE = " + money(d, d.fteMoney()) + " a year)",
                    DOTTED, Palette.MID));
        }
        plot.setFixedLegendItems(legend);
        fitDomain(plot, xs);

        StringBuilder title = new StringBuilder("P(pain > first-year cost): ");
        for (ChartData.OptionView o : d.options()) {
            title.append(o.index() == 0 ? "" : ", ").append(o.id()).append(' ').append(Money.percent(o.pPainExceeds()));
        }
        return finish(plot, "Annualized pain vs cost — " + title,
                d.scenario() + " · " + String.format(Locale.ROOT, "%,d", d.trials()) + " simulated futures"
                        + (d.retainedTrials() < d.trials() ? String.format(Locale.ROOT,
                                ", bars from a random %,d of them", d.retainedTrials()) : "")
                        + "; the axis shows P0.5–P99.5 of pain");
    }

    /** Chart 2: the payback fan of one option. */
    public static JFreeChart fan(ChartData d, ChartData.OptionView o) {
        Fan f = o.fan();
        YIntervalSeries outer = new YIntervalSeries("P10–P90");
        YIntervalSeries inner = new YIntervalSeries("P25–P75");
        XYSeries median = new XYSeries(MEDIAN);
        for (int m = 0; m <= f.months(); m++) {
            outer.add(m, f.p50()[m], f.p10()[m], f.p90()[m]);
            inner.add(m, f.p50()[m], f.p25()[m], f.p75()[m]);
            median.add(m, f.p50()[m]);
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
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
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

    /** Chart 3: grouped bars of the payback probabilities, with the required confidence. */
    public static JFreeChart paybackProbability(ChartData d) {
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
                d.scenario() + " · " + String.format(Locale.ROOT, "%,d", d.trials()) + " simulated futures");
    }

    /** Chart 4: the options' NPV distributions overlaid, with P(NPV &lt; 0). */
    public static JFreeChart npv(ChartData d) {
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
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
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

    /** Chart 5: P(payback within 12 months) as a function of the one-time cost. */
    public static JFreeChart priceCurve(ChartData d) {
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
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
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

    /** Chart 6: the decision-matrix score's distribution with the 15 and 22 boundaries. */
    public static JFreeChart decisionMatrix(ChartData d) {
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

    /** The verdict in words. */
    public static String verdict(String v) {
        return switch (v) {
            case "operate" -> "operate the node";
            case "pilot" -> "improve the node and pilot orchestration";
            case "orchestrate" -> "orchestrate";
            default -> v;
        };
    }

    // ---- helpers ----

    /** A series key that sorts by option and reads as the option's label. */
    private record Key(int index, String text) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            return Integer.compare(index, o.index);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private static Key key(ChartData.OptionView o) {
        return new Key(o.index(), o.label());
    }

    private static String whole(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.0f", x) : "n/a";
    }

    private static String money(ChartData d, double x) {
        return Money.compact(x, d.currency());
    }

    static JFreeChart finish(Plot plot, String title, String subtitle) {
        JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(10, 16, 10, 20));
        TextTitle sub = new TextTitle(subtitle, SUBTITLE);
        sub.setPaint(Palette.DARK);
        sub.setPadding(new RectangleInsets(2, 2, 8, 2));
        chart.addSubtitle(0, sub);
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(LEGEND);
        legend.setFrame(BlockBorder.NONE);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
        for (ValueAxis a : new ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
            a.setLabelFont(AXIS_LABEL);
            a.setTickLabelFont(TICKS);
        }
    }

    static NumberAxis moneyAxis(String label, String currency) {
        NumberAxis a = new NumberAxis(label);
        a.setNumberFormatOverride(MoneyFormat.money(currency));
        a.setAutoRangeIncludesZero(false);
        a.setLabelFont(AXIS_LABEL);
        a.setTickLabelFont(TICKS);
        return a;
    }

    static NumberAxis percentAxis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setNumberFormatOverride(percentFormat());
        a.setLabelFont(AXIS_LABEL);
        a.setTickLabelFont(TICKS);
        return a;
    }

    private static NumberFormat percentFormat() {
        return new DecimalFormat("0.#%", DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    private static XYBarRenderer barRenderer(Paint paint) {
        XYBarRenderer r = new XYBarRenderer(0.08);
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setSeriesPaint(0, paint);
        return r;
    }

    /** Marker labels: the marker font on a translucent white background, so they read over lines. */
    static void label(Marker m) {
        m.setLabelFont(MARKER);
        m.setLabelBackgroundColor(new Color(255, 255, 255, 225));
    }

    /** A filled legend square with a thin outline, so light fills stay visible. */
    static LegendItem boxItem(String label, Paint paint) {
        return new LegendItem(label, null, null, null, new Rectangle2D.Double(-6, -6, 12, 12), paint,
                new BasicStroke(1f), Palette.MID);
    }

    static LegendItem lineItem(String label, Stroke stroke, Paint paint) {
        return new LegendItem(label, null, null, null, new Line2D.Double(-12, 0, 12, 0), stroke, paint);
    }

    private static void addDomainMarker(XYPlot plot, double x, Paint paint, Stroke stroke, String label, int slot,
            List<Double> xs) {
        Marker m = new ValueMarker(x, paint, stroke);
        m.setLabel(label);
        label(m);
        m.setLabelPaint(Palette.DARK);
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        m.setLabelOffset(new RectangleInsets(8 + 21 * slot, 4, 4, 4));
        plot.addDomainMarker(m, Layer.FOREGROUND);
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

    /** A rectangle of the standard chart size, for drawing. */
    static Rectangle2D area(int width, int height) {
        return new Rectangle2D.Double(0, 0, width, height);
    }
}
