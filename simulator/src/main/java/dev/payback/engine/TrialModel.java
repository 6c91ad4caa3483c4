package dev.payback.engine;

import dev.payback.scenario.Driver;
import dev.payback.scenario.Scenario;

/**
 * The equations of MODEL.md section 2 and the per-trial score of section 4, in one place.
 * One call of {@link #evaluate} is one replication: it reads the trial's sampled inputs from the
 * block's columns and writes the trial's outputs. Immutable and shared by all threads; each thread
 * owns a {@link Scratch}. Nothing is allocated per trial.
 */
public final class TrialModel {
    private static final int EXC = Driver.EXCEPTION_RATE.ordinal();
    private static final int MIN = Driver.MINUTES_PER_EXCEPTION.ordinal();
    private static final int EXP_SHARE = Driver.EXPEDITE_SHARE_OF_EXCEPTIONS.ordinal();
    private static final int EXP_FEE = Driver.EXPEDITE_FEE.ordinal();
    private static final int CANCEL = Driver.CANCELLATION_RATE.ordinal();
    private static final int CHURN = Driver.CHURN_SHARE_OF_CANCELLATIONS.ordinal();
    private static final int LIFETIME = Driver.CUSTOMER_LIFETIME_MARGIN.ordinal();
    private static final int TICKETS = Driver.TICKETS_PER_EXCEPTION.ordinal();
    private static final int TICKET_COST = Driver.COST_PER_TICKET.ordinal();
    private static final int RECON = Driver.RECONCILIATION_HOURS_PER_WEEK.ordinal();
    private static final int EXCESS = Driver.EXCESS_INVENTORY_VALUE.ordinal();
    private static final int CARRY = Driver.CARRYING_COST_RATE.ordinal();
    private static final int WRITE_OFFS = Driver.WRITE_OFFS_PER_YEAR.ordinal();
    private static final int DRIVERS = Driver.values().length;

    private final Layout layout;
    private final int horizon;
    private final int years;
    /** season[(m−1) mod 12] by month m = 1..H. */
    private final double[] season;
    /** discount[m] = (1+r)^(−m/12), m = 1..H. */
    private final double[] discount;
    /** Month loop segments: each ends at a checkpoint (3, 6, 12), a year end or the horizon. */
    private final int[] segmentEnds;
    private final double hoursPerFteYear;
    private final int complexity;
    private final int channelScore;
    /** KPI checkpoints, MODEL.md section 8. */
    private final Kpis kpis;

    /** Per-thread working memory, sized once. */
    public static final class Scratch {
        final double[] orders;
        final double[] drivers = new double[DRIVERS];
        final double[] reduced = new double[DRIVERS];
        final double[] events;
        final double[] eventSaving;
        /** a_m of the option being evaluated, m = 1..H. */
        final double[] adoption;
        /** The go-live dip in its month, 0 elsewhere (reset after each option). */
        final double[] extraCost;

        /** [event][year]: whether event j happened in year y of this trial (B_jy). */
        final boolean[][] eventHit;

        Scratch(int horizon, int years, int eventCount) {
            eventHit = new boolean[eventCount][years + 1];
            orders = new double[horizon + 1];
            adoption = new double[horizon + 1];
            extraCost = new double[horizon + 1];
            events = new double[years + 1];
            eventSaving = new double[years + 1];
        }
    }

    TrialModel(Scenario s, Layout layout) {
        this.layout = layout;
        this.horizon = s.horizonMonths();
        this.years = (horizon + 11) / 12;
        double[] seasonality = s.business().seasonality();
        this.season = new double[horizon + 1];
        for (int m = 1; m <= horizon; m++) {
            season[m] = seasonality[(m - 1) % 12];
        }
        this.discount = new double[horizon + 1];
        for (int m = 1; m <= horizon; m++) {
            discount[m] = Math.pow(1 + s.discountRate(), -m / 12.0);
        }
        java.util.TreeSet<Integer> ends = new java.util.TreeSet<>();
        for (int c : OptionColumns.CHECKPOINTS) {
            if (c <= horizon) {
                ends.add(c);
            }
        }
        for (int y = 12; y < horizon; y += 12) {
            ends.add(y);
        }
        ends.add(horizon);
        this.segmentEnds = ends.stream().mapToInt(Integer::intValue).toArray();
        this.hoursPerFteYear = s.business().hoursPerFteYear();
        this.complexity = s.business().complexity();
        this.channelScore = channelScore(s.business().channels());
        this.kpis = new Kpis(horizon);
    }

