package dev.payback.report.charts;

import dev.payback.analysis.Analysis;
import dev.payback.analysis.Sensitivity;
import dev.payback.analysis.Stats;
import dev.payback.analysis.Summary;
import dev.payback.engine.MonthlyPaths;
import dev.payback.engine.OptionColumns;
import dev.payback.engine.SimulationResult;
import dev.payback.engine.TrialColumns;
import dev.payback.report.SensitivityText;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the charts draw, computed once from a run and its {@link Summary}: sorted per-trial columns,
 * the monthly fan percentiles and the money markers. The charts read only this, never the scenario.
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
    public static final int[] CHECKPOINTS = OptionColumns.CHECKPOINTS;
    public static final String[] CHECKPOINT_NAMES = java.util.Arrays.stream(dev.payback.engine.Checkpoint.values())
            .map(dev.payback.engine.Checkpoint::label).toArray(String[]::new);

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
            int lo = 0;
            int hi = maxBeforeOneTime12.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (maxBeforeOneTime12[mid] < c) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return (double) (maxBeforeOneTime12.length - lo) / maxBeforeOneTime12.length;
        }
    }

    /**
     * Percentiles of cum_m by month m = 0..H over the trials whose paths were kept
     * ({@link MonthlyPaths}); month 0 is −C.
     */
    public record Fan(int keptTrials, double[] p10, double[] p25, double[] p50, double[] p75, double[] p90) {
        public int months() {
            return p50.length - 1;
        }
    }

    /** Computes the chart data of a run. */
    public static ChartData of(SimulationResult r, Summary s) {
        TrialColumns c = r.columns();
        int n = c.rows();
        double[] pain = Stats.sortedCopy(c.annualPain);

        double[] perFte = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            double fte = c.painFte[i];
            if (fte > 0 && Double.isFinite(fte) && Double.isFinite(c.annualPain[i])) {
                perFte[k++] = c.annualPain[i] / fte;
            }
        }
        double fteMoney = k == 0 ? Double.NaN : Stats.quantile(Stats.sortedCopy(Arrays.copyOf(perFte, k)), 0.5);

        double[] scoreShare = new double[SCORE_MAX - SCORE_MIN + 1];
        for (int i = 0; i < n; i++) {
            int sc = Math.max(SCORE_MIN, Math.min(SCORE_MAX, c.score[i]));
            scoreShare[sc - SCORE_MIN]++;
        }
        for (int j = 0; j < scoreShare.length; j++) {
            scoreShare[j] /= n;
        }

        Sensitivity sens = s.sensitivity();
        List<OptionView> views = new ArrayList<>();
        for (int o = 0; o < s.options().size(); o++) {
            Summary.OptionSummary os = s.options().get(o);
            OptionColumns oc = c.options[o];
            double[] pp = new double[CHECKPOINTS.length];
            for (int j = 0; j < CHECKPOINTS.length; j++) {
                pp[j] = os.paybackProbability().get(CHECKPOINTS[j]);
            }
            views.add(new OptionView(os.id(), os.label(), o, os.firstYearCost().p50(),
                    os.pPainExceedsFirstYearCost(), pp, Stats.sortedCopy(oc.npv), os.pNpvNegative(),
                    Stats.sortedCopy(oc.maxCumulativeBeforeOneTime[2]), os.oneTimeCost().p50(),
                    os.maxOneTimeCost().get(12), fan(r, o), os.npv().mean(),
                    sens == null ? List.of() : sens.forOption(os.id())));
        }
        return new ChartData(s.scenario(), s.currency(), s.trials(), s.horizonMonths(),
                s.options().get(0).paybackConfidence(), pain, s.revenue().p50(), fteMoney, scoreShare,
                s.decision(), List.copyOf(views), sens == null ? Double.NaN : sens.evpi(),
                sens == null ? List.of() : sens.evppi(), SensitivityText.measureThreshold(s), sens != null, n, s);
    }

    private static Fan fan(SimulationResult r, int option) {
        MonthlyPaths paths = r.paths();
        int h = paths.horizon();
        double[][] q = new double[5][h + 1];
        double[] levels = {0.10, 0.25, 0.50, 0.75, 0.90};
        // month 0 is −C: its distribution is that of the one-time cost over the retained trials (the
        // retained rows and the kept paths are different subsamples once a run exceeds either cap)
        double[] oneTime = r.columns().options[option].oneTimeCost;
        double[] start = new double[oneTime.length];
        for (int t = 0; t < start.length; t++) {
            start[t] = -oneTime[t];
        }
        // each month fills only its own slots (deterministic in any schedule); the five percentiles
        // need a selection, not a full sort
        java.util.stream.IntStream.rangeClosed(0, h).parallel().forEach(m ->
                fill(q, m, dev.payback.analysis.OrderStatistics.quantiles(m == 0 ? start : paths.month(option, m),
                        levels)));
        return new Fan(paths.kept(), q[0], q[1], q[2], q[3], q[4]);
    }

    private static void fill(double[][] q, int month, double[] quantiles) {
        for (int j = 0; j < quantiles.length; j++) {
            q[j][month] = quantiles[j];
        }
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
