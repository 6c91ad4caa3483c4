package dev.payback.property;

import dev.payback.engine.Layout;
import dev.payback.engine.SimulationResult;
import dev.payback.scenario.OptionSpec;
import dev.payback.scenario.Pain;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.Stages;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

import java.util.List;

/**
 * A slow, literal transcription of docs/model.md section 2 (the score of section 4, the staged
 * rollout of section 7 and the KPI checkpoints of section 8) for one trial, written from the text of
 * docs/model.md and not from the engine's {@code TrialModel}: month by month, every pain component by
 * its own formula, pain'_m recomputed from the reduced drivers, each strategy's adoption a_m and
 * costs_m tabulated by month and then every figure of section 2 computed from them by one routine,
 * no algebraic shortcuts. It reads one trial's drawn inputs by their canonical paths from the
 * engine's sampled columns (the draws are the engine's; the equations are this class's).
 *
 * <p>The auxiliary draws are uniforms in [0, 1): event j happens in year y when its
 * {@code pain.events.<name>.occurs.year<y>} draw is below the event's probability (a
 * Bernoulli(probability) draw), and an option's rollout fails when its
 * {@code options.<id>.failure_draw} is below failure_probability. The gate's binomial draws of a
 * staged rollout are the u-quantiles of Binomial(n, p) (the smallest k with P(X ≤ k) ≥ u) of the
 * uniforms {@code options.<id>.stages.baseline_draw} and {@code .gate_draw}, by commons-math3's
 * {@code BinomialDistribution}; where n·p and n·(1−p) both exceed 1,000 by the normal approximation
 * with continuity correction that docs/model.md section 7 allows, the smallest k with
 * Φ((k + ½ − np)/√(np(1−p))) ≥ u (commons-math3's {@code NormalDistribution} for Φ⁻¹).
 */
final class ReferenceModel {
    /**
     * Every per-trial output of docs/model.md sections 2 and 8 for one strategy (an option or a staged
     * rollout); {@code cumByMonth[m]} is cum_m (m = 0..H), {@code scaleOfFlows} the sum of the
     * magnitudes of the flows, {@code totalCost} C + Σ costs_m; {@code kpis[j][k]} is KPI k
     * ({@link #KPIS}) at checkpoint j and {@code kpiScale[j][k]} the magnitude of the terms it is made of.
     */
    record OptionOut(double npv, double roi, double firstYearCost, double yearOneBenefit, double[] cum,
            double[] maxOneTime, double maxAtBar, int paybackMonth, double[] cumByMonth, double scaleOfFlows,
            double totalCost, double oneTimeCost, double exceptionEffect, boolean failed, double[][] kpis,
            double[][] kpiScale) {
    }

    /** The gate of a staged rollout: {@link #GO}, {@link #STOP} or {@link #NO_GATE}, and the observed reduction. */
    record GateOut(int outcome, double observed) {
    }

    /**
     * Every per-trial output for one trial: {@code options} lists the strategies, the options in file
     * order then the staged rollouts in option order; {@code gates} the staged rollouts' gates.
     */
    record TrialOut(double pain, double revenue, double share, double fte, int score, int best,
            List<OptionOut> options, List<GateOut> gates, double[][] statusQuoKpis, double[][] statusQuoKpiScale) {
    }

    static final int GO = 1;
    static final int STOP = 0;
    static final int NO_GATE = -1;
    static final int[] CHECKPOINTS = {3, 6, 12};
    /** docs/model.md section 8's KPIs, in its table's order. */
    static final String[] KPIS = {"exception_rate", "labor_cost_per_order", "margin_leakage",
            "cash_in_excess_inventory", "pain_per_order"};
    static final String[] DRIVERS = GeneratedScenario.DRIVERS;

    /** How many gate draws took the normal approximation (so a test can show it was exercised). */
    int normalDraws;
    /** The gate outcomes seen so far. */
    final java.util.Set<Integer> outcomes = new java.util.HashSet<>();

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

    /** The shared quantities of one trial (its draws of business and pain, docs/model.md section 2). */
    private record Trial(int t, double[] orders, Drivers base, double[] pain, double[] labor, double aov,
            double margin, double w, boolean[][] hit) {
    }

