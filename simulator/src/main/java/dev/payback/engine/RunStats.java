package dev.payback.engine;

import dev.payback.scenario.Driver;

/**
 * Exact statistics over <em>every</em> trial of a run, streamed block by block so that memory does
 * not grow with the number of trials: counts for every probability of summary.json, and the
 * moments (n, mean, sum of squared deviations, min, max) of every STATS series.
 *
 * <p><b>Determinism.</b> Counts, minima and maxima do not depend on the order of work. Means and
 * squared deviations are computed per block of {@link dev.payback.sampling.InputSampler#BLOCK}
 * trials (two passes over the block), stored by block index, and merged in block order with the
 * pairwise update of Chan, Golub and LeVeque after the run, so the result is identical for any
 * number of threads.
 *
 * <p>Percentiles are not here: they come from the retained trials of
 * {@link SimulationResult#columns()} (all trials up to the retention cap, see {@link Engine.Options}).
 */
public final class RunStats {
    /** Series of the status quo and the decision score. */
    public static final int PAIN = 0;
    public static final int REVENUE = 1;
    public static final int PAIN_SHARE = 2;
    public static final int PAIN_FTE = 3;
    public static final int SCORE = 4;
    private static final int GLOBAL_SERIES = 5;

    /** Per-option series, at {@link #option(int, int)}. */
    public static final int NPV = 0;
    /** ROI over the trials where it is defined (the denominator is not 0). */
    public static final int ROI = 1;
    public static final int FIRST_YEAR_COST = 2;
    /** cum_3, cum_6, cum_12: CUMULATIVE + checkpoint index. */
    public static final int CUMULATIVE = 3;
    /** Payback month over the trials that pay back within the horizon. */
    public static final int PAYBACK_MONTH = 6;
    /** The sampled one-time cost. */
    public static final int ONE_TIME_COST = 7;
    private static final int OPTION_SERIES = 8;
    /** KPI series per strategy (status quo, then each option): one per checkpoint and KPI, docs/model.md section 8. */
    private static final int KPI_SERIES = Kpis.MONTHS.length * Kpis.COUNT;

    /** Counts (of trials) of the thresholds of docs/model.md section 3 and section 4's verdict bands. */
    public static final int SHARE_GE_1_5PCT = 0;
    public static final int SHARE_GE_3PCT = 1;
    public static final int SHARE_GE_5PCT = 2;
    public static final int FTE_GE_1 = 3;
    public static final int FTE_GE_2 = 4;
    public static final int EXCEPTION_GE_10PCT = 5;
    public static final int EXCEPTION_GE_15PCT = 6;
    public static final int ACCURACY_LT_95PCT = 7;
    public static final int RECONCILIATION_GE_4H = 8;
    /** Decision score &lt; 15 (operate) and &gt; 22 (orchestrate). */
    public static final int SCORE_OPERATE = 9;
    public static final int SCORE_ORCHESTRATE = 10;
    private static final int GLOBAL_COUNTS = 11;

    /** Per-option counts, at {@link #optionCount(int, int)}: paid back within 3, 6, 12 months. */
    public static final int PAID_3 = 0;
    public static final int PAID_6 = 1;
    public static final int PAID_12 = 2;
    public static final int NO_PAYBACK = 3;
    public static final int NPV_NEGATIVE = 4;
    public static final int PAIN_EXCEEDS_FIRST_YEAR_COST = 5;
    /** Trials whose ROI is undefined (total cost 0). */
    public static final int ROI_UNDEFINED = 6;
    /** Year-one benefit Σ_{m≤12} a_m·benefit_m above the first-year cost. */
    public static final int YEAR_ONE_BENEFIT_EXCEEDS_FIRST_YEAR_COST = 7;
    /** Paid back within the payback bar T* (decision.payback_months). */
    public static final int PAID_BAR = 8;
    private static final int OPTION_COUNTS = 9;

