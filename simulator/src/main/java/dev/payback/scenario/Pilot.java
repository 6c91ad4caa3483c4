package dev.payback.scenario;

import java.util.List;
import java.util.Objects;

/**
 * A pilot's observed numbers (docs/model.md section 6): which option was piloted, on what share of the
 * orders, the success criterion, and the orders and exceptions of each pilot month. Months ≤ 0 are
 * the baseline before go-live; months ≥ 1 count from the pilot's own go-live.
 *
 * @param source                the file it was read from (for messages)
 * @param option                the id of the scenario option the pilot tried
 * @param scopeShare            the share of all orders that went through the pilot, in (0, 1]
 * @param exceptionRateReduction the success criterion: the observed reduction must reach it, in [0, 1]
 * @param months                the observed months, sorted by month number; at least one ≤ 0 and one ≥ 1
 * @param promiseAccuracyIncrease success criterion (optional, NaN when absent): the last live month's
 *                              promise accuracy must reach (1 + this) × the baseline's, ≥ 0
 * @param maxPilotCost          success criterion (optional, NaN when absent): the actual pilot cost must
 *                              not exceed it; needs {@code actualPilotCost}
 * @param actualPilotCost       what the pilot actually cost (optional, NaN when absent), ≥ 0
 * @param actualOneTimeCost     the option's one-time cost as now known (optional, NaN when absent), ≥ 0:
 *                              replaces the projected one-time cost in the updated figures at that price
 */
public record Pilot(String source, String option, double scopeShare, double exceptionRateReduction,
                    List<Month> months, double promiseAccuracyIncrease, double maxPilotCost,
                    double actualPilotCost, double actualOneTimeCost) {

    /** A pilot with the exception-rate criterion only and no actual costs. */
    public Pilot(String source, String option, double scopeShare, double exceptionRateReduction, List<Month> months) {
        this(source, option, scopeShare, exceptionRateReduction, months, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN);
    }

    /**
     * One observed month: exceptions out of orders, 0 ≤ exceptions ≤ orders, orders ≥ 1; and,
     * optionally, promises kept out of promises made (both −1 when not counted; else
     * 0 ≤ promisesKept ≤ promises, promises ≥ 1).
     */
    public record Month(int month, long orders, long exceptions, long promises, long promisesKept) {
        public Month {
            if (orders < 1 || exceptions < 0 || exceptions > orders) {
                throw new IllegalArgumentException("need 0 <= exceptions <= orders and orders >= 1: " + exceptions
                        + " of " + orders);
            }
            boolean none = promises == -1 && promisesKept == -1;
            if (!none && (promises < 1 || promisesKept < 0 || promisesKept > promises)) {
                throw new IllegalArgumentException("need 0 <= promises_kept <= promises and promises >= 1: "
                        + promisesKept + " of " + promises);
            }
        }

        /** A month without promise counts. */
        public Month(int month, long orders, long exceptions) {
            this(month, orders, exceptions, -1, -1);
        }

        /** Whether the month counts promises. */
        public boolean hasPromises() {
            return promises >= 1;
        }

        /** exceptions / orders. */
        public double rate() {
            return (double) exceptions / orders;
        }
    }

    public Pilot {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(option, "option");
        if (!(scopeShare > 0 && scopeShare <= 1)) {
            throw new IllegalArgumentException("scope_share must lie in (0, 1]");
        }
        if (!(exceptionRateReduction >= 0 && exceptionRateReduction <= 1)) {
            throw new IllegalArgumentException("exception_rate_reduction must lie in [0, 1]");
        }
        if (!Double.isNaN(promiseAccuracyIncrease) && !(promiseAccuracyIncrease >= 0
                && Double.isFinite(promiseAccuracyIncrease))) {
            throw new IllegalArgumentException("promise_accuracy_increase must be >= 0");
        }
        for (double cost : new double[] {maxPilotCost, actualPilotCost, actualOneTimeCost}) {
            if (!Double.isNaN(cost) && !(cost >= 0 && Double.isFinite(cost))) {
                throw new IllegalArgumentException("costs must be >= 0");
            }
        }
        if (!Double.isNaN(maxPilotCost) && Double.isNaN(actualPilotCost)) {
            throw new IllegalArgumentException("max_pilot_cost needs actual_pilot_cost");
        }
        months = months.stream().sorted((a, b) -> Integer.compare(a.month(), b.month())).toList();
        for (int k = 1; k < months.size(); k++) {
            if (months.get(k).month() == months.get(k - 1).month()) {
                throw new IllegalArgumentException("duplicate month " + months.get(k).month());
            }
        }
        if (months.isEmpty() || months.get(0).month() > 0 || months.get(months.size() - 1).month() < 1) {
            throw new IllegalArgumentException("a pilot needs at least one baseline month (<= 0) and one live month");
        }
    }

    /** Whether the pilot sets a promise-accuracy criterion. */
    public boolean hasPromiseCriterion() {
        return !Double.isNaN(promiseAccuracyIncrease);
    }

    /** Baseline promise accuracy: pooled Σ kept / Σ promises of the months ≤ 0 that count promises; NaN if none. */
    public double baselinePromiseAccuracy() {
        long kept = 0;
        long made = 0;
        for (Month m : baseline()) {
            if (m.hasPromises()) {
                kept += m.promisesKept();
                made += m.promises();
            }
        }
        return made == 0 ? Double.NaN : (double) kept / made;
    }

    /** The last live month that counts promises, or null. */
    public Month lastLivePromises() {
        Month last = null;
        for (Month m : live()) {
            if (m.hasPromises()) {
                last = m;
            }
        }
        return last;
    }

    /**
     * The observed relative increase of promise accuracy {@code acc_last / acc_base − 1}, acc_last
     * the last live month's kept/promises and acc_base the pooled baseline accuracy; NaN when either
     * is missing, +∞ when the baseline kept no promise and the last month kept some.
     */
    public double observedPromiseIncrease() {
        double base = baselinePromiseAccuracy();
        Month last = lastLivePromises();
        if (Double.isNaN(base) || last == null) {
            return Double.NaN;
        }
        double acc = (double) last.promisesKept() / last.promises();
        if (base == 0) {
            return acc == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return acc / base - 1;
    }

    /** The baseline months (month ≤ 0), in order. */
    public List<Month> baseline() {
        return months.stream().filter(m -> m.month() <= 0).toList();
    }

    /** The live months (month ≥ 1), in order. */
    public List<Month> live() {
        return months.stream().filter(m -> m.month() >= 1).toList();
    }

    /** The last live month. */
    public Month lastLive() {
        List<Month> l = live();
        return l.get(l.size() - 1);
    }

    /** rate_base: pooled Σ exceptions / Σ orders of the months ≤ 0. */
    public double baselineRate() {
        long e = 0;
        long o = 0;
        for (Month m : baseline()) {
            e = Math.addExact(e, m.exceptions());
            o = Math.addExact(o, m.orders());
        }
        return (double) e / o;
    }

    /**
     * The observed reduction {@code 1 − rate_last / rate_base}; 0 when the baseline had no
     * exceptions and neither has the last month, −∞ when only the last month has some.
     */
    public double observedReduction() {
        double base = baselineRate();
        double last = lastLive().rate();
        if (base == 0) {
            return last == 0 ? 0 : Double.NEGATIVE_INFINITY;
        }
        return 1 - last / base;
    }
}
