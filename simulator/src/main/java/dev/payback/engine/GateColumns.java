package dev.payback.engine;

/**
 * Per-trial outcome of one staged strategy's go/no-go gate (docs/model.md section 7), indexed by trial.
 * The value of staging, NPV_staged − NPV_big bang, is the difference of the two strategies'
 * {@link OptionColumns#npv()} columns.
 */
public final class GateColumns {
    /** The gate said go. */
    public static final byte GO = 1;
    /** The gate said stop. */
    public static final byte STOP = 0;
    /** The gate falls outside the horizon (G ≥ H): the pilot scope runs to the end, nothing is decided. */
    public static final byte NO_GATE = -1;

    /** {@link #GO}, {@link #STOP} or {@link #NO_GATE}, by trial. */
    final byte[] outcome;
    /** The observed reduction 1 − (X_G/n_G)/(X_0/n_0); NaN when there is no gate. */
    final double[] observedReduction;

    GateColumns(int trials) {
        outcome = new byte[trials];
        observedReduction = new double[trials];
        observedReductionView = new Column(observedReduction);
    }

    private final Column observedReductionView;

    /** The gate's outcome in row {@code row}: {@link #GO}, {@link #STOP} or {@link #NO_GATE}. */
    public int outcome(int row) {
        return outcome[row];
    }

    /** The observed reduction by row (NaN when there is no gate). */
    public Column observedReduction() {
        return observedReductionView;
    }

    /**
     * Copies block {@code block}'s kept rows of {@code src} (the block's columns) to their rows of this
     * ({@link Retention#gather}).
     */
    void gather(GateColumns src, Retention retention, long block) {
        retention.gather(src.outcome, block, outcome);
        retention.gather(src.observedReduction, block, observedReduction);
    }
}