    /** Per staged strategy series, at {@link #gate(int, int)}: the observed reduction over trials with a gate. */
    public static final int OBSERVED_REDUCTION = 0;
    /** NPV_staged − NPV_big bang, over all trials. */
    public static final int VALUE_OF_STAGING = 1;
    private static final int GATE_SERIES = 2;
    /** Per staged strategy counts, at {@link #gateCount(int, int)}: go; go while the big bang's NPV &lt; 0; stop while it is &gt; 0. */
    public static final int GO = 0;
    public static final int FALSE_GO = 1;
    public static final int FALSE_STOP = 2;
    /** Trials whose gate falls outside the horizon. */
    public static final int NO_GATE = 3;
    private static final int GATE_COUNTS = 4;

    /** Moments of one series over all trials. {@code m2} is Σ (x − mean)². */
    public record Moments(long n, double mean, double m2, double min, double max) {
        /** The sample standard deviation (n − 1), NaN below two trials. */
        public double sd() {
            return n < 2 ? Double.NaN : Math.sqrt(m2 / (n - 1));
        }
    }

    private final Layout layout;
    private final int optionCount;
    private final int stagedCount;
    private final int series;
    private final long trials;
    /** [block][series] partial n, mean and m2, merged after the run. */
    private final long[] blockN;
    private final double[] blockMean;
    private final double[] blockM2;
    private final int blocks;
    private Moments[] merged;
    private final long[] counts;
    private final long[] best;
    private final double[] min;
    private final double[] max;

    /** The payback bar T* in months (decision.payback_months), for {@link #PAID_BAR}. */
    private final int bar;

    RunStats(Layout layout, int optionCount, long trials, int blocks) {
        this(layout, optionCount, trials, blocks, 12);
    }

    RunStats(Layout layout, int optionCount, long trials, int blocks, int bar) {
        this.bar = bar;
        this.layout = layout;
        this.optionCount = optionCount;
        this.stagedCount = layout.staged.length;
        this.series = GLOBAL_SERIES + OPTION_SERIES * optionCount + GATE_SERIES * stagedCount
                + KPI_SERIES * (optionCount + 1);
        this.trials = trials;
        this.blocks = blocks;
        this.blockN = new long[blocks * series];
        this.blockMean = new double[blocks * series];
        this.blockM2 = new double[blocks * series];
        this.counts = new long[GLOBAL_COUNTS + OPTION_COUNTS * optionCount + GATE_COUNTS * stagedCount];
        this.best = new long[optionCount + 1];
        this.min = new double[series];
        this.max = new double[series];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
    }

    /** Number of trials run. */
    public long trials() {
        return trials;
    }

    /** Moments of a global series ({@link #PAIN} .. {@link #SCORE}). */
    public Moments moments(int s) {
        return merged()[s];
    }

    /** Moments of option k's series ({@link #NPV} .. {@link #ONE_TIME_COST}). */
    public Moments option(int k, int s) {
        return merged()[GLOBAL_SERIES + OPTION_SERIES * k + s];
    }

    /**
     * Moments of a KPI ({@link Kpis}) at checkpoint index {@code checkpoint} of a strategy: 0 is the
     * status quo, k + 1 option k.
     */
    public Moments kpi(int strategy, int checkpoint, int kpi) {
        return merged()[kpiSeries(strategy, checkpoint, kpi)];
    }

    private int kpiSeries(int strategy, int checkpoint, int kpi) {
        return GLOBAL_SERIES + OPTION_SERIES * optionCount + GATE_SERIES * stagedCount + KPI_SERIES * strategy
                + Kpis.COUNT * checkpoint + kpi;
    }

    /** A global count ({@link #SHARE_GE_1_5PCT} .. {@link #SCORE_ORCHESTRATE}). */
    public long count(int c) {
        return counts[c];
    }

    /** Option k's count ({@link #PAID_3} .. {@link #ROI_UNDEFINED}). */
    public long optionCount(int k, int c) {
        return counts[GLOBAL_COUNTS + OPTION_COUNTS * k + c];
    }

    /** Moments of staged strategy j's gate series ({@link #OBSERVED_REDUCTION}, {@link #VALUE_OF_STAGING}). */
    public Moments gate(int j, int s) {
        return merged()[GLOBAL_SERIES + OPTION_SERIES * optionCount + GATE_SERIES * j + s];
    }

