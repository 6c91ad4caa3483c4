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
 */
public record Pilot(String source, String option, double scopeShare, double exceptionRateReduction,
                    List<Month> months) {

    /** One observed month: exceptions out of orders, 0 ≤ exceptions ≤ orders, orders ≥ 1. */
    public record Month(int month, long orders, long exceptions) {
        public Month {
            if (orders < 1 || exceptions < 0 || exceptions > orders) {
                throw new IllegalArgumentException("need 0 <= exceptions <= orders and orders >= 1: " + exceptions
                        + " of " + orders);
            }
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
