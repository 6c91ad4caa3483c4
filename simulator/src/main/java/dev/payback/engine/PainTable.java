package dev.payback.engine;

/**
 * The table "Monthly pain of the status quo" of docs/model.md section 2, one method per component,
 * written once and used wherever a component is needed: the monthly pain and benefit of
 * {@link TrialModel} (per order, with {@code orders = 1}: multiplying by 1 is exact, so the per-order
 * form is the same arithmetic as the formula) and the KPIs of section 8 ({@link Kpis}, at month T's
 * orders and drivers). Events, which depend on the year, are summed by {@link TrialModel}.
 */
final class PainTable {
    private PainTable() {
    }

    /** labor: {@code O_m · e · t/60 · w}. */
    static double labor(double orders, double exceptionRate, double minutesPerException, double wage) {
        return orders * exceptionRate * minutesPerException / 60 * wage;
    }

    /** expedite: {@code O_m · e · x · f}. */
    static double expedite(double orders, double exceptionRate, double expediteShare, double expediteFee) {
        return orders * exceptionRate * expediteShare * expediteFee;
    }

    /** lost sales: {@code O_m · c · (AOV · gross_margin + k · L)}. */
    static double lostSales(double orders, double cancellationRate, double aov, double grossMargin, double churnShare,
            double lifetimeMargin) {
        return orders * cancellationRate * (aov * grossMargin + churnShare * lifetimeMargin);
    }

    /** support: {@code O_m · e · s · q}. */
    static double support(double orders, double exceptionRate, double ticketsPerException, double costPerTicket) {
        return orders * exceptionRate * ticketsPerException * costPerTicket;
    }

    /** reconciliation: {@code h · 52/12 · w}. */
    static double reconciliation(double hoursPerWeek, double wage) {
        return hoursPerWeek * 52 / 12 * wage;
    }

    /** carrying: {@code V · ρ / 12}. */
    static double carrying(double excessInventory, double carryingRate) {
        return excessInventory * carryingRate / 12;
    }

    /** write-offs: {@code W / 12}. */
    static double writeOffs(double perYear) {
        return perYear / 12;
    }

    /** other: {@code Σ per_year / 12}, given the sum of the items' per_year. */
    static double other(double perYearSum) {
        return perYearSum / 12;
    }
}