    /** Staged strategy j's gate count ({@link #GO} .. {@link #NO_GATE}). */
    public long gateCount(int j, int c) {
        return counts[GLOBAL_COUNTS + OPTION_COUNTS * optionCount + GATE_COUNTS * j + c];
    }

    /** Trials in which the status quo (0) or option k−1 (k ≥ 1) has the highest NPV. */
    public long best(int k) {
        return best[k];
    }

    private synchronized Moments[] merged() {
        if (merged == null) {
            Moments[] m = new Moments[series];
            for (int s = 0; s < series; s++) {
                m[s] = merge(s, series, blocks, blockN, blockMean, blockM2, min[s], max[s]);
            }
            merged = m;
        }
        return merged;
    }

    /**
     * Series s of per-block partial moments ([block][series] arrays), merged in block order with the
     * pairwise update of Chan, Golub and LeVeque: the one merge every streamed statistic uses, so
     * the same data give the same doubles wherever they are merged.
     */
    static Moments merge(int s, int series, int blocks, long[] blockN, double[] blockMean, double[] blockM2,
            double min, double max) {
        long n = 0;
        double mean = 0;
        double m2 = 0;
        for (int b = 0; b < blocks; b++) {
            int at = b * series + s;
            long nb = blockN[at];
            if (nb == 0) {
                continue;
            }
            if (n == 0) {
                n = nb;
                mean = blockMean[at];
                m2 = blockM2[at];
                continue;
            }
            long total = n + nb;
            double delta = blockMean[at] - mean;
            mean += delta * nb / total;
            m2 += blockM2[at] + delta * delta * ((double) n * nb / total);
            n = total;
        }
        return n == 0 ? new Moments(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN)
                : new Moments(n, mean, m2, min, max);
    }

    /** One worker's accumulator: counts, minima and maxima of its own, block moments into the shared arrays. */
    final class Collector {
        private final long[] c = new long[counts.length];
        private final long[] bestCount = new long[optionCount + 1];
        private final double[] lo = new double[series];
        private final double[] hi = new double[series];
        private final double[] values = new double[dev.payback.sampling.InputSampler.BLOCK];

        Collector() {
            java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        }

