package dev.payback.engine;

/**
 * Per-trial outputs of one option, as primitive columns indexed by trial (docs/model.md section 2,
 * "An option"). Filled by the engine, read by the analysis; in a run's result these are the
 * retained trials (see {@link SimulationResult}).
 */
public final class OptionColumns {
    /** Horizon months at which cumulative net and the max one-time cost are kept. */
    public static final int[] CHECKPOINTS = Checkpoint.months();

    /** −C + Σ net_m / (1+r)^(m/12). */
    public final double[] npv;
    /** (Σ a·benefit − Σ costs − C) / (C + Σ costs); NaN when the denominator is 0. */
    public final double[] roi;
    /** C + Σ_{m≤12} costs_m. */
    public final double[] firstYearCost;
    /** cum_T for T in {@link #CHECKPOINTS}: [checkpoint][trial]. */
    public final double[][] cumulativeNet;
    /** max_{1≤m≤T} (cum_m + C) for T in {@link #CHECKPOINTS}: [checkpoint][trial]. */
    public final double[][] maxCumulativeBeforeOneTime;
    /** Smallest m with cum_m ≥ 0, or 0 when not within the horizon. */
    public final short[] paybackMonth;
    /** The exception_rate effect r after the failure draw (0 when the option has none). */
    public final double[] exceptionEffect;
    /** 1 when the rollout failed in this trial (the failure draw), else 0. */
    public final byte[] failed;
    /** The option's KPI checkpoints (docs/model.md section 8). */
    public final KpiColumns kpis;
    /** Σ_{m≤12} a_m · benefit_m: what the option removes in its first year, at its adoption. */
    public final double[] yearOneBenefit;
    /** max_{1≤m≤T*} (cum_m + C) for the payback bar T* = decision.payback_months. */
    public final double[] maxCumulativeAtBar;
    /** The one-time cost at month 0: the sampled C, or C_p for a staged strategy (docs/model.md section 7). */
    public final double[] oneTimeCost;

    OptionColumns(int trials) {
        npv = new double[trials];
        roi = new double[trials];
        firstYearCost = new double[trials];
        cumulativeNet = new double[CHECKPOINTS.length][trials];
        maxCumulativeBeforeOneTime = new double[CHECKPOINTS.length][trials];
        paybackMonth = new short[trials];
        exceptionEffect = new double[trials];
        failed = new byte[trials];
        kpis = new KpiColumns(trials);
        yearOneBenefit = new double[trials];
        maxCumulativeAtBar = new double[trials];
        oneTimeCost = new double[trials];
    }

    void copyRow(OptionColumns src, int from, int to) {
        npv[to] = src.npv[from];
        roi[to] = src.roi[from];
        firstYearCost[to] = src.firstYearCost[from];
        for (int j = 0; j < CHECKPOINTS.length; j++) {
            cumulativeNet[j][to] = src.cumulativeNet[j][from];
            maxCumulativeBeforeOneTime[j][to] = src.maxCumulativeBeforeOneTime[j][from];
        }
        paybackMonth[to] = src.paybackMonth[from];
        exceptionEffect[to] = src.exceptionEffect[from];
        failed[to] = src.failed[from];
        kpis.copyRow(src.kpis, from, to);
        yearOneBenefit[to] = src.yearOneBenefit[from];
        maxCumulativeAtBar[to] = src.maxCumulativeAtBar[from];
        oneTimeCost[to] = src.oneTimeCost[from];
    }

    void copy(OptionColumns src, int from, int to, int len) {
        System.arraycopy(src.npv, from, npv, to, len);
        System.arraycopy(src.roi, from, roi, to, len);
        System.arraycopy(src.firstYearCost, from, firstYearCost, to, len);
        for (int j = 0; j < CHECKPOINTS.length; j++) {
            System.arraycopy(src.cumulativeNet[j], from, cumulativeNet[j], to, len);
            System.arraycopy(src.maxCumulativeBeforeOneTime[j], from, maxCumulativeBeforeOneTime[j], to, len);
        }
        System.arraycopy(src.paybackMonth, from, paybackMonth, to, len);
        System.arraycopy(src.exceptionEffect, from, exceptionEffect, to, len);
        System.arraycopy(src.failed, from, failed, to, len);
        kpis.copy(src.kpis, from, to, len);
        System.arraycopy(src.yearOneBenefit, from, yearOneBenefit, to, len);
        System.arraycopy(src.maxCumulativeAtBar, from, maxCumulativeAtBar, to, len);
        System.arraycopy(src.oneTimeCost, from, oneTimeCost, to, len);
    }
}
