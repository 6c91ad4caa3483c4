package dev.payback.analysis;

import dev.payback.engine.BlockObserver;
import dev.payback.engine.Layout;
import dev.payback.engine.OptionColumns;
import dev.payback.engine.TrialColumns;
import dev.payback.engine.TrialEvents;
import dev.payback.sampling.InputSampler;
import dev.payback.scenario.Driver;
import dev.payback.scenario.Pilot;
import dev.payback.scenario.Scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pilot's weighted figures over <em>every</em> trial of a run (docs/model.md section 6), streamed
 * while the run runs ({@link BlockObserver}), so that the effective sample size and every weighted
 * mean, sd and share grow with the trials, not with the retained rows.
 *
 * <p>Per block it computes each trial's log-likelihood {@code log L_i} ({@link PilotUpdate#logLikelihoods},
 * the same function as the retained rows' weights) and, for every series below, the block's
 * {@link WeightedMoments} under two weightings: the prior (every trial weight 1) and the update
 * ({@code exp(log L_i − scale)}). A share is the weighted mean of a 0/1 series. Blocks are folded into
 * the totals strictly in block order (a block that finishes early waits in {@code pending}), so the
 * result is byte-identical for any thread count, and memory holds only the blocks that wait.
 *
 * <p>Series ({@link #moments}): for every strategy o, {@code npv}, {@code paid_12}, {@code paid_bar} (within
 * T* = decision.payback_months), {@code npv_negative},
 * {@code best}; for the status quo {@code best}; for the piloted option every mean and share of its
 * block of summary.json ({@link #overlay}) and the pilot's own series (exception-rate effect, baseline
 * exception rate, projected reduction), and, with an {@code actual_one_time_cost}, its figures at that
 * price. Percentiles are not here: they stay weighted percentiles of the retained rows.
 */
public final class PilotStream implements BlockObserver {
    /** The prior: every trial counts the same. */
    public static final int PRIOR = 0;
    /** The update: trial i weighs its likelihood L_i. */
    public static final int UPDATED = 1;
    /** The status quo's strategy index in {@link #key}. */
    public static final int STATUS_QUO = -1;

    /** One series: a trial's value, or NaN when the trial is outside the series. */
    private interface Series {
        double value(double[][] in, TrialColumns out, int t);
    }

    private final Pilot pilot;
    private final int option;
    private final int eColumn;
    private final int rampColumn;
    private final int last;
    private final double observed;
    private final long trials;
    private final int blocks;
    private final List<Series> series = new ArrayList<>();
    private final Map<String, Integer> index = new LinkedHashMap<>();

    /** Folded so far (blocks 0..next−1). */
    private final WeightedMoments[][] totals;
    private long atOrBelow;
    private double eMin = Double.POSITIVE_INFINITY;
    private double eMax = Double.NEGATIVE_INFINITY;
    private double logLMin = Double.POSITIVE_INFINITY;
    private double logLMax = Double.NEGATIVE_INFINITY;
    private boolean notANumber;
    private long next;
    private final Map<Long, Partial> pending = new HashMap<>();

    /** One block's contribution. */
    private record Partial(WeightedMoments[][] moments, long atOrBelow, double eMin, double eMax, double logLMin,
                           double logLMax, boolean notANumber) {
    }

    /**
     * A stream for a run of {@code s} (trials, seed and options as run) weighted by {@code pilot}, whose
     * option must be one of the scenario's.
     */
    public PilotStream(Scenario s, Pilot pilot) {
        this.pilot = pilot;
        this.option = optionIndex(s, pilot.option());
        Layout layout = Layout.of(s);
        this.eColumn = layout.column(Driver.EXCEPTION_RATE.path());
        this.rampColumn = layout.column("options." + pilot.option() + ".ramp_months");
        this.last = pilot.lastLive().month();
        this.observed = pilot.observedReduction();
        this.trials = s.trials();
        this.blocks = (int) ((trials + InputSampler.BLOCK - 1) / InputSampler.BLOCK);
        int bar = s.paybackMonths();
        int k = option;
        int strategies = s.strategies().size();

        add(key(STATUS_QUO, "best"), (in, out, t) -> indicator(out.best(t) == 0));
        for (int o = 0; o < strategies; o++) {
            int so = o;
            add(key(o, "npv"), (in, out, t) -> out.option(so).npv().get(t));
            add(key(o, "paid_12"), (in, out, t) -> indicator(
                    TrialEvents.paidBackWithin(out.option(so).paybackMonth(t), PilotVerdict.TWELVE)));
            add(key(o, "paid_bar"), (in, out, t) -> indicator(
                    TrialEvents.paidBackWithin(out.option(so).paybackMonth(t), bar)));
            add(key(o, "npv_negative"), (in, out, t) -> indicator(out.option(so).npv().get(t) < 0));
            add(key(o, "best"), (in, out, t) -> indicator(TrialEvents.best(out.best(t), so)));
        }
        add(key(k, "roi"), (in, out, t) -> TrialEvents.roiUndefined(out.option(k).roi().get(t)) ? Double.NaN
                : out.option(k).roi().get(t));
        add(key(k, "first_year_cost"), (in, out, t) -> out.option(k).firstYearCost().get(t));
        for (int j = 0; j < OptionColumns.CHECKPOINTS.size(); j++) {
            int sj = j;
            int month = OptionColumns.CHECKPOINTS.get(j);
            add(key(k, "cumulative_net_" + month), (in, out, t) -> out.option(k).cumulativeNet(sj).get(t));
            add(key(k, "paid_" + month + "_event"), (in, out, t) ->
                    indicator(TrialEvents.paidBackWithin(out.option(k).paybackMonth(t), month)));
        }
        add(key(k, "payback_month"), (in, out, t) -> TrialEvents.paidBack(out.option(k).paybackMonth(t))
                ? out.option(k).paybackMonth(t) : Double.NaN);
        add(key(k, "no_payback"), (in, out, t) -> indicator(!TrialEvents.paidBack(out.option(k).paybackMonth(t))));
        add(key(k, "npv_negative_event"), (in, out, t) -> indicator(TrialEvents.npvNegative(out.option(k).npv().get(t))));
        add(key(k, "pain_exceeds_first_year_cost"), (in, out, t) -> indicator(
                TrialEvents.painExceedsFirstYearCost(out.annualPain().get(t), out.option(k).firstYearCost().get(t))));
        add(key(k, "one_time_cost"), (in, out, t) -> out.option(k).oneTimeCost().get(t));
        add(key(k, "year_one_benefit"), (in, out, t) -> out.option(k).yearOneBenefit().get(t));
        add(key(k, "year_one_benefit_exceeds_first_year_cost"), (in, out, t) -> indicator(
                TrialEvents.yearOneBenefitExceedsFirstYearCost(out.option(k).yearOneBenefit().get(t),
                        out.option(k).firstYearCost().get(t))));
        add(key(k, "exception_effect"), (in, out, t) -> out.option(k).exceptionEffect().get(t));
        add(key(k, "exception_rate"), (in, out, t) -> eColumn == Layout.NONE ? 0 : in[eColumn][t]);
        add(key(k, "projected_reduction"), (in, out, t) ->
                PilotUpdate.adoption(last, rampColumn == Layout.NONE ? 0 : in[rampColumn][t])
                        * out.option(k).exceptionEffect().get(t));
        if (!Double.isNaN(pilot.actualOneTimeCost())) {
            double price = pilot.actualOneTimeCost();
            int oneTime = layout.column("options." + pilot.option() + ".one_time_cost");
            // NPV' = NPV + C − C' (month 0 is not discounted), payback within T ⇔ max_{m≤T}(cum_m + C) ≥ C'
            add(key(k, "npv_at_price"), (in, out, t) -> out.option(k).npv().get(t) + in[oneTime][t] - price);
            add(key(k, "npv_negative_at_price"), (in, out, t) ->
                    indicator(out.option(k).npv().get(t) + in[oneTime][t] - price < 0));
            for (int j = 0; j < OptionColumns.CHECKPOINTS.size(); j++) {
                int sj = j;
                add(key(k, "paid_" + OptionColumns.CHECKPOINTS.get(j) + "_at_price"), (in, out, t) ->
                        indicator(out.option(k).maxCumulativeBeforeOneTime(sj).get(t) >= price));
            }
            add(key(k, "paid_bar_at_price"), (in, out, t) -> indicator(out.option(k).maxCumulativeAtBar().get(t) >= price));
        }
        totals = new WeightedMoments[2][series.size()];
        for (WeightedMoments[] row : totals) {
            Arrays.fill(row, WeightedMoments.EMPTY);
        }
    }

    /** The key of strategy o's series {@code name} ({@link #STATUS_QUO} for the status quo). */
    static String key(int strategy, String name) {
        return (strategy == STATUS_QUO ? "status_quo" : Integer.toString(strategy)) + "." + name;
    }

    private void add(String key, Series s) {
        index.put(key, series.size());
        series.add(s);
    }

    private static double indicator(boolean b) {
        return b ? 1 : 0;
    }

    @Override
    public void block(long b, double[][] in, TrialColumns out, int n) {
        OptionColumns oc = out.option(option);
        double[] e = eColumn == Layout.NONE ? new double[n] : Arrays.copyOf(in[eColumn], n);
        double[] ramp = rampColumn == Layout.NONE ? new double[n] : Arrays.copyOf(in[rampColumn], n);
        double[] effect = oc.exceptionEffect().toArray(n);
        double[] logL = PilotUpdate.logLikelihoods(pilot, e, effect, ramp);
        long below = 0;
        boolean nan = false;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double lmin = Double.POSITIVE_INFINITY;
        double lmax = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < n; t++) {
            if (PilotUpdate.adoption(last, ramp[t]) * effect[t] <= observed) {
                below++;
            }
            lo = Math.min(lo, e[t]);
            hi = Math.max(hi, e[t]);
            lmin = Math.min(lmin, logL[t]);
            lmax = Math.max(lmax, logL[t]);
            nan |= Double.isNaN(logL[t]);
        }
        // each trial's weight relative to the block's most likely trial, once for every series
        double[] v = new double[n];
        double scale = WeightedMoments.weights(logL, n, v);
        double[] one = new double[n];
        Arrays.fill(one, 1);
        WeightedMoments[][] m = new WeightedMoments[2][series.size()];
        double[] x = new double[n];
        for (int s = 0; s < series.size(); s++) {
            Series f = series.get(s);
            for (int t = 0; t < n; t++) {
                x[t] = f.value(in, out, t);
            }
            m[PRIOR][s] = WeightedMoments.of(x, one, 0, n);
            m[UPDATED][s] = WeightedMoments.of(x, v, scale, n);
        }
        fold(b, new Partial(m, below, lo, hi, lmin, lmax, nan));
    }

    /** Folds the blocks that are ready, strictly in block order. */
    private synchronized void fold(long b, Partial p) {
        pending.put(b, p);
        for (Partial q = pending.remove(next); q != null; q = pending.remove(next)) {
            for (int w = 0; w < 2; w++) {
                for (int s = 0; s < series.size(); s++) {
                    totals[w][s] = totals[w][s].merge(q.moments[w][s]);
                }
            }
            atOrBelow += q.atOrBelow;
            eMin = Math.min(eMin, q.eMin);
            eMax = Math.max(eMax, q.eMax);
            logLMin = Math.min(logLMin, q.logLMin);
            logLMax = Math.max(logLMax, q.logLMax);
            notANumber |= q.notANumber;
            next++;
        }
    }

    /** Whether every block of the run has been folded in. */
    public synchronized boolean complete() {
        return next == blocks && pending.isEmpty();
    }

    private void requireComplete() {
        if (!complete()) {
            throw new IllegalStateException("the run has not shown every block to the pilot stream");
        }
    }

    /** The moments of series {@code key} ({@link #key}) under weighting {@link #PRIOR} or {@link #UPDATED}. */
    synchronized WeightedMoments moments(int weighting, String key) {
        requireComplete();
        Integer s = index.get(key);
        if (s == null) {
            throw new IllegalArgumentException("no series " + key);
        }
        return totals[weighting][s];
    }

    /** A weighted share (the weighted mean of a 0/1 series), kept in [0, 1] against rounding. */
    double share(int weighting, String key) {
        return Math.min(1, Math.max(0, moments(weighting, key).weightedMean()));
    }

    /** The piloted option's index in the scenario's options. */
    int option() {
        return option;
    }

    /** Number of trials the stream covers. */
    public long trials() {
        return trials;
    }

    /** The effective sample size {@code (Σ L)² / Σ L²} over every trial. */
    public double effectiveSampleSize() {
        return moments(UPDATED, key(STATUS_QUO, "best")).effectiveSampleSize();
    }

    /** Whether some trial's likelihood is not a number (the pilot is then refused, as from the rows). */
    synchronized boolean anyNotANumber() {
        requireComplete();
        return notANumber;
    }

    /** Whether every trial has the same log-likelihood (the update is then the prior). */
    synchronized boolean allEqual() {
        requireComplete();
        return Double.compare(logLMin, logLMax) == 0;
    }

    /** Trials whose projected reduction at the last live month is at or below the observed one. */
    synchronized long atOrBelow() {
        requireComplete();
        return atOrBelow;
    }

    /** The smallest and largest sampled exception rate over every trial. */
    synchronized double[] exceptionRateRange() {
        requireComplete();
        return new double[] {eMin, eMax};
    }

    /**
     * The piloted option's updated block of summary.json: every mean, sd, min, max and share over every
     * trial from the stream, the percentiles and the max one-time cost quantiles from {@code rows} (the
     * weighted block of the retained rows, {@link OptionFigures#weighted}).
     */
    Summary.OptionSummary overlay(Summary.OptionSummary rows) {
        int k = option;
        int w = UPDATED;
        Map<Integer, Stats> cumulative = new LinkedHashMap<>();
        Map<Integer, Double> payback = new LinkedHashMap<>();
        for (int j = 0; j < OptionColumns.CHECKPOINTS.size(); j++) {
            int month = OptionColumns.CHECKPOINTS.get(j);
            cumulative.put(month, moments(w, key(k, "cumulative_net_" + month)).with(rows.cumulativeNet().get(month)));
            payback.put(month, share(w, key(k, "paid_" + month + "_event")));
        }
        return new Summary.OptionSummary(rows.id(), rows.label(), rows.kind(),
                moments(w, key(k, "npv")).with(rows.npv()),
                rows.roi() == null ? null : moments(w, key(k, "roi")).with(rows.roi()),
                moments(w, key(k, "first_year_cost")).with(rows.firstYearCost()), cumulative, payback,
                moments(w, key(k, "payback_month")).with(rows.paybackMonth()), share(w, key(k, "no_payback")),
                share(w, key(k, "npv_negative_event")), share(w, key(k, "pain_exceeds_first_year_cost")),
                rows.maxOneTimeCost(), rows.paybackConfidence(),
                moments(w, key(k, "one_time_cost")).with(rows.oneTimeCost()), rows.gate(),
                moments(w, key(k, "year_one_benefit")).with(rows.yearOneBenefit()),
                share(w, key(k, "year_one_benefit_exceeds_first_year_cost")), rows.paybackMonths(),
                share(w, key(k, "paid_bar")), rows.maxOneTimeCostAtBar(), rows.scorecardScore());
    }

    private static int optionIndex(Scenario s, String id) {
        for (int k = 0; k < s.options().size(); k++) {
            if (s.options().get(k).id().equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("the scenario has no option " + id);
    }
}