        /** Adds trials 0..n−1 of block b (outputs in {@code out}, inputs in {@code in}). */
        void add(int b, double[][] in, TrialColumns out, int n) {
            moments(b, PAIN, out.annualPain, n);
            moments(b, REVENUE, out.revenue, n);
            moments(b, PAIN_SHARE, out.painShare, n);
            moments(b, PAIN_FTE, out.painFte, n);
            double[] v = values;
            for (int t = 0; t < n; t++) {
                v[t] = out.score[t];
            }
            moments(b, SCORE, v, n);

            int exc = layout.driver[Driver.EXCEPTION_RATE.ordinal()];
            int recon = layout.driver[Driver.RECONCILIATION_HOURS_PER_WEEK.ordinal()];
            double[] e = exc == Layout.NONE ? null : in[exc];
            double[] r = recon == Layout.NONE ? null : in[recon];
            double[] acc = in[layout.inventoryAccuracy];
            // the block's counts in locals, added to the worker's once (whole numbers: any order gives the same)
            int share15 = 0;
            int share3 = 0;
            int share5 = 0;
            int fte1 = 0;
            int fte2 = 0;
            int exception10 = 0;
            int exception15 = 0;
            int accuracy95 = 0;
            int reconciliation4 = 0;
            int operate = 0;
            int orchestrate = 0;
            for (int t = 0; t < n; t++) {
                double share = out.painShare[t];
                double fte = out.painFte[t];
                share15 += share >= SeedThresholds.PAIN_SHARE_1_5PCT ? 1 : 0;
                share3 += share >= SeedThresholds.PAIN_SHARE_3PCT ? 1 : 0;
                share5 += share >= SeedThresholds.PAIN_SHARE_5PCT ? 1 : 0;
                fte1 += fte >= SeedThresholds.FTE_1 ? 1 : 0;
                fte2 += fte >= SeedThresholds.FTE_2 ? 1 : 0;
                if (e != null) {
                    exception10 += e[t] >= SeedThresholds.EXCEPTION_RATE_10PCT ? 1 : 0;
                    exception15 += e[t] >= SeedThresholds.EXCEPTION_RATE_15PCT ? 1 : 0;
                }
                accuracy95 += acc[t] < SeedThresholds.INVENTORY_ACCURACY_95PCT ? 1 : 0;
                if (r != null) {
                    reconciliation4 += r[t] >= SeedThresholds.RECONCILIATION_HOURS_PER_WEEK ? 1 : 0;
                }
                int score = out.score[t];
                operate += score < Verdict.PILOT_FROM ? 1 : 0;
                orchestrate += score > Verdict.ORCHESTRATE_ABOVE ? 1 : 0;
                bestCount[out.best[t]]++;
            }
            c[SHARE_GE_1_5PCT] += share15;
            c[SHARE_GE_3PCT] += share3;
            c[SHARE_GE_5PCT] += share5;
            c[FTE_GE_1] += fte1;
            c[FTE_GE_2] += fte2;
            c[EXCEPTION_GE_10PCT] += exception10;
            c[EXCEPTION_GE_15PCT] += exception15;
            c[ACCURACY_LT_95PCT] += accuracy95;
            c[RECONCILIATION_GE_4H] += reconciliation4;
            c[SCORE_OPERATE] += operate;
            c[SCORE_ORCHESTRATE] += orchestrate;
            for (int k = 0; k < optionCount; k++) {
                OptionColumns oc = out.options[k];
                int base = GLOBAL_SERIES + OPTION_SERIES * k;
                int cb = GLOBAL_COUNTS + OPTION_COUNTS * k;
                moments(b, base + NPV, oc.npv, n);
                moments(b, base + FIRST_YEAR_COST, oc.firstYearCost, n);
                for (int j = 0; j < OptionColumns.CHECKPOINT_MONTHS.length; j++) {
                    moments(b, base + CUMULATIVE + j, oc.cumulativeNet[j], n);
                }
                moments(b, base + ONE_TIME_COST, oc.oneTimeCost, n);
                int defined = 0;
                int paid = 0;
                for (int t = 0; t < n; t++) {
                    if (!TrialEvents.roiUndefined(oc.roi[t])) {
                        v[defined++] = oc.roi[t];
                    }
                }
                c[cb + ROI_UNDEFINED] += n - defined;
                moments(b, base + ROI, v, defined);
                // the block's counts in locals, added to the worker's once (whole numbers: any order gives the same)
                final int[] checkpoints = OptionColumns.CHECKPOINT_MONTHS;
                final int first = checkpoints[0];
                final int second = checkpoints[1];
                final int third = checkpoints[2];
                int paidFirst = 0;
                int paidSecond = 0;
                int paidThird = 0;
                int npvNegative = 0;
                int painExceeds = 0;
                int yearOneExceeds = 0;
                int paidBar = 0;
                for (int t = 0; t < n; t++) {
                    int m = oc.paybackMonth[t];
                    if (TrialEvents.paidBack(m)) {
                        v[paid++] = m;
                    }
                    paidFirst += TrialEvents.paidBackWithin(m, first) ? 1 : 0;
                    paidSecond += TrialEvents.paidBackWithin(m, second) ? 1 : 0;
                    paidThird += TrialEvents.paidBackWithin(m, third) ? 1 : 0;
                    npvNegative += TrialEvents.npvNegative(oc.npv[t]) ? 1 : 0;
                    painExceeds += TrialEvents.painExceedsFirstYearCost(out.annualPain[t], oc.firstYearCost[t]) ? 1 : 0;
                    yearOneExceeds +=
                            TrialEvents.yearOneBenefitExceedsFirstYearCost(oc.yearOneBenefit[t], oc.firstYearCost[t]) ? 1 : 0;
                    paidBar += TrialEvents.paidBackWithin(m, bar) ? 1 : 0;
                }
                c[cb + PAID_3] += paidFirst;
                c[cb + PAID_6] += paidSecond;
                c[cb + PAID_12] += paidThird;
                c[cb + NPV_NEGATIVE] += npvNegative;
                c[cb + PAIN_EXCEEDS_FIRST_YEAR_COST] += painExceeds;
                c[cb + YEAR_ONE_BENEFIT_EXCEEDS_FIRST_YEAR_COST] += yearOneExceeds;
                c[cb + PAID_BAR] += paidBar;
                c[cb + NO_PAYBACK] += n - paid;
                moments(b, base + PAYBACK_MONTH, v, paid);
            }
            for (int strategy = 0; strategy <= optionCount; strategy++) {
                KpiColumns kc = strategy == 0 ? out.statusQuoKpis : out.options[strategy - 1].kpis;
                for (int j = 0; j < Kpis.MONTHS.length; j++) {
                    for (int k = 0; k < Kpis.COUNT; k++) {
                        moments(b, kpiSeries(strategy, j, k), kc.array(j, k), n);
                    }
                }
            }
            for (int j = 0; j < stagedCount; j++) {
                GateColumns g = out.gates[j];
                double[] staged = out.options[optionCount - stagedCount + j].npv;
                double[] bigBang = out.options[layout.staged[j].twin].npv;
                int base = GLOBAL_SERIES + OPTION_SERIES * optionCount + GATE_SERIES * j;
                int cb = GLOBAL_COUNTS + OPTION_COUNTS * optionCount + GATE_COUNTS * j;
                int gated = 0;
                for (int t = 0; t < n; t++) {
                    byte o = g.outcome[t];
                    c[cb + GO] += o == GateColumns.GO ? 1 : 0;
                    c[cb + FALSE_GO] += o == GateColumns.GO && bigBang[t] < 0 ? 1 : 0;
                    c[cb + FALSE_STOP] += o == GateColumns.STOP && bigBang[t] > 0 ? 1 : 0;
                    c[cb + NO_GATE] += o == GateColumns.NO_GATE ? 1 : 0;
                    if (o != GateColumns.NO_GATE) {
                        v[gated++] = g.observedReduction[t];
                    }
                }
                moments(b, base + OBSERVED_REDUCTION, v, gated);
                for (int t = 0; t < n; t++) {
                    v[t] = staged[t] - bigBang[t];
                }
                moments(b, base + VALUE_OF_STAGING, v, n);
            }
        }

