package dev.payback.analysis;

import dev.payback.engine.MonthlyPaths;
import dev.payback.engine.SimulationResult;

import java.util.ArrayList;
import java.util.List;

/**
 * Cash flow by month: for each option, the P10, median and P90 over trials of the monthly net
 * {@code net_m = cum_m − cum_{m−1}} (with {@code cum_0 = −C}, so month 0 is −C) and of the
 * cumulative position {@code cum_m}, m = 0..H (docs/model.md section 2). Computed from the monthly
 * paths the engine keeps ({@link MonthlyPaths}: every trial up to 100,000, a fixed subsample
 * beyond). Percentiles of a period longer than a month (a quarter) are of the period's sum per
 * trial, not sums of monthly percentiles.
 */
public record CashFlow(int keptTrials, List<OptionFlow> options) {

    public CashFlow {
        options = List.copyOf(options);
    }

    /** P10, median and P90 of one figure. */
    public record Band(double p10, double p50, double p90) {
    }

    /** One period (a month, or a quarter) of one option: its net and the cumulative position at its end. */
    public record Period(int fromMonth, int toMonth, Band net, Band cumulative) {
        public Period {
            if (fromMonth < 0 || toMonth < fromMonth) {
                throw new IllegalArgumentException("months " + fromMonth + ".." + toMonth);
            }
        }
    }

    /** One option's months 0..H. */
    public record OptionFlow(String id, List<Period> months) {
        public OptionFlow {
            months = List.copyOf(months);
        }
    }

    /**
     * The cash flow of a run, month by month, for each option of its summary (in the summary's
     * order, which is the order of the run's option columns and monthly paths).
     */
    public static CashFlow of(SimulationResult r, Summary s) {
        return of(PathPercentiles.of(r), s);
    }

    /** The cash flow by month from the percentiles of the run's monthly paths. */
    public static CashFlow of(PathPercentiles q, Summary s) {
        List<OptionFlow> flows = new ArrayList<>();
        for (int k = 0; k < s.options().size(); k++) {
            List<Period> months = new ArrayList<>();
            for (int m = 0; m <= q.horizon(); m++) {
                months.add(new Period(m, m, net(q, k, m), cumulative(q, k, m)));
            }
            flows.add(new OptionFlow(s.options().get(k).id(), months));
        }
        return new CashFlow(q.keptTrials(), flows);
    }

    /**
     * Quarters of one option: month 0 (the one-time cost) then months 1–3, 4–6, ..., the last one
     * ending at the horizon (shorter when H is not a multiple of 3).
     */
    public static List<Period> quarters(PathPercentiles q, int option) {
        int h = q.horizon();
        List<Period> out = new ArrayList<>();
        out.add(new Period(0, 0, net(q, option, 0), cumulative(q, option, 0)));
        for (int quarter = 0; quarter < PathPercentiles.quarters(h); quarter++) {
            int from = 3 * quarter + 1;
            int to = Math.min(h, from + 2);
            Band net = new Band(q.quarterNet(option, quarter, 0), q.quarterNet(option, quarter, 1),
                    q.quarterNet(option, quarter, 2));
            out.add(new Period(from, to, net, cumulative(q, option, to)));
        }
        return out;
    }

    /** P10, P50, P90 of month m's net (cum_m − cum_{m−1}; month 0 alone is −C). */
    private static Band net(PathPercentiles q, int k, int m) {
        return new Band(q.net(k, m, 0), q.net(k, m, 1), q.net(k, m, 2));
    }

    /** P10, P50, P90 of cum_m (cum_0 = −C): levels 0, 2 and 4 of the cumulative levels. */
    private static Band cumulative(PathPercentiles q, int k, int m) {
        return new Band(q.cumulative(k, m, 0), q.cumulative(k, m, 2), q.cumulative(k, m, 4));
    }
}
