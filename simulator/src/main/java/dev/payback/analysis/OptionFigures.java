package dev.payback.analysis;

import dev.payback.engine.OptionColumns;
import dev.payback.engine.RunStats;
import dev.payback.engine.SimulationResult;
import dev.payback.engine.TrialColumns;
import dev.payback.engine.TrialEvents;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.Strategy;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one builder of an option's block of summary.json (docs/model.md section 5, {@code options.<id>}),
 * in two forms that share every definition:
 * <ul>
 *   <li>{@link #exact}: every trial counts the same. Probabilities, means, sd, min and max are the
 *       exact streamed statistics over all trials ({@link RunStats}); percentiles and the max
 *       one-time cost quantiles come from the retained rows. This is what {@code simulate} reports
 *       and what the pilot comparison shows as the prior.</li>
 *   <li>{@link #weighted}: every retained row carries a weight (the pilot's likelihood), and every
 *       share, mean and percentile is weighted ({@link Weighted}).</li>
 * </ul>
 * The events counted (paid back within T, no payback, NPV &lt; 0, pain exceeds first-year cost, best)
 * are the tests of {@link TrialEvents}, used by the engine's counts and by the weighted shares alike;
 * ROI is null in both forms when some trial of the run (any trial, not only a retained one) has a
 * total cost of 0.
 */
final class OptionFigures {
    private OptionFigures() {
    }

    /** Strategy k's figures with every trial counting the same (exact over all trials where streamed). */
    static Summary.OptionSummary exact(SimulationResult r, int k) {
        return exact(r, k, null);
    }

    /**
     * Strategy k's figures (an option, or a staged rollout with its {@code gate}) with every trial
     * counting the same.
     */
    static Summary.OptionSummary exact(SimulationResult r, int k, Summary.Gate gate) {
        Scenario s = r.scenario();
        Strategy spec = s.strategies().get(k);
        OptionColumns oc = r.columns().option(k);
        RunStats rs = r.stats();
        long n = rs.trials();
        Map<Integer, Stats> cumulative = new LinkedHashMap<>();
        Map<Integer, Double> payback = new LinkedHashMap<>();
        Map<Integer, Double> maxOneTime = new LinkedHashMap<>();
        double q = s.paybackConfidence();
        for (int j = 0; j < OptionColumns.CHECKPOINTS.size(); j++) {
            int month = OptionColumns.CHECKPOINTS.get(j);
            cumulative.put(month, stats(rs.option(k, RunStats.CUMULATIVE + j), oc.cumulativeNet(j).toArray()));
            payback.put(month, (double) rs.optionCount(k, RunStats.PAID_3 + j) / n);
            // The largest C that pays back within T in at least a share q of trials: the (1−q)
            // quantile of max_{m≤T}(cum_m + C).
            maxOneTime.put(month, OrderStatistics.quantiles(oc.maxCumulativeBeforeOneTime(j).toArray(), 1 - q)[0]);
        }
        int rows = oc.npv().size();
        boolean[] paid = new boolean[rows];
        double[] month = new double[rows];
        for (int i = 0; i < rows; i++) {
            paid[i] = TrialEvents.paidBack(oc.paybackMonth(i));
            month[i] = oc.paybackMonth(i);
        }
        Stats paybackMonth = kept(rs.option(k, RunStats.PAYBACK_MONTH), month, paid);
        return new Summary.OptionSummary(spec.id(), spec.label(), kind(spec),
                stats(rs.option(k, RunStats.NPV), oc.npv().toArray()),
                roiNull(r, k) ? null : stats(rs.option(k, RunStats.ROI), oc.roi().toArray()),
                stats(rs.option(k, RunStats.FIRST_YEAR_COST), oc.firstYearCost().toArray()), cumulative,
                payback, paybackMonth, (double) rs.optionCount(k, RunStats.NO_PAYBACK) / n,
                (double) rs.optionCount(k, RunStats.NPV_NEGATIVE) / n,
                (double) rs.optionCount(k, RunStats.PAIN_EXCEEDS_FIRST_YEAR_COST) / n, maxOneTime, q,
                stats(rs.option(k, RunStats.ONE_TIME_COST), oc.oneTimeCost().toArray()), gate,
                Stats.of(oc.yearOneBenefit().toArray()),
                (double) rs.optionCount(k, RunStats.YEAR_ONE_BENEFIT_EXCEEDS_FIRST_YEAR_COST) / n,
                s.paybackMonths(), (double) rs.optionCount(k, RunStats.PAID_BAR) / n,
                OrderStatistics.quantiles(oc.maxCumulativeAtBar().toArray(), 1 - q)[0],
                // a staged strategy is the same vendor as its twin: the twin's scorecard
                s.scorecardWeights().score(spec.option().scorecard()));
    }

    /** P(best) of option k over all trials (exact). */
    static double exactPBest(SimulationResult r, int k) {
        return (double) r.stats().best(k + 1) / r.stats().trials();
    }

    /** Option k's figures with retained row i weighted by {@code w[i]} (weights need not sum to 1). */
    static Summary.OptionSummary weighted(SimulationResult r, int k, double[] w) {
        Scenario s = r.scenario();
        Strategy spec = s.strategies().get(k);
        TrialColumns c = r.columns();
        OptionColumns oc = c.option(k);
        int n = w.length;
        Map<Integer, Stats> cumulative = new LinkedHashMap<>();
        Map<Integer, Double> payback = new LinkedHashMap<>();
        Map<Integer, Double> maxOneTime = new LinkedHashMap<>();
        double q = s.paybackConfidence();
        boolean[] hit = new boolean[n];
        for (int j = 0; j < OptionColumns.CHECKPOINTS.size(); j++) {
            int month = OptionColumns.CHECKPOINTS.get(j);
            cumulative.put(month, Weighted.stats(oc.cumulativeNet(j).toArray(), w));
            for (int i = 0; i < n; i++) {
                hit[i] = TrialEvents.paidBackWithin(oc.paybackMonth(i), month);
            }
            payback.put(month, Weighted.share(hit, w));
            // docs/model.md section 2: the (1−q) quantile of max_{m≤T}(cum_m + C), here weighted.
            maxOneTime.put(month, Weighted.quantile(oc.maxCumulativeBeforeOneTime(j).toArray(), w, 1 - q));
        }
        boolean[] paid = new boolean[n];
        boolean[] none = new boolean[n];
        boolean[] negative = new boolean[n];
        boolean[] painExceeds = new boolean[n];
        boolean[] yearOneExceeds = new boolean[n];
        boolean[] paidAtBar = new boolean[n];
        double[] month = new double[n];
        for (int i = 0; i < n; i++) {
            paid[i] = TrialEvents.paidBack(oc.paybackMonth(i));
            none[i] = !paid[i];
            month[i] = oc.paybackMonth(i);
            negative[i] = TrialEvents.npvNegative(oc.npv().get(i));
            painExceeds[i] = TrialEvents.painExceedsFirstYearCost(c.annualPain().get(i), oc.firstYearCost().get(i));
            yearOneExceeds[i] = TrialEvents.yearOneBenefitExceedsFirstYearCost(oc.yearOneBenefit().get(i), oc.firstYearCost().get(i));
            paidAtBar[i] = TrialEvents.paidBackWithin(oc.paybackMonth(i), s.paybackMonths());
        }
        return new Summary.OptionSummary(spec.id(), spec.label(), kind(spec), Weighted.stats(oc.npv().toArray(), w),
                roiNull(r, k) ? null : Weighted.stats(oc.roi().toArray(), w), Weighted.stats(oc.firstYearCost().toArray(), w), cumulative,
                payback, Weighted.stats(month, w, paid), Weighted.share(none, w), Weighted.share(negative, w),
                Weighted.share(painExceeds, w), maxOneTime, q, Weighted.stats(oc.oneTimeCost().toArray(), w), null,
                Weighted.stats(oc.yearOneBenefit().toArray(), w), Weighted.share(yearOneExceeds, w), s.paybackMonths(),
                Weighted.share(paidAtBar, w), Weighted.quantile(oc.maxCumulativeAtBar().toArray(), w, 1 - q),
                s.scorecardWeights().score(spec.option().scorecard()));
    }

    /** Weighted P(best) of option k over the retained rows. */
    static double weightedPBest(SimulationResult r, int k, double[] w) {
        TrialColumns c = r.columns();
        boolean[] hit = new boolean[w.length];
        for (int i = 0; i < hit.length; i++) {
            hit[i] = TrialEvents.best(c.best(i), k);
        }
        return Weighted.share(hit, w);
    }

    /** "roi": null when some trial's total cost is 0 (docs/model.md section 2), counted over every trial. */
    static boolean roiNull(SimulationResult r, int k) {
        return r.stats().optionCount(k, RunStats.ROI_UNDEFINED) > 0;
    }

    /** Exact moments over all trials, percentiles over the retained values. */
    static Stats stats(RunStats.Moments m, double[] retained) {
        return Stats.ofSample(m.n(), m.mean(), m.sd(), m.min(), m.max(), retained);
    }

    /**
     * Exact moments over all trials ({@code m}: n, mean, sd, min, max), percentiles over the retained
     * values whose {@code keep} is true, found by {@link OrderStatistics} (the values a sort gives, without
     * one); when {@code m} counts no trial, the statistics of those kept values alone.
     */
    static Stats kept(RunStats.Moments m, double[] values, boolean[] keep) {
        if (m.n() == 0) {
            return Stats.of(values, keep);
        }
        double[] q = OrderStatistics.quantiles(Stats.kept(values, keep), Stats.LEVELS);
        return new Stats(m.n(), m.mean(), m.sd(), q[0], q[1], q[2], q[3], q[4], q[5], q[6], m.min(), m.max());
    }

    private static String kind(Strategy spec) {
        return spec.kind().name().toLowerCase(Locale.ROOT);
    }
}
