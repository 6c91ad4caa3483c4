package dev.payback.engine;

import dev.payback.scenario.Driver;

import java.util.List;

/**
 * The KPI checkpoints of docs/model.md section 8, in one place: what to expect of a strategy at 90 days,
 * 6 months and 12 months. Every driver d is taken at its month-T value {@code d · (1 − a_T · r_d)},
 * a_T the strategy's adoption in month T (0 for the status quo) and r_d its effect after the failure
 * draw; with the full-adoption driver {@code d' = d · (1 − r_d)} that is {@code d − a_T · (d − d')}.
 *
 * <ul>
 *   <li>exception_rate: {@code e_T}</li>
 *   <li>labor_cost_per_order: {@code (labor_T + reconciliation_T) / O_T} with
 *       {@code labor_T = O_T · e_T · t_T/60 · w} and {@code reconciliation_T = h_T · 52/12 · w}</li>
 *   <li>margin_leakage: {@code (expedite_T + lost_sales_T + write_offs_T) / (O_T · AOV)} with
 *       {@code expedite_T = O_T · e_T · x_T · f_T}, {@code lost_sales_T = O_T · c_T · (AOV · gm + k_T · L_T)}
 *       and {@code write_offs_T = W_T / 12}</li>
 *   <li>cash_in_excess_inventory: {@code V_T}</li>
 *   <li>pain_per_order: {@code (pain_T − a_T · benefit_T) / O_T}, pain and benefit of section 2 in
 *       month T (events of the year of T included)</li>
 * </ul>
 * A ratio whose denominator is 0 is +∞ when its numerator is above 0 and 0 otherwise, as the pain
 * share of section 2 (docs/model-notes.md). Immutable; nothing is allocated per call.
 *
 * <p>The engine calls {@link #record} once per strategy and trial with the strategy's monthly
 * adoption, so any strategy (the big-bang options, staged rollouts) shares these equations.
 */
public final class Kpis {
    /** The KPIs, in summary.json order; index k of {@link KpiColumns#column}. */
    public static final List<String> NAMES = List.of("exception_rate", "labor_cost_per_order", "margin_leakage",
            "cash_in_excess_inventory", "pain_per_order");
    public static final int EXCEPTION_RATE = 0;
    public static final int LABOR_COST_PER_ORDER = 1;
    public static final int MARGIN_LEAKAGE = 2;
    public static final int CASH_IN_EXCESS_INVENTORY = 3;
    public static final int PAIN_PER_ORDER = 4;
    public static final int COUNT = 5;
    /** The checkpoint months T: 90 days, 6 months, 12 months. */
    static final int[] MONTHS = OptionColumns.CHECKPOINT_MONTHS;

    private static final int EXC = Driver.EXCEPTION_RATE.ordinal();
    private static final int MIN = Driver.MINUTES_PER_EXCEPTION.ordinal();
    private static final int EXP_SHARE = Driver.EXPEDITE_SHARE_OF_EXCEPTIONS.ordinal();
    private static final int EXP_FEE = Driver.EXPEDITE_FEE.ordinal();
    private static final int CANCEL = Driver.CANCELLATION_RATE.ordinal();
    private static final int CHURN = Driver.CHURN_SHARE_OF_CANCELLATIONS.ordinal();
    private static final int LIFETIME = Driver.CUSTOMER_LIFETIME_MARGIN.ordinal();
    private static final int RECON = Driver.RECONCILIATION_HOURS_PER_WEEK.ordinal();
    private static final int EXCESS = Driver.EXCESS_INVENTORY_VALUE.ordinal();
    private static final int WRITE_OFFS = Driver.WRITE_OFFS_PER_YEAR.ordinal();

    /** How many of {@link #MONTHS} lie within the horizon (all of them: H ≥ 12). */
    private final int checkpoints;

    Kpis(int horizon) {
        int n = 0;
        while (n < MONTHS.length && MONTHS[n] <= horizon) {
            n++;
        }
        this.checkpoints = n;
    }

    /** The checkpoint months within a horizon of {@code horizon} months. */
    public static int[] months(int horizon) {
        return java.util.Arrays.stream(MONTHS).filter(m -> m <= horizon).toArray();
    }

    /**
     * Records one strategy's KPIs at every checkpoint of one trial.
     *
     * @param out            the strategy's KPI columns; row {@code row} is written
     * @param adoption       a_m by month m (index m), or null for the status quo (a = 0)
     * @param d              the trial's status-quo drivers, by {@link Driver} ordinal
     * @param full           the drivers at full adoption, {@code d · (1 − r_d)} (d itself for the status quo)
     * @param orders         O_m by month m
     * @param perOrder       status-quo pain per order (labor + expedite + lost sales + support)
     * @param fixed          status-quo pain that does not scale with orders, per month
     * @param events         status-quo event pain per month, by year y (index y)
     * @param perOrderSaving benefit per order at full adoption
     * @param fixedSaving    benefit per month that does not scale with orders, at full adoption
     * @param eventSaving    event benefit per month at full adoption, by year (ignored when adoption is null)
     */
    void record(KpiColumns out, int row, double[] adoption, double[] d, double[] full, double[] orders,
            double perOrder, double fixed, double[] events, double perOrderSaving, double fixedSaving,
            double[] eventSaving, double aov, double margin, double w) {
        for (int j = 0; j < checkpoints; j++) {
            int month = MONTHS[j];
            int year = (month + 11) / 12;
            double o = orders[month];
            double a = adoption == null ? 0 : adoption[month];
            double pain = TrialModel.monthly(o, perOrder, fixed, events[year]);
            double benefit = adoption == null ? 0 : TrialModel.monthly(o, perOrderSaving, fixedSaving, eventSaving[year]);

            // section 2's components at month T's orders and drivers
            double e = at(d, full, a, EXC);
            double labor = PainTable.labor(o, e, at(d, full, a, MIN), w);
            double reconciliation = PainTable.reconciliation(at(d, full, a, RECON), w);
            double expedite = PainTable.expedite(o, e, at(d, full, a, EXP_SHARE), at(d, full, a, EXP_FEE));
            double lostSales = PainTable.lostSales(o, at(d, full, a, CANCEL), aov, margin, at(d, full, a, CHURN),
                    at(d, full, a, LIFETIME));
            double writeOffs = PainTable.writeOffs(at(d, full, a, WRITE_OFFS));

            out.set(j, EXCEPTION_RATE, row, e);
            out.set(j, LABOR_COST_PER_ORDER, row, TrialModel.ratio(labor + reconciliation, o));
            out.set(j, MARGIN_LEAKAGE, row, TrialModel.ratio(expedite + lostSales + writeOffs, o * aov));
            out.set(j, CASH_IN_EXCESS_INVENTORY, row, at(d, full, a, EXCESS));
            out.set(j, PAIN_PER_ORDER, row, TrialModel.ratio(pain - a * benefit, o));
        }
    }

    /** Driver q in the month: {@code d · (1 − a · r)} written as {@code d − a · (d − d')}. */
    private static double at(double[] d, double[] full, double a, int q) {
        return d[q] - a * (d[q] - full[q]);
    }
}
