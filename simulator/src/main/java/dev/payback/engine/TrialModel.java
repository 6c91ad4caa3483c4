package dev.payback.engine;

import dev.payback.scenario.Driver;
import dev.payback.scenario.Scenario;

/**
 * The equations of docs/model.md section 2, the staged rollouts of section 7 and the per-trial score of
 * section 4, in one place (the pain components in {@link PainTable}, the KPIs of section 8 in {@link Kpis}):
 * every strategy's figures come from one month loop, {@link #cashFlow}.
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
    /** The payback bar T* (decision.payback_months). */
    private final int bar;
    private final int years;
    /** season[(m−1) mod 12] by month m = 1..H. */
    private final double[] season;
    /** discount[m] = (1+r)^(−m/12), m = 1..H. */
    private final double[] discount;
    /** Month loop segments: each ends at a checkpoint (3, 6, 12), a year end, the payback bar or the horizon. */
    private final int[] segmentEnds;
    private final double hoursPerFteYear;
    private final int complexity;
    private final int channelScore;
    /** KPI checkpoints, docs/model.md section 8. */
    private final Kpis kpis;
    /** Staged strategy of each option, or −1. */
    private final int[] stagedOf;

    /** Per-thread working memory, sized once. */
    public static final class Scratch {
        final double[] orders;
        final double[] drivers = new double[DRIVERS];
        final double[] reduced = new double[DRIVERS];
        final double[] events;
        final double[] eventSaving;
        /** a_m of the option being evaluated, m = 1..H. */
        final double[] adoption;

        /** [event][year]: whether event j happened in year y of this trial (B_jy). */
        final boolean[][] eventHit;
        /** The last evaluated option's benefit_m = O_m · perOrderSaving + fixedSaving + eventSaving[year(m)]. */
        double perOrderSaving;
        double fixedSaving;
        /** Adoption of the staged strategy being evaluated, m = 1..H (docs/model.md section 7). */
        final double[] stagedAdoption;
        /** This trial's staged NPVs, by staged strategy. */
        final double[] stagedNpv;
        /** Pilot designs to evaluate beside the run's strategies ({@link PilotPlan}); null in a run. */
        Designs designs;

        Scratch(int horizon, int years, int eventCount, int stagedCount) {
            stagedAdoption = new double[horizon + 1];
            stagedNpv = new double[stagedCount];
            eventHit = new boolean[eventCount][years + 1];
            orders = new double[horizon + 1];
            adoption = new double[horizon + 1];
            events = new double[years + 1];
            eventSaving = new double[years + 1];
        }
    }

    TrialModel(Scenario s, Layout layout) {
        this.layout = layout;
        this.horizon = s.horizonMonths();
        this.bar = s.paybackMonths();
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
        for (int c : OptionColumns.CHECKPOINT_MONTHS) {
            if (c <= horizon) {
                ends.add(c);
            }
        }
        for (int y = 12; y < horizon; y += 12) {
            ends.add(y);
        }
        if (bar < horizon) {
            ends.add(bar);
        }
        ends.add(horizon);
        this.segmentEnds = ends.stream().mapToInt(Integer::intValue).toArray();
        this.hoursPerFteYear = s.business().hoursPerFteYear();
        this.complexity = s.business().complexity();
        this.channelScore = channelScore(s.business().channels());
        this.kpis = new Kpis(horizon);
        this.stagedOf = new int[layout.options.length];
        java.util.Arrays.fill(stagedOf, -1);
        for (int j = 0; j < layout.staged.length; j++) {
            stagedOf[layout.staged[j].twin] = j;
        }
    }

    /** The model of a scenario laid out by {@code layout} (which must be {@code Layout.of(s)}). */
    public static TrialModel of(Scenario s, Layout layout) {
        return new TrialModel(s, layout);
    }

    /** A scratch area for one thread. */
    public Scratch newScratch() {
        return new Scratch(horizon, years, layout.eventCost.length, layout.staged.length);
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
        final double laborPerOrder = laborPerOrder(d, w);
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
            int j = stagedOf[k];
            if (j >= 0) {
                // the twin's adoption and savings are still in the scratch: same draws, same trial
                Layout.StagedLayout g = l.staged[j];
                int strategy = l.options.length + j;
                double observed = observedReduction(j, g.share, g.months, in, t, s, out.options[k].exceptionEffect[i]);
                s.stagedNpv[j] = evaluateStaged(j, g.share, g.months, g.target, 1, 1, observed, in, t,
                        out.options[strategy],
                        out.gates[j], i, s, laborPerOrder, out.options[k], paths == null ? null : paths.option(strategy),
                        pathSlot);
                // KPI checkpoints of the staged strategy: its adoption is in s.stagedAdoption, the twin's
                // reduced drivers and savings are still in the scratch
                kpis.record(out.options[strategy].kpis, i, s.stagedAdoption, d, s.reduced, orders, perOrder, fixed,
                        s.events, s.perOrderSaving, s.fixedSaving, s.eventSaving, aov, margin, w);
                if (s.designs != null && s.designs.staged == j) {
                    evaluateDesigns(s.designs, in, t, i, s, laborPerOrder, out.options[k]);
                }
            }
        }
        for (int j = 0; j < l.staged.length; j++) {
            if (s.stagedNpv[j] > bestNpv) {
                bestNpv = s.stagedNpv[j];
                best = l.options.length + j + 1;
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
        // r_q = d_q where the option has no effect on driver q, d_q · (1 − effect · scale) where it has one
        System.arraycopy(d, 0, r, 0, DRIVERS);
        final int[] effectDrivers = ol.effectDrivers;
        for (int e = 0; e < effectDrivers.length; e++) {
            int q = effectDrivers[e];
            r[q] = reduced(d[q], in[ol.driverEffect[q]][t], scale);
        }
        out.exceptionEffect[i] = ol.driverEffect[EXC] == Layout.NONE ? 0 : in[ol.driverEffect[EXC]][t] * scale;
        double otherReduced = 0;
        for (int q = 0; q < l.other.length; q++) {
            int col = ol.otherEffect[q];
            double v = in[l.other[q]][t];
            otherReduced += col == Layout.NONE ? v : reduced(v, in[col][t], scale);
        }
        // benefit_m = pain_m − pain'_m = O_m · perOrderSaving + fixedSaving + eventSaving[year(m)]
        final double perOrderSaving = perOrder - perOrderPain(r, aov, margin, w);
        final double fixedSaving = fixed - fixedMonthlyPain(r, w, otherReduced);
        s.perOrderSaving = perOrderSaving;
        s.fixedSaving = fixedSaving;
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
        final int firstLive = firstLiveMonth(impl);

        // a_m = 0 for m ≤ D; 1 if R = 0; else min(1, (m − D)/R), tabulated once per trial and option
        final double[] adopt = s.adoption;
        int m = 1;
        for (; m <= horizon && m <= impl; m++) {
            adopt[m] = 0;
        }
        if (ramp != 0) {
            for (; m <= horizon; m++) {
                double v = rampShare(m - impl, ramp);
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
        // costs_m = A/12 + φ · O_m · a_m + dip_m, the dip only in the first live month m* = floor(D) + 1
        // running_m = A/12 in every month
        final boolean dips = firstLive <= horizon;
        return cashFlow(oneTime, adopt, annual, horizon, annual, dips ? firstLive : 0,
                dips ? dipCost(dip, s.orders[firstLive], laborPerOrder) : 0, 0, 0, fee, out, i, s, path, slot);
    }

    /**
     * Every figure of docs/model.md section 2 of one strategy in one trial, written once for the big-bang
     * options and the staged rollouts alike: from the one-time cost C (paid at month 0), the strategy's
     * adoption a_m and its costs {@code costs_m = running_m + φ · O_m · a_m + extra_m}, with the option's
     * benefit {@code benefit_m = O_m · perOrderSaving + fixedSaving + eventSaving[year(m)]} left in the
     * scratch by {@link #evaluateOption}: net_m, the cumulative position, payback month, NPV, ROI,
     * first-year cost, year-one benefit, cum and max one-time cost at the checkpoints and at the payback
     * bar. Writes row i of {@code out} (and the trial's monthly path when {@code path} is not null);
     * returns the NPV.
     *
     * <p>The costs are given by their few values: running_m is {@code runningUpTo} in months m ≤
     * {@code switchMonth} and {@code runningAfter} later; extra_m is {@code gateCost} in month
     * {@code gateCostMonth}, else {@code dipCost} in month {@code dipMonth}, else 0 (a month 0 names none).
     */
    private double cashFlow(double oneTime, double[] adopt, double runningUpTo, int switchMonth, double runningAfter,
            int dipMonth, double dipCost, int gateCostMonth, double gateCost, double fee, OptionColumns out, int i,
            Scratch s, double[][] path, int slot) {
        if (path != null) {
            path[horizon][slot] = oneTime;   // cum_0 = −C, for the monthly cash flow
        }
        final double perOrderSaving = s.perOrderSaving;
        final double fixedSaving = s.fixedSaving;
        double sumNet = 0;            // Σ_{k≤m} net_k = cum_m + C
        double npv = -oneTime;
        double costSum = 0;
        double firstYearCost = oneTime;
        int payback = 0;
        int checkpoint = 0;
        double maxSumNet = Double.NEGATIVE_INFINITY;
        double maxAtBar = Double.NEGATIVE_INFINITY;   // max_{m≤T*} (cum_m + C)
        double yearOneBenefit = 0;                     // Σ_{m≤12} a_m · benefit_m
        final double[] orders = s.orders;
        final double[] disc = discount;
        int from = 1;
        int nextEnd = 0;
        // Segments end at the checkpoints, at every year end and at the payback bar, so each has one event
        // year and lies wholly in or after the first year and wholly within or beyond the bar: the month
        // loops below have no per-month branch for checkpoints, the event lookup or the bar, and the first
        // year's has the first-year figures, the later months' loop not (fewer live values, which the quick
        // compiler would keep in memory). Both compute net_m and the sums in the same order. They are cut
        // further where the costs change (after switchMonth, before and after the dip and gate months), so
        // within a segment running_m and extra_m are one value each, read from locals instead of arrays.
        while (from <= horizon) {
            int end = segmentEnds[nextEnd];
            end = cut(end, from, switchMonth);
            end = cut(end, from, dipMonth - 1);
            end = cut(end, from, dipMonth);
            end = cut(end, from, gateCostMonth - 1);
            end = cut(end, from, gateCostMonth);
            if (end == segmentEnds[nextEnd]) {
                nextEnd++;
            }
            final double running = from <= switchMonth ? runningUpTo : runningAfter;
            final double extra = from == gateCostMonth ? gateCost : from == dipMonth ? dipCost : 0;
            final double eventSaving = s.eventSaving[(from + 11) / 12];
            final boolean withinBar = end <= bar;
            if (end <= 12) {
                for (int mm = from; mm <= end; mm++) {
                    final double o = orders[mm];
                    final double a = adopt[mm];
                    final double benefit = monthly(o, perOrderSaving, fixedSaving, eventSaving);
                    final double cost = running + fee * o * a + extra;
                    final double net = a * benefit - cost;
                    sumNet += net;
                    npv += net * disc[mm];
                    costSum += cost;
                    firstYearCost += cost;
                    yearOneBenefit += a * benefit;
                    if (sumNet > maxSumNet) {
                        maxSumNet = sumNet;
                    }
                    if (withinBar && sumNet > maxAtBar) {
                        maxAtBar = sumNet;
                    }
                    if (payback == 0 && sumNet >= oneTime) {
                        payback = mm;
                    }
                    if (path != null) {
                        path[mm - 1][slot] = sumNet - oneTime;
                    }
                }
            } else {
                for (int mm = from; mm <= end; mm++) {
                    final double o = orders[mm];
                    final double a = adopt[mm];
                    final double benefit = monthly(o, perOrderSaving, fixedSaving, eventSaving);
                    final double cost = running + fee * o * a + extra;
                    final double net = a * benefit - cost;
                    sumNet += net;
                    npv += net * disc[mm];
                    costSum += cost;
                    if (withinBar && sumNet > maxAtBar) {
                        maxAtBar = sumNet;
                    }
                    if (payback == 0 && sumNet >= oneTime) {
                        payback = mm;
                    }
                    if (path != null) {
                        path[mm - 1][slot] = sumNet - oneTime;
                    }
                }
            }
            if (checkpoint < OptionColumns.CHECKPOINT_MONTHS.length && end == OptionColumns.CHECKPOINT_MONTHS[checkpoint]) {
                out.cumulativeNet[checkpoint][i] = sumNet - oneTime;
                out.maxCumulativeBeforeOneTime[checkpoint][i] = maxSumNet;
                checkpoint++;
            }
            from = end + 1;
        }
        out.npv[i] = npv;
        out.oneTimeCost[i] = oneTime;
        double denominator = oneTime + costSum;
        // Σ a·benefit − Σ costs = Σ net = sumNet
        out.roi[i] = denominator == 0 ? Double.NaN : (sumNet - oneTime) / denominator;
        out.firstYearCost[i] = firstYearCost;
        out.yearOneBenefit[i] = yearOneBenefit;
        out.maxCumulativeAtBar[i] = maxAtBar;
        out.paybackMonth[i] = (short) payback;
        return npv;
    }

    /** The end of a segment from {@code from}: {@code end}, or {@code c} when a cut at c falls in from..end − 1. */
    private static int cut(int end, int from, int c) {
        return c >= from && c < end ? c : end;
    }

    /**
     * A grid of pilot designs of one staged strategy, evaluated on the same trial as the run's
     * strategies (common random numbers): design d's outputs go to row i of {@code out[d]} and
     * {@code gates[d]}. Designs that share a pilot share and length share the gate's measurement.
     */
    static final class Designs {
        final int staged;
        final double[] share;
        final int[] months;
        final double[] target;
        final double[] pilotScale;
        final double[] expansionScale;
        /** Index of each design's (share, months) pair. */
        final int[] pair;
        final double[] pairShare;
        final int[] pairMonths;
        final double[] observed;
        final OptionColumns[] out;
        final GateColumns[] gates;

        Designs(int staged, double[] share, int[] months, double[] target, double[] pilotScale,
                double[] expansionScale, int rows) {
            this.staged = staged;
            this.share = share.clone();
            this.months = months.clone();
            this.target = target.clone();
            this.pilotScale = pilotScale.clone();
            this.expansionScale = expansionScale.clone();
            int n = share.length;
            pair = new int[n];
            double[] ps = new double[n];
            int[] pm = new int[n];
            int pairs = 0;
            for (int d = 0; d < n; d++) {
                int found = -1;
                for (int q = 0; q < pairs; q++) {
                    if (ps[q] == share[d] && pm[q] == months[d]) {
                        found = q;
                        break;
                    }
                }
                if (found < 0) {
                    ps[pairs] = share[d];
                    pm[pairs] = months[d];
                    found = pairs++;
                }
                pair[d] = found;
            }
            pairShare = java.util.Arrays.copyOf(ps, pairs);
            pairMonths = java.util.Arrays.copyOf(pm, pairs);
            observed = new double[pairs];
            out = new OptionColumns[n];
            gates = new GateColumns[n];
            for (int d = 0; d < n; d++) {
                out[d] = new OptionColumns(rows);
                gates[d] = new GateColumns(rows);
            }
        }
    }

    private void evaluateDesigns(Designs ds, double[][] in, int t, int i, Scratch s, double laborPerOrder,
            OptionColumns twin) {
        double re = twin.exceptionEffect[i];
        for (int q = 0; q < ds.observed.length; q++) {
            ds.observed[q] = observedReduction(ds.staged, ds.pairShare[q], ds.pairMonths[q], in, t, s, re);
        }
        for (int d = 0; d < ds.share.length; d++) {
            evaluateStaged(ds.staged, ds.share[d], ds.months[d], ds.target[d], ds.pilotScale[d], ds.expansionScale[d],
                    ds.observed[ds.pair[d]], in, t, ds.out[d], ds.gates[d], i, s, laborPerOrder, twin, null, 0);
        }
    }

    /**
     * The gate's observed reduction of staged strategy j (docs/model.md section 7) for a pilot of this
     * share and length, in the trial whose big-bang twin was just evaluated into {@code s}
     * ({@code re}: the twin's exception-rate effect after the failure draw); NaN when the gate falls
     * outside the horizon. Baseline b = max(1, m* − 1), n = round(s · O), X_0 ~ Bin(n_0, e) and
     * X_G ~ Bin(n_G, e(1 − a_G r_e)), each drawn by inverting the trial's own uniform.
     */
    double observedReduction(int j, double share, int months, double[][] in, int t, Scratch s, double re) {
        final Layout.StagedLayout g = layout.staged[j];
        final int firstLive = firstLiveMonth(in[layout.options[g.twin].implementationMonths][t]);
        final int gateMonth = gateMonth(firstLive, months);
        if (gateMonth >= horizon) {
            return Double.NaN;
        }
        final double[] orders = s.orders;
        final double e = s.drivers[EXC];
        final long n0 = Math.round(share * orders[Math.max(1, firstLive - 1)]);
        final long nG = Math.round(share * orders[gateMonth]);
        final long x0 = BinomialQuantile.of(in[g.baselineDraw][t], n0, e);
        final long xG = BinomialQuantile.of(in[g.gateDraw][t], nG, e * (1 - s.adoption[gateMonth] * re));
        return n0 == 0 || nG == 0 || x0 == 0 ? 0 : 1 - ((double) xG / nG) / ((double) x0 / n0);
    }

    /**
     * Evaluates staged strategy j (docs/model.md section 7) in the trial whose big-bang twin was just
     * evaluated into {@code s} (its adoption a_m, savings and event savings) and {@code twin}.
     * The design (share, months, target) is the scenario's in a run; {@code pilot-plan} passes
     * others, scaling an explicit pilot cost by {@code pilotScale} and an explicit expansion cost by
     * {@code expansionScale}. {@code observed} is {@link #observedReduction} for this share and
     * length. Tabulates the strategy's adoption and costs by month and hands them to the same
     * {@link #cashFlow} as the big bang; writes row i of {@code out} and {@code gate}; returns the NPV.
     */
    double evaluateStaged(int j, double share, int months, double target, double pilotScale, double expansionScale,
            double observed, double[][] in, int t, OptionColumns out, GateColumns gate, int i, Scratch s,
            double laborPerOrder, OptionColumns twin, double[][] path, int slot) {
        final Layout.StagedLayout g = layout.staged[j];
        final Layout.OptionLayout ol = layout.options[g.twin];
        final double bigOneTime = in[ol.oneTimeCost][t];
        final double annual = in[ol.annualCost][t] / 12;
        final double fee = in[ol.perOrderFee][t];
        final double impl = in[ol.implementationMonths][t];
        final double ramp = in[ol.rampMonths][t];
        final double dip = in[ol.goLiveDip][t];
        final double pilotCost = g.pilotOneTimeCost == Layout.NONE ? share * bigOneTime
                : in[g.pilotOneTimeCost][t] * pilotScale;
        final double expansion = g.expansionCost == Layout.NONE ? Math.max(0, bigOneTime - pilotCost)
                : in[g.expansionCost][t] * expansionScale;
        final double stop = in[g.stopCost][t];
        final double re = twin.exceptionEffect[i];
        final double[] orders = s.orders;
        final double[] adopt = s.adoption;
        // m* = floor(D) + 1 and the gate at the end of G = m* + M − 1 (capped: beyond H means no gate)
        final int firstLive = firstLiveMonth(impl);
        final int gateMonth = gateMonth(firstLive, months);
        final boolean go = observed >= target;
        if (Double.isNaN(observed)) {
            gate.outcome[i] = GateColumns.NO_GATE;
        } else {
            gate.outcome[i] = go ? GateColumns.GO : GateColumns.STOP;
        }
        gate.observedReduction[i] = observed;
        final int pilotEnd = Math.min(gateMonth, horizon);
        final double[] sa = s.stagedAdoption;
        // the pilot scope: adoption s · a_m; costs s · A/12 + φ · O_m · s · a_m + s · dip_m
        final double pilotRunning = share * annual;
        for (int m = 1; m <= pilotEnd; m++) {
            sa[m] = share * adopt[m];
        }
        final boolean pilotDips = firstLive <= pilotEnd;
        final double pilotDip = pilotDips ? dipCost(share * dip, orders[firstLive], laborPerOrder) : 0;
        if (go) {
            // s · a_m + (1 − s) · b_m, b_m = min(1, (m − G)/R); costs A/12 + φ · O_m · adoption_m, and in G + 1
            // the expansion cost and the rest's dip (1 − s) · go_live_dip · labor_{G+1}
            for (int m = pilotEnd + 1; m <= horizon; m++) {
                sa[m] = share * adopt[m] + (1 - share) * rampShare(m - gateMonth, ramp);
            }
        } else {
            // no-go: no benefit and no cost after the gate, except the stop cost in G + 1
            for (int m = pilotEnd + 1; m <= horizon; m++) {
                sa[m] = 0;
            }
        }
        final int afterGate = gateMonth + 1;
        final boolean gateCosts = afterGate <= horizon;
        final double gateCost = !gateCosts ? 0
                : go ? expansion + dipCost((1 - share) * dip, orders[afterGate], laborPerOrder) : stop;
        // running_m: s · A/12 up to the pilot's end, then A/12 after a go and 0 after a stop
        final double npv = cashFlow(pilotCost, sa, pilotRunning, pilotEnd, go ? annual : 0, pilotDips ? firstLive : 0,
                pilotDip, gateCosts ? afterGate : 0, gateCost, fee, out, i, s, path, slot);
        out.exceptionEffect[i] = re;
        out.failed[i] = twin.failed[i];
        return npv;
    }

    /** m* = floor(D) + 1, the first live month, capped at H + 1 (beyond the horizon). */
    private int firstLiveMonth(double implementationMonths) {
        return firstLiveMonth(implementationMonths, horizon);
    }

    /**
     * m* = floor(D) + 1 capped at H + 1: {@code (int) Math.min(Math.floor(D) + 1, H + 1.0)} for every
     * double D, with a cast where it is the same (Math.floor is a Java call, not an intrinsic, in the
     * quick compiler the launcher runs). For 0 ≤ D &lt; H (H ≤ 2^31 − 1): the cast truncates toward
     * zero, which for a finite D ≥ 0 below 2^31 is floor(D); floor(D) ≤ H − 1, so floor(D) + 1 ≤ H is
     * below the cap and exact in a double. Negative D, NaN and D ≥ H take the formula itself.
     */
    static int firstLiveMonth(double implementationMonths, int horizon) {
        if (implementationMonths >= 0 && implementationMonths < horizon) {
            return (int) implementationMonths + 1;
        }
        return (int) Math.min(Math.floor(implementationMonths) + 1, horizon + 1.0);
    }

    /** The gate month G = m* + M − 1 of a pilot of M live months, capped at H + 1 (no gate). */
    private int gateMonth(int firstLive, int months) {
        return (int) Math.min((long) firstLive + months - 1, horizon + 1L);
    }

    /**
     * A ramp's share of full adoption {@code t} months after it starts: min(1, t/R), 1 when R = 0
     * (a_m with t = m − D, and the staged rollout's b_m with t = m − G, docs/model.md sections 2 and 7).
     */
    static double rampShare(double t, double ramp) {
        if (ramp == 0) {
            return 1;
        }
        // Math.min(1, x) without the call (not inlined by the quick compiler): with a first argument of 1
        // (not NaN, not zero) it is (1 <= x) ? 1 : x, NaN and −0.0 included
        double x = t / ramp;
        return 1 <= x ? 1 : x;
    }

    /** A go-live dip of {@code share} of one month's labor: dip_m = go_live_dip · labor_m, labor_m = O_m · laborPerOrder. */
    static double dipCost(double share, double orders, double laborPerOrder) {
        return share * orders * laborPerOrder;
    }

    /** Monthly status-quo pain per order: labor + expedite + lost sales + support (docs/model.md section 2, per order). */
    static double perOrderPain(double[] d, double aov, double margin, double w) {
        double e = d[EXC];
        return laborPerOrder(d, w)
                + PainTable.expedite(1, e, d[EXP_SHARE], d[EXP_FEE])
                + PainTable.lostSales(1, d[CANCEL], aov, margin, d[CHURN], d[LIFETIME])
                + PainTable.support(1, e, d[TICKETS], d[TICKET_COST]);
    }

    /** The labor component per order, e · t/60 · w (so labor_m = O_m · laborPerOrder; it prices the go-live dip). */
    static double laborPerOrder(double[] d, double w) {
        return PainTable.labor(1, d[EXC], d[MIN], w);
    }

    /** Monthly pain that does not scale with orders: reconciliation + carrying + write-offs + other. */
    static double fixedMonthlyPain(double[] d, double w, double otherPerYear) {
        return PainTable.reconciliation(d[RECON], w) + PainTable.carrying(d[EXCESS], d[CARRY])
                + PainTable.writeOffs(d[WRITE_OFFS]) + PainTable.other(otherPerYear);
    }

    /**
     * A driver at full adoption, {@code d · (1 − r_d)}, with {@code r_d = effect · scale} the effect after the
     * failure draw (scale = failure_benefit_share when the rollout failed, else 1).
     */
    static double reduced(double d, double effect, double scale) {
        return d * (1 - effect * scale);
    }

    /**
     * A month's pain or benefit from its parts: {@code O_m · perOrder + fixed + events of year(m)}
     * (pain_m of the status quo, and benefit_m = pain_m − pain'_m with the savings as parts).
     */
    static double monthly(double orders, double perOrder, double fixed, double eventsOfYear) {
        return orders * perOrder + fixed + eventsOfYear;
    }

    /** num / den; when den ≤ 0, +∞ for a positive numerator and 0 otherwise (docs/model-notes.md). */
    static double ratio(double num, double den) {
        if (den > 0) {
            return num / den;
        }
        return num > 0 ? Double.POSITIVE_INFINITY : 0;
    }

    // Decision matrix, docs/model.md section 4.

    // The bands are counted rather than branched on (5 − the number of bars the value stays below),
    // which the JIT compiles without unpredictable branches; same results as the if-chains of
    // docs/model.md section 4, NaN included (it scores 5).

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
