package dev.payback.property;

import dev.payback.engine.Layout;
import dev.payback.engine.SimulationResult;
import dev.payback.scenario.OptionSpec;
import dev.payback.scenario.Pain;
import dev.payback.scenario.Scenario;

import java.util.List;

/**
 * A slow, literal transcription of docs/model.md section 2 (and the score of section 4) for one trial,
 * written from the text of docs/model.md and not from the engine's {@code TrialModel}: month by month,
 * every pain component by its own formula, pain'_m recomputed from the reduced drivers, no
 * algebraic shortcuts. It reads one trial's drawn inputs by their canonical paths from the
 * engine's sampled columns (the draws are the engine's; the equations are this class's).
 *
 * <p>The auxiliary draws are uniforms in [0, 1): event j happens in year y when its
 * {@code pain.events.<name>.occurs.year<y>} draw is below the event's probability (a
 * Bernoulli(probability) draw), and an option's rollout fails when its
 * {@code options.<id>.failure_draw} is below failure_probability.
 */
final class ReferenceModel {
    /**
     * Every per-trial output of docs/model.md section 2 for one option; {@code cumByMonth[m]} is cum_m
     * (m = 0..H), {@code scaleOfFlows} the sum of the magnitudes of the flows, {@code totalCost} C + Σ costs_m.
     */
    record OptionOut(double npv, double roi, double firstYearCost, double[] cum, double[] maxOneTime,
            int paybackMonth, double[] cumByMonth, double scaleOfFlows, double totalCost) {
    }

    /** Every per-trial output for one trial. */
    record TrialOut(double pain, double revenue, double share, double fte, int score, int best,
            List<OptionOut> options) {
    }

    static final int[] CHECKPOINTS = {3, 6, 12};
    static final String[] DRIVERS = GeneratedScenario.DRIVERS;

    private final Scenario s;
    private final SimulationResult r;
    private final Layout layout;

    ReferenceModel(SimulationResult r) {
        this.r = r;
        this.s = r.scenario();
        this.layout = r.layout();
    }

    /** The drawn value of the input with this path in retained row t; absent: {@code absent}. */
    private double in(String path, int t, double absent) {
        int c = layout.column(path);
        return c == Layout.NONE ? absent : r.inputs()[c][t];
    }

    private double in(String path, int t) {
        int c = layout.column(path);
        if (c == Layout.NONE) {
            throw new IllegalStateException("no input " + path);
        }
        return r.inputs()[c][t];
    }

    /** Pain drivers of one trial, by name; missing drivers are 0 (docs/model.md section 1). */
    private final class Drivers {
        final double[] d = new double[DRIVERS.length];
        double[] other;
        double[] eventCost;

        double get(String name) {
            for (int k = 0; k < DRIVERS.length; k++) {
                if (DRIVERS[k].equals(name)) {
                    return d[k];
                }
            }
            throw new IllegalArgumentException(name);
        }

        Drivers copy() {
            Drivers c = new Drivers();
            System.arraycopy(d, 0, c.d, 0, d.length);
            c.other = other.clone();
            c.eventCost = eventCost.clone();
            return c;
        }
    }

