package dev.payback.report.charts;

import dev.payback.analysis.Analysis;
import dev.payback.analysis.Distributions;
import dev.payback.analysis.Fan;
import dev.payback.analysis.PathPercentiles;
import dev.payback.analysis.Sensitivity;
import dev.payback.analysis.Summary;
import dev.payback.engine.OptionColumns;
import dev.payback.engine.SimulationResult;
import dev.payback.report.SensitivityText;

import java.awt.Color;
import java.util.List;

/**
 * What the charts draw, gathered once from a run and its {@link Summary}: the sorted per-trial columns
 * and shares of {@link Distributions}, the monthly {@link Fan} percentiles and the money markers. The
 * charts read only this, never the scenario.
 *
 * @param scenario        the scenario's name (shown as each chart's subtitle)
 * @param currency        the scenario's currency
 * @param trials          number of trials run (every simulated future)
 * @param horizonMonths   H
 * @param confidence      the scenario's payback confidence q
 * @param annualPain      annualized pain P of every trial, sorted ascending
 * @param revenueMedian   median year-one revenue
 * @param fteMoney        money equivalent of one FTE: median over trials of P / pain_fte (wage · hours)
 * @param scoreShare      share of trials with each decision-matrix score, index 0 = score 6 .. 24 = score 30
 * @param decision        the decision matrix's summary (verdict probabilities)
 * @param options         one view per option, scenario order
 * @param evpi            the expected value of perfect information (NaN without sensitivity)
 * @param evppi           EVPPI per input, largest first (empty without sensitivity)
 * @param measureThreshold the EVPPI above which an input is worth measuring ({@link SensitivityText})
 * @param hasSensitivity  whether the summary carries sensitivity and value of information
 * @param retainedTrials  how many trials keep their per-trial values (the histograms' trials): all of
 *                        them up to the retention cap, a pseudo-random subset beyond it
 * @param summary         the run's summary (KPI checkpoints and vendor scores, {@link TrackingCharts})
 */
public record ChartData(
        String scenario,
        String currency,
        int trials,
        int horizonMonths,
        double confidence,
        double[] annualPain,
        double revenueMedian,
        double fteMoney,
        double[] scoreShare,
        Summary.Decision decision,
        List<OptionView> options,
        double evpi,
        List<Sensitivity.Evppi> evppi,
        double measureThreshold,
        boolean hasSensitivity,
        int retainedTrials,
        Summary summary) {

    /** Lowest and highest decision-matrix score. */
    public static final int SCORE_MIN = 6;
    public static final int SCORE_MAX = 30;
    /** The checkpoint months of the payback probabilities, with their names. */
    public static final List<Integer> CHECKPOINTS = OptionColumns.CHECKPOINTS;
    public static final List<String> CHECKPOINT_NAMES = java.util.Arrays.stream(dev.payback.engine.Checkpoint.values())
            .map(dev.payback.engine.Checkpoint::label).toList();

    /**
     * One option as the charts see it.
     *
     * @param index              position in the scenario (fixes its colour)
     * @param firstYearCostMedian median first-year cost
     * @param pPainExceeds       P(annualized pain &gt; first-year cost)
     * @param paybackProbability P(payback ≤ 3, 6, 12 months), in {@link #CHECKPOINTS} order
     * @param npv                NPV of every trial, sorted ascending
     * @param pNpvNegative       P(NPV &lt; 0)
     * @param maxBeforeOneTime12 max_{m≤12}(cum_m + C) of every trial, sorted ascending
     * @param quoteMedian        median of the sampled one-time cost (the quote)
     * @param maxOneTimeCost12   the largest one-time cost that pays back within 12 months at confidence q
     * @param fan                monthly percentiles of the cumulative net position
     * @param npvMean            mean NPV
     * @param sensitivity        the option's inputs, largest tornado swing first (empty without sensitivity)
     */
    public record OptionView(
            String id,
            String label,
            int index,
            double firstYearCostMedian,
            double pPainExceeds,
            double[] paybackProbability,
            double[] npv,
            double pNpvNegative,
            double[] maxBeforeOneTime12,
            double quoteMedian,
            double maxOneTimeCost12,
            Fan fan,
            double npvMean,
            List<Sensitivity.Entry> sensitivity) {

        public Color colour() {
            return Palette.option(index);
        }

        /**
         * The price curve: P(payback within 12 months | one-time cost c), the share of trials with
         * max_{m≤12}(cum_m + C) ≥ c (the empirical survival function).
         */
        public double paybackWithin12At(double c) {
            return Distributions.shareAtLeast(maxBeforeOneTime12, c);
        }
    }

    /** Computes the chart data of a run (which must still hold its monthly paths). */
    public static ChartData of(SimulationResult r, Summary s) {
        return of(r, s, PathPercentiles.of(r));
    }

    /** Computes the chart data of a run, its fans from the percentiles of the run's monthly paths. */
    public static ChartData of(SimulationResult r, Summary s, PathPercentiles paths) {
        int n = r.columns().rows();
        double[] pain = Distributions.sortedAnnualPain(r);
        double fteMoney = Distributions.fteMoney(r);
        double[] scoreShare = Distributions.scoreShares(r, SCORE_MIN, SCORE_MAX);

        Sensitivity sens = s.sensitivity();
        // one option per task, views in option order (independent of scheduling)
        List<OptionView> views = java.util.stream.IntStream.range(0, s.options().size()).parallel().mapToObj(o -> {
            Summary.OptionSummary os = s.options().get(o);
            double[] pp = new double[CHECKPOINTS.size()];
            for (int j = 0; j < CHECKPOINTS.size(); j++) {
                pp[j] = os.paybackProbability().get(CHECKPOINTS.get(j));
            }
            return new OptionView(os.id(), os.label(), o, os.firstYearCost().p50(),
                    os.pPainExceedsFirstYearCost(), pp, Distributions.sortedNpv(r, o), os.pNpvNegative(),
                    Distributions.sortedMaxBeforeOneTime12(r, o), os.oneTimeCost().p50(),
                    os.maxOneTimeCost().get(12), Fan.of(r, paths, o), os.npv().mean(),
                    sens == null ? List.of() : sens.forOption(os.id()));
        }).toList();
        return new ChartData(s.scenario(), s.currency(), s.trials(), s.horizonMonths(),
                s.options().get(0).paybackConfidence(), pain, s.revenue().p50(), fteMoney, scoreShare,
                s.decision(), List.copyOf(views), sens == null ? Double.NaN : sens.evpi(),
                sens == null ? List.of() : sens.evppi(), SensitivityText.measureThreshold(s), sens != null, n, s);
    }

    /** The decision-matrix boundary below which the verdict is "operate" (15). */
    public static int pilotFrom() {
        return Analysis.PILOT_FROM;
    }

    /** The decision-matrix boundary above which the verdict is "orchestrate" (22). */
    public static int orchestrateAbove() {
        return Analysis.ORCHESTRATE_ABOVE;
    }
}
