package dev.payback.scenario;

/**
 * The bounds the loader puts on a scenario so that everything the model computes from it stays a
 * finite number, every text fits every output, and the engine's columns can hold every option.
 * What {@code validate} accepts, {@code simulate} runs: see docs/model-notes.md, "Loader bounds".
 *
 * <p>The derivation of {@link #MAX_MAGNITUDE}: the model's largest quantities are sums over at most
 * 120 months of products of at most four inputs (orders × average order value × margin × effect;
 * orders × rate × minutes × wage / 60), times the growth factor (1 + g)^(h/12) ≤ 101^10 ≈ 1.1e20
 * with {@link #MAX_ANNUAL_GROWTH} and the 120-month horizon. With every input within ±1e15, a
 * month's figure stays below (1e15)^4 × 1.1e20 ≈ 1.1e80, a horizon's below 1.4e82, and the
 * statistics' sums of squares over 2^31 trials below 1e174: far from the largest double (1.8e308),
 * with room for the model's other factors (fees, events, scale, retention).
 */
public final class Limits {
    private Limits() {
    }

    /**
     * The largest magnitude any input may take: a plain number, a distribution's bound, or a normal's
     * or lognormal's 10-standard-deviation tail (beyond anything the samplers draw: the most extreme
     * uniform draw 2^-64 maps to 9.1 standard deviations).
     */
    public static final double MAX_MAGNITUDE = 1e15;
    /** How far into a normal's or lognormal's tail the bound is checked, in standard deviations. */
    public static final double TAIL_SDS = 10;
    /**
     * The smallest value orders_per_month, average_order_value and loaded_labor_cost_per_hour may
     * take in any trial, 1e-15 (= 1 / {@link #MAX_MAGNITUDE}): the model divides by revenue (year-one
     * orders × AOV: the pain's share of revenue, margin leakage) and by the wage (the pain in FTEs,
     * pain ÷ (wage × hours_per_fte_year)). A zero divisor made those figures infinite ("n/a" beside
     * 100% threshold probabilities); with every divisor factor at least 1e-15 and every quantity at
     * most 1.4e82 (above), a ratio stays below 1.4e82 / 1e-30 ≈ 1e112, finite. A normal's lowest value
     * is its mean − {@link #TAIL_SDS} sd (its draws below 0 would be clamped to 0), a lognormal's its
     * 10-sd lower tail.
     */
    public static final double MIN_POSITIVE = 1 / MAX_MAGNITUDE;
    /**
     * The largest annual growth, 100 (+10,000% a year), checked like every bound on a normal's or
     * lognormal's 10-sd tail, so the growth factor stays below 101^10. (A lognormal growth of
     * [0.05, 0.6] reaches 43 at its 10-sd tail: the bound must leave room for such ordinary ranges.)
     */
    public static final double MAX_ANNUAL_GROWTH = 100;
    /**
     * The most options a scenario may compare (each staged rollout counts as one more, a strategy of
     * its own): the engine stores each trial's best strategy in a byte
     * (one byte per trial keeps the retained columns small), and 100 options are more than any
     * decision puts side by side.
     */
    public static final int MAX_OPTIONS = 100;
    /**
     * The longest text (name, currency, option id and label, pain-driver names), in characters: long
     * enough for any title, far below the workbook's cell limit (32,767) and readable in a chart.
     */
    public static final int MAX_TEXT = 200;
}