    /** Computes trial t (a retained row; every trial when the run is below the retention cap). */
    TrialOut trial(int t) {
        int horizon = s.horizonMonths();
        double[] season = s.business().seasonality();
        double ordersLevel = in("business.orders_per_month", t);
        double g = in("business.annual_growth", t);
        double aov = in("business.average_order_value", t);
        double margin = in("business.gross_margin", t);
        double w = in("business.loaded_labor_cost_per_hour", t);
        double accuracy = in("business.inventory_accuracy", t);

        // O_m = orders_per_month · (1+annual_growth)^((m−1)/12) · season[(m−1) mod 12]
        double[] orders = new double[horizon + 1];
        for (int m = 1; m <= horizon; m++) {
            orders[m] = ordersLevel * Math.pow(1 + g, (m - 1) / 12.0) * season[(m - 1) % 12];
        }

        Drivers base = new Drivers();
        for (int k = 0; k < DRIVERS.length; k++) {
            base.d[k] = in("pain." + DRIVERS[k], t, 0);
        }
        List<Pain.Other> others = s.pain().other();
        base.other = new double[others.size()];
        for (int i = 0; i < others.size(); i++) {
            base.other[i] = in("pain.other." + others.get(i).name(), t);
        }
        List<Pain.Event> events = s.pain().events();
        int years = (horizon + 11) / 12; // ceil(H/12)
        base.eventCost = new double[events.size()];
        boolean[][] hit = new boolean[events.size()][years + 1];
        for (int j = 0; j < events.size(); j++) {
            String p = "pain.events." + events.get(j).name();
            base.eventCost[j] = in(p + ".cost", t);
            double probability = in(p + ".probability", t);
            for (int y = 1; y <= years; y++) {
                hit[j][y] = in(p + ".occurs.year" + y, t) < probability; // B_jy ~ Bernoulli(probability)
            }
        }

        double[] pain = new double[horizon + 1];
        double[] labor = new double[horizon + 1];
        for (int m = 1; m <= horizon; m++) {
            pain[m] = painOfMonth(base, orders[m], m, aov, margin, w, hit);
            labor[m] = orders[m] * base.get("exception_rate") * base.get("minutes_per_exception") / 60 * w;
        }
        double annualPain = 0;
        double revenue = 0;
        for (int m = 1; m <= 12; m++) {
            annualPain += pain[m];
            revenue += orders[m] * aov;
        }
        double share = ratio(annualPain, revenue);
        double fte = ratio(annualPain, w * s.business().hoursPerFteYear());
        int score = s.business().complexity() + exceptionScore(base.get("exception_rate"))
                + accuracyScore(accuracy) + channelScore(s.business().channels()) + laborScore(fte)
                + marginScore(share);

        List<OptionOut> outs = new java.util.ArrayList<>();
        int best = 0;
        double bestNpv = 0; // the status quo, NPV 0; ties go to it, then to the option listed first
        for (int k = 0; k < s.options().size(); k++) {
            OptionOut o = option(s.options().get(k), t, base, orders, pain, labor, aov, margin, w, hit);
            outs.add(o);
            if (o.npv() > bestNpv) {
                bestNpv = o.npv();
                best = k + 1;
            }
        }
        return new TrialOut(annualPain, revenue, share, fte, score, best, outs);
    }

    /** pain_m: the nine components of docs/model.md section 2's table, summed. */
    private double painOfMonth(Drivers x, double o, int m, double aov, double margin, double w, boolean[][] hit) {
        double e = x.get("exception_rate");
        double laborC = o * e * x.get("minutes_per_exception") / 60 * w;
        double expedite = o * e * x.get("expedite_share_of_exceptions") * x.get("expedite_fee");
        double lostSales = o * x.get("cancellation_rate")
                * (aov * margin + x.get("churn_share_of_cancellations") * x.get("customer_lifetime_margin"));
        double support = o * e * x.get("tickets_per_exception") * x.get("cost_per_ticket");
        double reconciliation = x.get("reconciliation_hours_per_week") * 52 / 12 * w;
        double carrying = x.get("excess_inventory_value") * x.get("carrying_cost_rate") / 12;
        double writeOffs = x.get("write_offs_per_year") / 12;
        double other = 0;
        for (double perYear : x.other) {
            other += perYear;
        }
        other /= 12;
        int year = (m + 11) / 12; // ceil(m/12)
        double ev = 0;
        for (int j = 0; j < x.eventCost.length; j++) {
            if (hit[j][year]) {
                ev += x.eventCost[j] / 12;
            }
        }
        return laborC + expedite + lostSales + support + reconciliation + carrying + writeOffs + other + ev;
    }