    /** The model of a scenario laid out by {@code layout} (which must be {@code Layout.of(s)}). */
    public static TrialModel of(Scenario s, Layout layout) {
        return new TrialModel(s, layout);
    }

    /** A scratch area for one thread. */
    public Scratch newScratch() {
        return new Scratch(horizon, years, layout.eventCost.length);
    }

    /**
     * Evaluates one trial.
     *
     * @param in    the block's sampled columns, in {@link Layout#inputs()} order
     * @param t     the trial's row within the block
     * @param out      output columns; the trial's outputs go to row t
     * @param s        this thread's scratch
     * @param paths    monthly cumulative paths to record this trial into, or null
     * @param pathSlot the trial's slot in {@code paths} (ignored when paths is null)
     */
    public void evaluate(double[][] in, int t, TrialColumns out, Scratch s, MonthlyPaths paths, int pathSlot) {
        final int i = t;
        final Layout l = layout;
        final double[] d = s.drivers;
        for (int k = 0; k < DRIVERS; k++) {
            int col = l.driver[k];
            d[k] = col == Layout.NONE ? 0 : in[col][t];
        }
        final double aov = in[l.aov][t];
        final double margin = in[l.margin][t];
        final double w = in[l.wage][t];

        // Orders: O_m = orders_per_month · (1+g)^((m−1)/12) · season[(m−1) mod 12]
        final double monthlyGrowth = Math.pow(1 + in[l.growth][t], 1.0 / 12);
        double level = in[l.orders][t];
        double ordersYearOne = 0;
        final double[] orders = s.orders;
        final int firstYear = Math.min(12, horizon);
        for (int m = 1; m <= firstYear; m++) {
            double o = level * season[m];
            orders[m] = o;
            ordersYearOne += o;
            level *= monthlyGrowth;
        }
        // later years: O_m = O_{m−12} · (1+g), independent multiplications instead of a chain
        final double yearGrowth = 1 + in[l.growth][t];
        for (int m = firstYear + 1; m <= horizon; m++) {
            orders[m] = orders[m - 12] * yearGrowth;
        }

        // Status quo: pain_m = O_m · perOrder + fixed + events of year(m)
        final double perOrder = perOrderPain(d, aov, margin, w);
        final double laborPerOrder = d[EXC] * d[MIN] / 60 * w;
        double otherPerYear = 0;
        for (int col : l.other) {
            otherPerYear += in[col][t];
        }
        final double fixed = fixedMonthlyPain(d, w, otherPerYear);
        final boolean[][] hit = s.eventHit;
        for (int y = 1; y <= years; y++) {
            double e = 0;
            for (int j = 0; j < l.eventCost.length; j++) {
                boolean h = in[l.eventOccurs[j][y - 1]][t] < in[l.eventProbability[j]][t];
                hit[j][y] = h;
                if (h) {
                    e += in[l.eventCost[j]][t];
                }
            }
            s.events[y] = e / 12;
        }

        // Headline figures
        final double pain = perOrder * ordersYearOne + 12 * fixed + 12 * s.events[1];
        final double revenue = ordersYearOne * aov;
        final double share = ratio(pain, revenue);
        final double fte = ratio(pain, w * hoursPerFteYear);
        out.annualPain[i] = pain;
        out.revenue[i] = revenue;
        out.painShare[i] = share;
        out.painFte[i] = fte;
        out.score[i] = (byte) (complexity + exceptionScore(d[EXC]) + accuracyScore(in[l.inventoryAccuracy][t])
                + channelScore + laborScore(fte) + marginScore(share));
        kpis.record(out.statusQuoKpis, i, null, d, d, orders, perOrder, fixed, s.events, 0, 0, null, aov, margin, w);

        int best = 0;
        double bestNpv = 0;
        for (int k = 0; k < l.options.length; k++) {
            double npv = evaluateOption(k, in, t, out.options[k], i, s, perOrder, laborPerOrder, fixed,
                    otherPerYear, paths == null ? null : paths.option(k), pathSlot);
            if (npv > bestNpv) {
                bestNpv = npv;
                best = k + 1;
            }
        }
        out.best[i] = (byte) best;
    }

