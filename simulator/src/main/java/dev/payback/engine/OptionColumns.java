package dev.payback.engine;

/**
 * Per-trial outputs of one option, as primitive columns indexed by trial (docs/model.md section 2,
 * "An option"). Filled by the engine, read by the analysis; in a run's result these are the
 * retained trials (see {@link SimulationResult}).
 */
public final class OptionColumns {
    /** Horizon months at which cumulative net and the max one-time cost are kept (the engine's copy). */
    static final int[] CHECKPOINT_MONTHS = Checkpoint.months();
    /** The same months for every package: 3, 6, 12. */
    public static final java.util.List<Integer> CHECKPOINTS = java.util.Arrays.stream(CHECKPOINT_MONTHS).boxed().toList();

    /** −C + Σ net_m / (1+r)^(m/12). */
    final double[] npv;
    /** (Σ a·benefit − Σ costs − C) / (C + Σ costs); NaN when the denominator is 0. */
    final double[] roi;
    /** C + Σ_{m≤12} costs_m. */
    final double[] firstYearCost;
    /** cum_T for T in {@link #CHECKPOINT_MONTHS}: [checkpoint][trial]. */
    final double[][] cumulativeNet;
    /** max_{1≤m≤T} (cum_m + C) for T in {@link #CHECKPOINT_MONTHS}: [checkpoint][trial]. */
    final double[][] maxCumulativeBeforeOneTime;
    /** Smallest m with cum_m ≥ 0, or 0 when not within the horizon. */
    final short[] paybackMonth;
    /** The exception_rate effect r after the failure draw (0 when the option has none). */
    final double[] exceptionEffect;
    /** 1 when the rollout failed in this trial (the failure draw), else 0. */
    final byte[] failed;
    /** The option's KPI checkpoints (docs/model.md section 8). */
    public final KpiColumns kpis;
    /** Σ_{m≤12} a_m · benefit_m: what the option removes in its first year, at its adoption. */
    final double[] yearOneBenefit;
    /** max_{1≤m≤T*} (cum_m + C) for the payback bar T* = decision.payback_months. */
    final double[] maxCumulativeAtBar;
    /** The one-time cost at month 0: the sampled C, or C_p for a staged strategy (docs/model.md section 7). */
    final double[] oneTimeCost;

    OptionColumns(int trials) {
        npv = new double[trials];
        roi = new double[trials];
        firstYearCost = new double[trials];
        cumulativeNet = new double[CHECKPOINT_MONTHS.length][trials];
        maxCumulativeBeforeOneTime = new double[CHECKPOINT_MONTHS.length][trials];
        paybackMonth = new short[trials];
        exceptionEffect = new double[trials];
        failed = new byte[trials];
        kpis = new KpiColumns(trials);
        yearOneBenefit = new double[trials];
        maxCumulativeAtBar = new double[trials];
        oneTimeCost = new double[trials];
        npvView = new Column(npv);
        roiView = new Column(roi);
        firstYearCostView = new Column(firstYearCost);
        cumulativeNetView = new Column[CHECKPOINT_MONTHS.length];
        maxCumulativeBeforeOneTimeView = new Column[CHECKPOINT_MONTHS.length];
        for (int j = 0; j < CHECKPOINT_MONTHS.length; j++) {
            cumulativeNetView[j] = new Column(cumulativeNet[j]);
            maxCumulativeBeforeOneTimeView[j] = new Column(maxCumulativeBeforeOneTime[j]);
        }
        exceptionEffectView = new Column(exceptionEffect);
        yearOneBenefitView = new Column(yearOneBenefit);
        maxCumulativeAtBarView = new Column(maxCumulativeAtBar);
        oneTimeCostView = new Column(oneTimeCost);
    }

    private final Column npvView;
    private final Column roiView;
    private final Column firstYearCostView;
    private final Column[] cumulativeNetView;
    private final Column[] maxCumulativeBeforeOneTimeView;
    private final Column exceptionEffectView;
    private final Column yearOneBenefitView;
    private final Column maxCumulativeAtBarView;
    private final Column oneTimeCostView;

    /** NPV by row. */
    public Column npv() {
        return npvView;
    }

    /** ROI by row (NaN when undefined). */
    public Column roi() {
        return roiView;
    }

    /** First-year cost by row. */
    public Column firstYearCost() {
        return firstYearCostView;
    }

    /** cum_T by row, T = {@link #CHECKPOINTS}{@code .get(checkpoint)}. */
    public Column cumulativeNet(int checkpoint) {
        return cumulativeNetView[checkpoint];
    }

    /** max_{1≤m≤T} (cum_m + C) by row, T = {@link #CHECKPOINTS}{@code .get(checkpoint)}. */
    public Column maxCumulativeBeforeOneTime(int checkpoint) {
        return maxCumulativeBeforeOneTimeView[checkpoint];
    }

    /** The payback month of row {@code row}, 0 when not within the horizon. */
    public int paybackMonth(int row) {
        return paybackMonth[row];
    }

    /** The exception_rate effect after the failure draw, by row. */
    public Column exceptionEffect() {
        return exceptionEffectView;
    }

    /** 1 when the rollout failed in row {@code row}, else 0. */
    public int failed(int row) {
        return failed[row];
    }

    /** The year-one benefit by row. */
    public Column yearOneBenefit() {
        return yearOneBenefitView;
    }

    /** max_{1≤m≤T*} (cum_m + C) by row. */
    public Column maxCumulativeAtBar() {
        return maxCumulativeAtBarView;
    }

    /** The one-time cost at month 0 by row. */
    public Column oneTimeCost() {
        return oneTimeCostView;
    }

    /**
     * Copies block {@code block}'s kept rows of {@code src} (the block's columns) to their rows of this
     * ({@link Retention#gather}).
     */
    void gather(OptionColumns src, Retention retention, long block) {
        retention.gather(src.npv, block, npv);
        retention.gather(src.roi, block, roi);
        retention.gather(src.firstYearCost, block, firstYearCost);
        for (int j = 0; j < CHECKPOINT_MONTHS.length; j++) {
            retention.gather(src.cumulativeNet[j], block, cumulativeNet[j]);
            retention.gather(src.maxCumulativeBeforeOneTime[j], block, maxCumulativeBeforeOneTime[j]);
        }
        retention.gather(src.paybackMonth, block, paybackMonth);
        retention.gather(src.exceptionEffect, block, exceptionEffect);
        retention.gather(src.failed, block, failed);
        kpis.gather(src.kpis, retention, block);
        retention.gather(src.yearOneBenefit, block, yearOneBenefit);
        retention.gather(src.maxCumulativeAtBar, block, maxCumulativeAtBar);
        retention.gather(src.oneTimeCost, block, oneTimeCost);
    }
}
