package dev.payback.scenario;

/** The interval a field's values must lie in (docs/model.md section 1, "Each field has a domain"). */
public enum Domain {
    /** Rates, shares, effects, probabilities, gross margin, inventory accuracy: [0, 1]. */
    UNIT(0, 1),
    /** Amounts, counts and durations: [0, +inf). */
    NON_NEGATIVE(0, Double.POSITIVE_INFINITY),
    /** annual_growth: [-1, +inf). */
    GROWTH(-1, Double.POSITIVE_INFINITY);

    private final double lo;
    private final double hi;

    Domain(double lo, double hi) {
        this.lo = lo;
        this.hi = hi;
    }

    public double lo() { return lo; }

    public double hi() { return hi; }

    public boolean contains(double x) { return x >= lo && x <= hi; }

    /** x clamped into the domain. */
    public double clamp(double x) { return x < lo ? lo : (x > hi ? hi : x); }

    /** "[0, 1]", "[0, inf)", "[-1, inf)". */
    public String describe() {
        return "[" + fmt(lo) + ", " + (Double.isInfinite(hi) ? "inf)" : fmt(hi) + "]");
    }

    private static String fmt(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }
}
