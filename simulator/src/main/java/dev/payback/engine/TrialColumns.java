package dev.payback.engine;

/**
 * Per-trial outputs of a run as primitive columns indexed by trial: the status quo's headline
 * figures (docs/model.md section 2), the decision-matrix score (section 4), the best option, and each
 * option's {@link OptionColumns}.
 */
public final class TrialColumns {
    /** P = Σ_{m≤12} pain_m. */
    final double[] annualPain;
    /** Rev = Σ_{m≤12} O_m · AOV. */
    final double[] revenue;
    /** P / Rev (+∞ when Rev = 0 and P &gt; 0, 0 when both are 0). */
    final double[] painShare;
    /** P / (w · hours_per_fte_year) (+∞ when w = 0 and P &gt; 0). */
    final double[] painFte;
    /** Decision matrix total, 6..30. */
    final byte[] score;
    /** 0 when the status quo has the highest NPV, else 1 + the index of the best option. */
    final byte[] best;
    /**
     * One per strategy: the options in scenario order, then the staged strategies
     * ({@link Layout#strategyCount()}).
     */
    final OptionColumns[] options;
    /** The status quo's KPI checkpoints (docs/model.md section 8). */
    public final KpiColumns statusQuoKpis;
    /** One per staged strategy: its gate's outcome, in the order of the staged strategies. */
    final GateColumns[] gates;

    /** Columns for {@code trials} rows of a run without staged strategies. */
    public TrialColumns(int trials, int optionCount) {
        this(trials, optionCount, 0);
    }

    /** Columns for {@code trials} rows of the run laid out by {@code layout}. */
    public TrialColumns(int trials, Layout layout) {
        this(trials, layout.strategyCount(), layout.stagedCount());
    }

    /**
     * Columns for {@code trials} rows (a run's retained trials, or one block).
     *
     * @param optionCount every strategy, staged ones included
     * @param stagedCount the staged strategies among them
     */
    public TrialColumns(int trials, int optionCount, int stagedCount) {
        annualPain = new double[trials];
        revenue = new double[trials];
        painShare = new double[trials];
        painFte = new double[trials];
        score = new byte[trials];
        best = new byte[trials];
        statusQuoKpis = new KpiColumns(trials);
        options = new OptionColumns[optionCount];
        for (int k = 0; k < optionCount; k++) {
            options[k] = new OptionColumns(trials);
        }
        gates = new GateColumns[stagedCount];
        for (int j = 0; j < stagedCount; j++) {
            gates[j] = new GateColumns(trials);
        }
        annualPainView = new Column(annualPain);
        revenueView = new Column(revenue);
        painShareView = new Column(painShare);
        painFteView = new Column(painFte);
    }

    private final Column annualPainView;
    private final Column revenueView;
    private final Column painShareView;
    private final Column painFteView;

    /** P by row. */
    public Column annualPain() {
        return annualPainView;
    }

    /** Rev by row. */
    public Column revenue() {
        return revenueView;
    }

    /** Pain share by row. */
    public Column painShare() {
        return painShareView;
    }

    /** Pain in FTEs by row. */
    public Column painFte() {
        return painFteView;
    }

    /** The decision-matrix total of row {@code row}, 6..30. */
    public int score(int row) {
        return score[row];
    }

    /** The best strategy of row {@code row}: 0 for the status quo, else 1 + the strategy's index. */
    public int best(int row) {
        return best[row];
    }

    /** How many strategies (options, then staged strategies). */
    public int strategyCount() {
        return options.length;
    }

    /** The columns of strategy {@code k} ({@link Layout#strategyCount()} order). */
    public OptionColumns option(int k) {
        return options[k];
    }

    /** How many staged strategies (gates). */
    public int gateCount() {
        return gates.length;
    }

    /** The gate columns of staged strategy {@code j}. */
    public GateColumns gate(int j) {
        return gates[j];
    }

    /**
     * Copies block {@code block}'s kept rows of {@code src} (the block's columns) to their rows of this
     * ({@link Retention#gather}).
     */
    void gather(TrialColumns src, Retention retention, long block) {
        retention.gather(src.annualPain, block, annualPain);
        retention.gather(src.revenue, block, revenue);
        retention.gather(src.painShare, block, painShare);
        retention.gather(src.painFte, block, painFte);
        retention.gather(src.score, block, score);
        retention.gather(src.best, block, best);
        statusQuoKpis.gather(src.statusQuoKpis, retention, block);
        for (int k = 0; k < options.length; k++) {
            options[k].gather(src.options[k], retention, block);
        }
        for (int j = 0; j < gates.length; j++) {
            gates[j].gather(src.gates[j], retention, block);
        }
    }

    /**
     * Number of rows held: the retained trials of a run (see {@link SimulationResult}), or one block.
     * Not the number of trials run, which is {@link SimulationResult#trials()}.
     */
    public int rows() {
        return annualPain.length;
    }
}
