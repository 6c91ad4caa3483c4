package dev.payback.engine;

/**
 * The seed's thresholds reported for every run (docs/model.md section 3), each defined once. The
 * decision matrix's own bands (section 4) are in {@link TrialModel} and {@link Verdict}.
 */
public final class SeedThresholds {
    private SeedThresholds() {
    }

    /** P(pain share ≥ 1.5%), P(≥ 3%), P(≥ 5%). */
    public static final double PAIN_SHARE_1_5PCT = 0.015;
    public static final double PAIN_SHARE_3PCT = 0.03;
    public static final double PAIN_SHARE_5PCT = 0.05;
    /** P(FTE ≥ 1), P(FTE ≥ 2). */
    public static final double FTE_1 = 1;
    public static final double FTE_2 = 2;
    /** P(exception_rate ≥ 10%), P(≥ 15%). */
    public static final double EXCEPTION_RATE_10PCT = 0.10;
    public static final double EXCEPTION_RATE_15PCT = 0.15;
    /** P(inventory_accuracy &lt; 95%). */
    public static final double INVENTORY_ACCURACY_95PCT = 0.95;
    /** P(reconciliation_hours_per_week ≥ 4), 10% of a 40-hour week. */
    public static final double RECONCILIATION_HOURS_PER_WEEK = 4;
    /** fulfillment_paths ≥ 2. */
    public static final int FULFILLMENT_PATHS = 2;
}