    private OptionOut option(OptionSpec o, int t, Drivers base, double[] orders, double[] pain, double[] labor,
            double aov, double margin, double w, boolean[][] hit) {
        int horizon = s.horizonMonths();
        String p = "options." + o.id() + ".";
        boolean failed = in(p + "failure_draw", t) < in(p + "failure_probability", t);
        double failureShare = in(p + "failure_benefit_share", t);

        // pain'_m: every named driver d at d · (1 − r_d), r_d times failure_benefit_share on failure
        Drivers reduced = base.copy();
        for (String key : o.effects().keySet()) {
            double rd = in(p + "effects." + key, t) * (failed ? failureShare : 1);
            boolean done = false;
            for (int k = 0; k < DRIVERS.length; k++) {
                if (DRIVERS[k].equals(key)) {
                    reduced.d[k] = base.d[k] * (1 - rd);
                    done = true;
                }
            }
            for (int i = 0; i < s.pain().other().size(); i++) {
                if (s.pain().other().get(i).name().equals(key)) {
                    reduced.other[i] = base.other[i] * (1 - rd);
                    done = true;
                }
            }
            for (int j = 0; j < s.pain().events().size(); j++) {
                if (s.pain().events().get(j).name().equals(key)) {
                    reduced.eventCost[j] = base.eventCost[j] * (1 - rd);
                    done = true;
                }
            }
            if (!done) {
                throw new IllegalStateException("effect on unknown driver " + key);
            }
        }

        double c = in(p + "one_time_cost", t);
        double annual = in(p + "annual_cost", t);
        double fee = in(p + "per_order_fee", t);
        double d = in(p + "implementation_months", t);
        double ramp = in(p + "ramp_months", t);
        double goLiveDip = in(p + "go_live_dip", t);
        int firstLive = (int) Math.floor(d) + 1;
        double rate = s.discountRate();

        double[] cum = new double[horizon + 1];
        cum[0] = -c;
        double npv = -c;
        double sumBenefit = 0;
        double sumCosts = 0;
        double firstYearCost = c;
        double scale = Math.abs(c);
        for (int m = 1; m <= horizon; m++) {
            double a = m <= d ? 0 : ramp == 0 ? 1 : Math.min(1, (m - d) / ramp);
            double painReduced = painOfMonth(reduced, orders[m], m, aov, margin, w, hit);
            double benefit = pain[m] - painReduced;
            double dip = m == firstLive ? goLiveDip * labor[m] : 0;
            double costs = annual / 12 + fee * orders[m] * a + dip;
            double net = a * benefit - costs;
            cum[m] = cum[m - 1] + net;
            npv += net / Math.pow(1 + rate, m / 12.0);
            sumBenefit += a * benefit;
            sumCosts += costs;
            if (m <= 12) {
                firstYearCost += costs;
            }
            scale += Math.abs(a * pain[m]) + Math.abs(a * painReduced) + Math.abs(costs);
        }
        int payback = 0;
        for (int m = 1; m <= horizon; m++) {
            if (cum[m] >= 0) {
                payback = m;
                break;
            }
        }
        double denominator = c + sumCosts;
        double roi = denominator == 0 ? Double.NaN : (sumBenefit - sumCosts - c) / denominator;
        double[] cumAt = new double[CHECKPOINTS.length];
        double[] maxOneTime = new double[CHECKPOINTS.length];
        for (int j = 0; j < CHECKPOINTS.length; j++) {
            int tt = CHECKPOINTS[j];
            cumAt[j] = cum[tt];
            double max = Double.NEGATIVE_INFINITY;
            for (int m = 1; m <= tt; m++) {
                max = Math.max(max, cum[m] + c); // max_{1≤m≤T} (cum_m + C)
            }
            maxOneTime[j] = max;
        }
        return new OptionOut(npv, roi, firstYearCost, cumAt, maxOneTime, payback, cum, scale, denominator);
    }

    /** P / Rev and P / (w · hours): +∞ when the denominator is 0 and P &gt; 0, 0 when both are 0. */
    private static double ratio(double num, double den) {
        if (den > 0) {
            return num / den;
        }
        return num > 0 ? Double.POSITIVE_INFINITY : 0;
    }

    // docs/model.md section 4, each band as the table states it.

    static int exceptionScore(double e) {
        if (e < 0.05) {
            return 1;
        }
        if (e < 0.10) {
            return 2;
        }
        if (e < 0.15) {
            return 3;
        }
        if (e < 0.25) {
            return 4;
        }
        return 5;
    }

    static int accuracyScore(double a) {
        if (a >= 0.98) {
            return 1;
        }
        if (a >= 0.95) {
            return 2;
        }
        if (a >= 0.92) {
            return 3;
        }
        if (a >= 0.88) {
            return 4;
        }
        return 5;
    }

    static int channelScore(int channels) {
        switch (channels) {
            case 1:
                return 1;
            case 2:
                return 3;
            case 3:
                return 4;
            default:
                return 5;
        }
    }

    static int laborScore(double fte) {
        if (fte < 0.5) {
            return 1;
        }
        if (fte < 1) {
            return 2;
        }
        if (fte < 2) {
            return 3;
        }
        if (fte < 4) {
            return 4;
        }
        return 5;
    }

    static int marginScore(double share) {
        if (share < 0.01) {
            return 1;
        }
        if (share < 0.015) {
            return 2;
        }
        if (share < 0.03) {
            return 3;
        }
        if (share < 0.05) {
            return 4;
        }
        return 5;
    }
}