    private double evaluateOption(int k, double[][] in, int t, OptionColumns out, int i, Scratch s,
            double perOrder, double laborPerOrder, double fixed, double otherPerYear, double[][] path, int slot) {
        final Layout l = layout;
        final Layout.OptionLayout ol = l.options[k];
        final double[] d = s.drivers;
        final double[] r = s.reduced;
        final double aov = in[l.aov][t];
        final double margin = in[l.margin][t];
        final double w = in[l.wage][t];

        // Failure: with probability failure_probability every r_d is multiplied by failure_benefit_share
        final boolean failed = in[ol.failureDraw][t] < in[ol.failureProbability][t];
        final double scale = failed ? in[ol.failureBenefitShare][t] : 1;
        out.failed[i] = (byte) (failed ? 1 : 0);
        for (int q = 0; q < DRIVERS; q++) {
            int col = ol.driverEffect[q];
            r[q] = col == Layout.NONE ? d[q] : d[q] * (1 - in[col][t] * scale);
        }
        out.exceptionEffect[i] = ol.driverEffect[EXC] == Layout.NONE ? 0 : in[ol.driverEffect[EXC]][t] * scale;
        double otherReduced = 0;
        for (int q = 0; q < l.other.length; q++) {
            int col = ol.otherEffect[q];
            double v = in[l.other[q]][t];
            otherReduced += col == Layout.NONE ? v : v * (1 - in[col][t] * scale);
        }
        // benefit_m = pain_m − pain'_m = O_m · perOrderSaving + fixedSaving + eventSaving[year(m)]
        final double perOrderSaving = perOrder - perOrderPain(r, aov, margin, w);
        final double fixedSaving = fixed - fixedMonthlyPain(r, w, otherReduced);
        final boolean[][] hit = s.eventHit;
        for (int y = 1; y <= years; y++) {
            double e = 0;
            for (int j = 0; j < l.eventCost.length; j++) {
                int col = ol.eventEffect[j];
                if (col != Layout.NONE && hit[j][y]) {
                    e += in[l.eventCost[j]][t] * in[col][t] * scale;
                }
            }
            s.eventSaving[y] = e / 12;
        }

        final double oneTime = in[ol.oneTimeCost][t];
        final double annual = in[ol.annualCost][t] / 12;
        final double fee = in[ol.perOrderFee][t];
        final double impl = in[ol.implementationMonths][t];
        final double ramp = in[ol.rampMonths][t];
        final double dip = in[ol.goLiveDip][t];
        final int firstLive = (int) Math.floor(impl) + 1;

        // a_m = 0 for m ≤ D; 1 if R = 0; else min(1, (m − D)/R), tabulated once per trial and option
        final double[] adopt = s.adoption;
        int m = 1;
        for (; m <= horizon && m <= impl; m++) {
            adopt[m] = 0;
        }
        if (ramp != 0) {
            for (; m <= horizon; m++) {
                double v = Math.min(1, (m - impl) / ramp);
                adopt[m] = v;
                if (v == 1) {
                    m++;
                    break;
                }
            }
        }
        for (; m <= horizon; m++) {
            adopt[m] = 1;
        }
        kpis.record(out.kpis, i, adopt, d, r, s.orders, perOrder, fixed, s.events, perOrderSaving, fixedSaving,
                s.eventSaving, aov, margin, w);
        // dip_m: only in the first live month m* = floor(D) + 1
        final double[] extra = s.extraCost;
        final boolean dipInHorizon = firstLive >= 1 && firstLive <= horizon;
        if (dipInHorizon) {
            extra[firstLive] = dip * s.orders[firstLive] * laborPerOrder;
        }

        double sumNet = 0;            // Σ_{k≤m} net_k = cum_m + C
        double npv = -oneTime;
        double costSum = 0;
        double firstYearCost = oneTime;
        int payback = 0;
        int checkpoint = 0;
        double maxSumNet = Double.NEGATIVE_INFINITY;
        final double[] orders = s.orders;
        final double[] disc = discount;
        int from = 1;
        // Segments end at the checkpoints and at every year end, so each has one event year and
        // no per-month branch for checkpoints, the first year, or the event lookup.
        for (final int end : segmentEnds) {
            final double eventSaving = s.eventSaving[(from + 11) / 12];
            if (end <= 12) {
                for (int mm = from; mm <= end; mm++) {
                    final double o = orders[mm];
                    final double a = adopt[mm];
                    final double benefit = o * perOrderSaving + fixedSaving + eventSaving;
                    final double cost = annual + fee * o * a + extra[mm];
                    final double net = a * benefit - cost;
                    sumNet += net;
                    npv += net * disc[mm];
                    costSum += cost;
                    firstYearCost += cost;
                    if (payback == 0 && sumNet >= oneTime) {
                        payback = mm;
                    }
                    if (sumNet > maxSumNet) {
                        maxSumNet = sumNet;
                    }
                    if (path != null) {
                        path[mm - 1][slot] = sumNet - oneTime;
                    }
                }
                if (checkpoint < OptionColumns.CHECKPOINTS.length && end == OptionColumns.CHECKPOINTS[checkpoint]) {
                    out.cumulativeNet[checkpoint][i] = sumNet - oneTime;
                    out.maxCumulativeBeforeOneTime[checkpoint][i] = maxSumNet;
                    checkpoint++;
                }
            } else {
                for (int mm = from; mm <= end; mm++) {
                    final double o = orders[mm];
                    final double a = adopt[mm];
                    final double benefit = o * perOrderSaving + fixedSaving + eventSaving;
                    final double cost = annual + fee * o * a + extra[mm];
                    final double net = a * benefit - cost;
                    sumNet += net;
                    npv += net * disc[mm];
                    costSum += cost;
                    if (payback == 0 && sumNet >= oneTime) {
                        payback = mm;
                    }
                    if (path != null) {
                        path[mm - 1][slot] = sumNet - oneTime;
                    }
                }
            }
            from = end + 1;
        }
        if (dipInHorizon) {
            extra[firstLive] = 0;
        }
        out.npv[i] = npv;
        double denominator = oneTime + costSum;
        // Σ a·benefit − Σ costs = Σ net = sumNet
        out.roi[i] = denominator == 0 ? Double.NaN : (sumNet - oneTime) / denominator;
        out.firstYearCost[i] = firstYearCost;
        out.paybackMonth[i] = (short) payback;
        return npv;
    }

