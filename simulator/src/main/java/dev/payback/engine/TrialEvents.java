package dev.payback.engine;

/**
 * The per-trial events whose shares summary.json reports for an option (docs/model.md sections 2, 3
 * and 5), each defined once: the engine counts them over every trial ({@link RunStats}) and the
 * analysis weighs them over the retained rows (the pilot update) with these same tests.
 */
public final class TrialEvents {
    private TrialEvents() {
    }

    /** Paid back within the horizon: a payback month m ≥ 1 exists ({@code paybackMonth} 0 means none). */
    public static boolean paidBack(int paybackMonth) {
        return paybackMonth != 0;
    }

    /** Paid back within T months: the smallest m with cum_m ≥ 0 is at most T. */
    public static boolean paidBackWithin(int paybackMonth, int months) {
        return paybackMonth != 0 && paybackMonth <= months;
    }

    /** NPV &lt; 0. */
    public static boolean npvNegative(double npv) {
        return npv < 0;
    }

    /** Annualized pain P &gt; the option's first-year cost (docs/model.md section 3). */
    public static boolean painExceedsFirstYearCost(double annualPain, double firstYearCost) {
        return annualPain > firstYearCost;
    }

    /** The year-one benefit Σ_{m≤12} a_m · benefit_m &gt; the option's first-year cost (docs/model-notes.md). */
    public static boolean yearOneBenefitExceedsFirstYearCost(double yearOneBenefit, double firstYearCost) {
        return yearOneBenefit > firstYearCost;
    }

    /** Option {@code k} (0-based) has the highest NPV of the trial ({@link TrialColumns#best}). */
    public static boolean best(int bestOfTrial, int k) {
        return bestOfTrial == k + 1;
    }

    /** ROI is undefined: the trial's total cost C + Σ costs_m is 0 (docs/model.md: "roi": null). */
    public static boolean roiUndefined(double roi) {
        return Double.isNaN(roi);
    }
}