        private void moments(int b, int s, double[] x, int n) {
            int at = b * series + s;
            blockN[at] = n;
            if (n == 0) {
                return;
            }
            // two values per iteration (fewer loop tests and safepoint polls under the quick compiler), the
            // additions in the same order as one at a time: the same sums, extremes and squares
            double sum = 0;
            double l = lo[s];
            double h = hi[s];
            int t = 0;
            for (; t + 1 < n; t += 2) {
                double v = x[t];
                double w = x[t + 1];
                sum += v;
                sum += w;
                if (v < l) {
                    l = v;
                }
                if (v > h) {
                    h = v;
                }
                if (w < l) {
                    l = w;
                }
                if (w > h) {
                    h = w;
                }
            }
            if (t < n) {
                double v = x[t];
                sum += v;
                if (v < l) {
                    l = v;
                }
                if (v > h) {
                    h = v;
                }
            }
            lo[s] = l;
            hi[s] = h;
            double mean = sum / n;
            double m2 = 0;
            t = 0;
            for (; t + 1 < n; t += 2) {
                double d = x[t] - mean;
                double e = x[t + 1] - mean;
                m2 += d * d;
                m2 += e * e;
            }
            if (t < n) {
                double d = x[t] - mean;
                m2 += d * d;
            }
            blockMean[at] = mean;
            blockM2[at] = m2;
        }

        /** Folds this worker's counts and extremes into the run's (called once, after the work). */
        void finish() {
            synchronized (RunStats.this) {
                for (int i = 0; i < c.length; i++) {
                    counts[i] += c[i];
                }
                for (int i = 0; i < bestCount.length; i++) {
                    best[i] += bestCount[i];
                }
                for (int s = 0; s < series; s++) {
                    min[s] = Math.min(min[s], lo[s]);
                    max[s] = Math.max(max[s], hi[s]);
                }
            }
        }
    }
}