    /** Monthly status-quo pain per order: labor + expedite + lost sales + support. */
    static double perOrderPain(double[] d, double aov, double margin, double w) {
        double e = d[EXC];
        return e * d[MIN] / 60 * w
                + e * d[EXP_SHARE] * d[EXP_FEE]
                + d[CANCEL] * (aov * margin + d[CHURN] * d[LIFETIME])
                + e * d[TICKETS] * d[TICKET_COST];
    }

    /** Monthly pain that does not scale with orders: reconciliation + carrying + write-offs + other. */
    static double fixedMonthlyPain(double[] d, double w, double otherPerYear) {
        return d[RECON] * 52 / 12 * w + d[EXCESS] * d[CARRY] / 12 + d[WRITE_OFFS] / 12 + otherPerYear / 12;
    }

    /** num / den; when den ≤ 0, +∞ for a positive numerator and 0 otherwise (docs/model-notes.md). */
    static double ratio(double num, double den) {
        if (den > 0) {
            return num / den;
        }
        return num > 0 ? Double.POSITIVE_INFINITY : 0;
    }

    // Decision matrix, MODEL.md section 4.

    // The bands are counted rather than branched on (5 − the number of bars the value stays below),
    // which the JIT compiles without unpredictable branches; same results as the if-chains of
    // MODEL.md section 4, NaN included (it scores 5).

    static int exceptionScore(double e) {
        return 5 - bit(e < 0.05) - bit(e < 0.10) - bit(e < 0.15) - bit(e < 0.25);
    }

    static int accuracyScore(double acc) {
        return 5 - bit(acc >= 0.98) - bit(acc >= 0.95) - bit(acc >= 0.92) - bit(acc >= 0.88);
    }

    private static int bit(boolean b) {
        return b ? 1 : 0;
    }

    static int channelScore(int channels) {
        return channels <= 1 ? 1 : channels == 2 ? 3 : channels == 3 ? 4 : 5;
    }

    static int laborScore(double fte) {
        return 5 - bit(fte < 0.5) - bit(fte < 1) - bit(fte < 2) - bit(fte < 4);
    }

    static int marginScore(double share) {
        return 5 - bit(share < 0.01) - bit(share < 0.015) - bit(share < 0.03) - bit(share < 0.05);
    }
}
