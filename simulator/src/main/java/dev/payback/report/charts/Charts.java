package dev.payback.report.charts;

import dev.payback.analysis.Summary;
import org.jfree.chart.JFreeChart;

import java.util.ArrayList;
import java.util.List;

/**
 * The charts of the business case, in report order, each with the name of its files, its heading,
 * its caption and its report section. Each chart is drawn by its own class in this package
 * (built with JFreeChart from {@link ChartData}, styled by {@link ChartStyle}); one colour per
 * option ({@link Palette}) in every chart; money in the scenario's currency.
 */
public final class Charts {
    private Charts() {
    }

    /** The report sections a chart belongs to. */
    public static final String SECTION_CHARTS = "charts";
    public static final String SECTION_DRIVERS = "drivers";
    public static final String SECTION_MEASURE = "measure";
    /** The report's "Pilot first?" section (docs/model.md section 7). */
    public static final String SECTION_PILOT = "pilot";

    /**
     * A chart with the name of its files, the words the report shows with it and the report section
     * it goes into ({@link #SECTION_CHARTS}, {@link #SECTION_DRIVERS} or {@link #SECTION_MEASURE}).
     */
    public record ChartSpec(String file, String heading, String caption, JFreeChart chart, String section) {
        public ChartSpec(String file, String heading, String caption, JFreeChart chart) {
            this(file, heading, caption, chart, SECTION_CHARTS);
        }
    }

    /** Every chart of a run, in report order: pain vs cost, one fan per option, then the rest. */
    public static List<ChartSpec> all(ChartData d) {
        List<ChartSpec> specs = new ArrayList<>();
        specs.add(new ChartSpec("pain-vs-cost", "Annualized pain vs cost",
                "How much doing nothing costs in a year, across the simulated futures, against each option's median "
                        + "first-year cost and the framework's thresholds (1.5% and 3% of revenue, 1 and 2 full-time "
                        + "equivalents). Pain to the right of an option's line pays for that option within the year.",
                PainVsCostChart.chart(d)));
        for (ChartData.OptionView o : d.options()) {
            specs.add(new ChartSpec("payback-fan-" + o.id(), "Payback fan: " + o.id(),
                    "Cumulative net cash position of " + o.id() + " month by month: the median future, the middle "
                            + "half of futures (P25–P75) and 80% of futures (P10–P90). Payback is where the "
                            + "position crosses zero.",
                    FanChart.chart(d, o)));
        }
        specs.add(new ChartSpec("payback-probability", "Payback probability",
                "The share of futures in which each option has paid back its one-time cost within 90 days, 6 months "
                        + "and 12 months, against the confidence the scenario asks for.",
                PaybackProbabilityChart.chart(d)));
        specs.add(new ChartSpec("npv", "NPV distribution",
                "Net present value over the horizon for each option across the simulated futures; left of zero the "
                        + "option loses money compared with doing nothing.",
                NpvChart.chart(d)));
        specs.add(new ChartSpec("price-curve", "Price curve",
                "The probability of payback within 12 months as a function of the one-time cost (the price you "
                        + "negotiate). Where a curve crosses the confidence line is the most you can pay; the "
                        + "dashed lines mark the quote's median.",
                PriceCurveChart.chart(d)));
        specs.add(new ChartSpec("decision-matrix", "Decision matrix",
                "The framework's decision-matrix score (six categories scored 1–5) across the futures: below 15 operate "
                        + "the node, 15 to 22 improve the node and pilot orchestration, above 22 orchestrate.",
                DecisionMatrixChart.chart(d)));
        if (d.hasSensitivity()) {
            for (ChartData.OptionView o : d.options()) {
                specs.add(new ChartSpec("tornado-" + o.id(), "What drives " + o.id() + "'s NPV",
                        "For each uncertain input (at most " + TornadoChart.TORNADO_INPUTS
                                + ", largest swing first), the mean NPV of " + o.id() + " over the futures in which "
                                + "the input is in its lowest tenth "
                                + "(light bar) and in its highest tenth (dark bar), around the option's mean NPV. "
                                + "Inputs correlated with the one on a row move with it.",
                        TornadoChart.chart(d, o), SECTION_DRIVERS));
            }
            specs.add(new ChartSpec("evppi", "Value of information per input",
                    "The expected value of perfect information about each input (EVPPI): how much expected NPV "
                            + "knowing that input exactly before deciding would add. The dashed line is the value "
                            + "of knowing every input (EVPI); an input is worth measuring when its bar passes the "
                            + "dotted line and the measurement costs less than the bar.",
                    EvppiChart.chart(d), SECTION_MEASURE));
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
                            + "with doing nothing.", NpvChart.chart(pair), SECTION_PILOT));
        }
        return specs;
    }

    /** Chart 3, for other packages (compare.html): grouped bars of the payback probabilities. */
    public static JFreeChart paybackProbability(ChartData d) {
        return PaybackProbabilityChart.chart(d);
    }

    /** Chart 4, for other packages (compare.html): the options' NPV distributions overlaid. */
    public static JFreeChart npv(ChartData d) {
        return NpvChart.chart(d);
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
}