    /** What a big-bang option leaves for its staged twin: the same trial's draws and section-2 quantities. */
    private record Twin(OptionSpec o, double[] adoption, double[] benefit, double[] painReduced, double[] r,
            double exceptionEffect, boolean failed, OptionOut out) {
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
        Trial tr = new Trial(t, orders, base, pain, labor, aov, margin, w, hit);

        // the status quo: a_m = 0, every r_d = 0
        double[] none = new double[horizon + 1];
        double[][] sqKpis = new double[CHECKPOINTS.length][KPIS.length];
        double[][] sqScale = new double[CHECKPOINTS.length][KPIS.length];
        kpis(tr, none, new double[DRIVERS.length], none, sqKpis, sqScale);

        List<OptionOut> outs = new java.util.ArrayList<>();
        List<Twin> twins = new java.util.ArrayList<>();
        for (OptionSpec o : s.options()) {
            Twin twin = option(o, tr);
            twins.add(twin);
            outs.add(twin.out());
        }
        List<GateOut> gates = new java.util.ArrayList<>();
        for (Twin twin : twins) {
            if (twin.o().stages() != null) {
                outs.add(staged(twin, tr, gates));
            }
        }
        int best = 0;
        double bestNpv = 0; // the status quo, NPV 0; ties go to it, then to the strategy listed first
        for (int k = 0; k < outs.size(); k++) {
            if (outs.get(k).npv() > bestNpv) {
                bestNpv = outs.get(k).npv();
                best = k + 1;
            }
        }
        return new TrialOut(annualPain, revenue, share, fte, score, best, outs, gates, sqKpis, sqScale);
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

    /** A big-bang option of section 2: its reduced drivers, benefit_m, a_m and costs_m; its figures. */
    private Twin option(OptionSpec o, Trial tr) {
        int t = tr.t();
        int horizon = s.horizonMonths();
        String p = "options." + o.id() + ".";
        boolean failed = in(p + "failure_draw", t) < in(p + "failure_probability", t);
        double failureShare = in(p + "failure_benefit_share", t);

        // pain'_m: every named driver d at d · (1 − r_d), r_d times failure_benefit_share on failure
        Drivers reduced = tr.base().copy();
        double[] rOf = new double[DRIVERS.length];
        for (String key : o.effects().keySet()) {
            double rd = in(p + "effects." + key, t) * (failed ? failureShare : 1);
            boolean done = false;
            for (int k = 0; k < DRIVERS.length; k++) {
                if (DRIVERS[k].equals(key)) {
                    reduced.d[k] = tr.base().d[k] * (1 - rd);
                    rOf[k] = rd;
                    done = true;
                }
            }
            for (int i = 0; i < s.pain().other().size(); i++) {
                if (s.pain().other().get(i).name().equals(key)) {
                    reduced.other[i] = tr.base().other[i] * (1 - rd);
                    done = true;
                }
            }
            for (int j = 0; j < s.pain().events().size(); j++) {
                if (s.pain().events().get(j).name().equals(key)) {
                    reduced.eventCost[j] = tr.base().eventCost[j] * (1 - rd);
                    done = true;
                }
            }
            if (!done) {
                throw new IllegalStateException("effect on unknown driver " + key);
            }
        }
        double[] painReduced = new double[horizon + 1];
        double[] benefit = new double[horizon + 1];
        for (int m = 1; m <= horizon; m++) {
            painReduced[m] = painOfMonth(reduced, tr.orders()[m], m, tr.aov(), tr.margin(), tr.w(), tr.hit());
            benefit[m] = tr.pain()[m] - painReduced[m]; // benefit_m = pain_m − pain'_m
        }

        double c = in(p + "one_time_cost", t);
        double annual = in(p + "annual_cost", t);
        double fee = in(p + "per_order_fee", t);
        double d = in(p + "implementation_months", t);
        double ramp = in(p + "ramp_months", t);
        double goLiveDip = in(p + "go_live_dip", t);
        int firstLive = (int) Math.floor(d) + 1;
        double[] a = new double[horizon + 1];
        double[] costs = new double[horizon + 1];
        for (int m = 1; m <= horizon; m++) {
            a[m] = m <= d ? 0 : ramp == 0 ? 1 : Math.min(1, (m - d) / ramp);
            double dip = m == firstLive ? goLiveDip * tr.labor()[m] : 0;
            costs[m] = annual / 12 + fee * tr.orders()[m] * a[m] + dip;
        }
        double re = rOf[idx("exception_rate")];
        OptionOut out = figures(tr, c, a, costs, benefit, painReduced, rOf, re, failed);
        return new Twin(o, a, benefit, painReduced, rOf, re, failed, out);
    }

    /**
     * The staged rollout of docs/model.md section 7 on the same draws as its big-bang twin: the pilot
     * scope s · a_m up to the gate G = m* + M − 1, the gate's two binomial draws, then go (the rest of
     * the orders ramp from G + 1) or stop.
     */
    private OptionOut staged(Twin twin, Trial tr, List<GateOut> gates) {
        int t = tr.t();
        int horizon = s.horizonMonths();
        OptionSpec o = twin.o();
        Stages st = o.stages();
        String p = "options." + o.id() + ".";
        double share = st.pilotShare();
        int months = st.pilotMonths();
        double c = in(p + "one_time_cost", t);
        double cp = st.pilotOneTimeCost() == null ? share * c : in(p + "stages.pilot_one_time_cost", t);
        double expansion = st.expansionCost() == null ? Math.max(0, c - cp) : in(p + "stages.expansion_cost", t);
        double stop = in(p + "stages.stop_cost", t, 0);
        double annual = in(p + "annual_cost", t);
        double fee = in(p + "per_order_fee", t);
        double d = in(p + "implementation_months", t);
        double ramp = in(p + "ramp_months", t);
        double goLiveDip = in(p + "go_live_dip", t);
        double[] a = twin.adoption();
        double[] orders = tr.orders();
        long firstLive = (long) Math.floor(d) + 1;   // m*
        long gate = firstLive + months - 1;           // G

        // the gate, at the end of month G when G < H
        int outcome = NO_GATE;
        double observed = Double.NaN;
        if (gate < horizon) {
            double e = tr.base().get("exception_rate");
            int b = (int) Math.max(1, firstLive - 1);
            long n0 = Math.round(share * orders[b]);
            long nG = Math.round(share * orders[(int) gate]);
            long x0 = binomial(in(p + "stages.baseline_draw", t), n0, e);
            long xG = binomial(in(p + "stages.gate_draw", t), nG, e * (1 - a[(int) gate] * twin.exceptionEffect()));
            observed = n0 == 0 || nG == 0 || x0 == 0 ? 0 : 1 - ((double) xG / nG) / ((double) x0 / n0);
            outcome = observed >= st.exceptionRateReduction() ? GO : STOP;
        }
        gates.add(new GateOut(outcome, observed));
        outcomes.add(outcome);

        double[] adoption = new double[horizon + 1];
        double[] costs = new double[horizon + 1];
        for (int m = 1; m <= horizon; m++) {
            if (m <= Math.min(gate, horizon)) {
                double dip = m == firstLive ? goLiveDip * tr.labor()[m] : 0;
                adoption[m] = share * a[m];
                costs[m] = share * annual / 12 + fee * orders[m] * share * a[m] + share * dip;
            } else if (outcome == GO) {
                double bm = ramp == 0 ? 1 : Math.min(1, (m - gate) / ramp);
                adoption[m] = share * a[m] + (1 - share) * bm;
                costs[m] = annual / 12 + fee * orders[m] * adoption[m];
                if (m == gate + 1) {
                    costs[m] += expansion + (1 - share) * goLiveDip * tr.labor()[m];
                }
            } else {
                adoption[m] = 0;
                costs[m] = m == gate + 1 ? stop : 0;
            }
        }
        return figures(tr, cp, adoption, costs, twin.benefit(), twin.painReduced(), twin.r(),
                twin.exceptionEffect(), twin.failed());
    }

    /** The u-quantile of Binomial(n, p): the smallest k with P(X ≤ k) ≥ u (see the class comment). */
    long binomial(double u, long n, double p) {
        if (n * p > 1000 && n * (1 - p) > 1000) {
            normalDraws++;
            double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(u);
            // Φ((k + ½ − np)/σ) ≥ u  ⇔  k ≥ np − ½ + σ·Φ⁻¹(u)
            double k = Math.ceil(n * p - 0.5 + Math.sqrt(n * p * (1 - p)) * z);
            return (long) Math.max(0, Math.min(n, k));
        }
        return new BinomialDistribution(null, Math.toIntExact(n), p).inverseCumulativeProbability(u);
    }

    /**
     * Every figure of docs/model.md section 2 (and the KPIs of section 8) from a strategy's one-time
     * cost C, adoption a_m, costs_m and the option's benefit_m.
     */
    private OptionOut figures(Trial tr, double c, double[] a, double[] costs, double[] benefit,
            double[] painReduced, double[] rOf, double exceptionEffect, boolean failed) {
        int horizon = s.horizonMonths();
        double rate = s.discountRate();
        double[] cum = new double[horizon + 1];
        cum[0] = -c;
        double npv = -c;
        double sumBenefit = 0;
        double sumCosts = 0;
        double firstYearCost = c;
        double yearOneBenefit = 0;
        double scale = Math.abs(c);
        for (int m = 1; m <= horizon; m++) {
            double net = a[m] * benefit[m] - costs[m]; // net_m = a_m · benefit_m − costs_m
            cum[m] = cum[m - 1] + net;
            npv += net / Math.pow(1 + rate, m / 12.0);
            sumBenefit += a[m] * benefit[m];
            sumCosts += costs[m];
            if (m <= 12) {
                firstYearCost += costs[m];
                yearOneBenefit += a[m] * benefit[m];
            }
            scale += Math.abs(a[m] * tr.pain()[m]) + Math.abs(a[m] * painReduced[m]) + Math.abs(costs[m]);
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
            cumAt[j] = cum[CHECKPOINTS[j]];
            maxOneTime[j] = maxOneTime(cum, c, CHECKPOINTS[j]);
        }
        double[][] kpis = new double[CHECKPOINTS.length][KPIS.length];
        double[][] kpiScale = new double[CHECKPOINTS.length][KPIS.length];
        kpis(tr, a, rOf, benefit, kpis, kpiScale);
        return new OptionOut(npv, roi, firstYearCost, yearOneBenefit, cumAt, maxOneTime,
                maxOneTime(cum, c, s.paybackMonths()), payback, cum, scale, denominator, c, exceptionEffect, failed,
                kpis, kpiScale);
    }

    /** max_{1≤m≤T} (cum_m + C). */
    private static double maxOneTime(double[] cum, double c, int until) {
        double max = Double.NEGATIVE_INFINITY;
        for (int m = 1; m <= until; m++) {
            max = Math.max(max, cum[m] + c);
        }
        return max;
    }

    /**
     * docs/model.md section 8: at T = 3, 6, 12 each driver d at its month-T value d · (1 − a_T · r_d),
     * and the five KPIs of its table from those drivers (pain_T and benefit_T of section 2 for
     * pain_per_order). {@code scale} gets the magnitude each KPI is made of: the same KPI at the
     * status quo's drivers (every month-T driver is at most that), or for pain_per_order
     * (pain_T + a_T · |benefit_T|) / O_T.
     */
    private void kpis(Trial tr, double[] a, double[] rOf, double[] benefit, double[][] out, double[][] scale) {
        double[] none = new double[DRIVERS.length];
        for (int j = 0; j < CHECKPOINTS.length; j++) {
            int month = CHECKPOINTS[j];
            double aT = a[month];
            double[] at = kpiRow(tr, month, aT, rOf, benefit[month]);
            double[] today = kpiRow(tr, month, 0, none, 0);
            double o = tr.orders()[month];
            for (int k = 0; k < KPIS.length; k++) {
                out[j][k] = at[k];
                scale[j][k] = Math.max(Math.abs(at[k]), Math.abs(today[k]));
            }
            scale[j][4] = ratio(tr.pain()[month] + Math.abs(aT * benefit[month]), o);
        }
    }

    private double[] kpiRow(Trial tr, int month, double aT, double[] rOf, double benefitT) {
        double[] d = new double[DRIVERS.length];
        for (int k = 0; k < DRIVERS.length; k++) {
            d[k] = tr.base().d[k] * (1 - aT * rOf[k]); // d · (1 − a_T · r_d)
        }
        double o = tr.orders()[month];
        double w = tr.w();
        double aov = tr.aov();
        double labor = o * d[idx("exception_rate")] * d[idx("minutes_per_exception")] / 60 * w;
        double reconciliation = d[idx("reconciliation_hours_per_week")] * 52 / 12 * w;
        double expedite = o * d[idx("exception_rate")] * d[idx("expedite_share_of_exceptions")]
                * d[idx("expedite_fee")];
        double lostSales = o * d[idx("cancellation_rate")]
                * (aov * tr.margin() + d[idx("churn_share_of_cancellations")] * d[idx("customer_lifetime_margin")]);
        double writeOffs = d[idx("write_offs_per_year")] / 12;
        return new double[] {
            d[idx("exception_rate")],
            ratio(labor + reconciliation, o),
            ratio(expedite + lostSales + writeOffs, o * aov),
            d[idx("excess_inventory_value")],
            ratio(tr.pain()[month] - aT * benefitT, o),
        };
    }

    private static int idx(String driver) {
        for (int k = 0; k < DRIVERS.length; k++) {
            if (DRIVERS[k].equals(driver)) {
                return k;
            }
        }
        throw new IllegalArgumentException(driver);
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
