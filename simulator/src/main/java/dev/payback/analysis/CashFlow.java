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

    /** The three levels reported. */
    private static final double[] LEVELS = {0.10, 0.50, 0.90};

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
        MonthlyPaths paths = r.paths();
        int h = paths.horizon();
        int kept = paths.kept();
        List<OptionFlow> flows = new ArrayList<>();
        for (int k = 0; k < s.options().size(); k++) {
            List<Period> months = new ArrayList<>();
            for (int m = 0; m <= h; m++) {
                months.add(period(paths, k, m, m, kept));
            }
            flows.add(new OptionFlow(s.options().get(k).id(), months));
        }
        return new CashFlow(kept, flows);
    }

    /**
     * Quarters of one option: month 0 (the one-time cost) then months 1–3, 4–6, ..., the last one
     * ending at the horizon (shorter when H is not a multiple of 3).
     */
    public static List<Period> quarters(SimulationResult r, int option) {
        MonthlyPaths paths = r.paths();
        int h = paths.horizon();
        List<Period> out = new ArrayList<>();
        out.add(period(paths, option, 0, 0, paths.kept()));
        for (int from = 1; from <= h; from += 3) {
            out.add(period(paths, option, from, Math.min(h, from + 2), paths.kept()));
        }
        return out;
    }

    /** Net of months from..to (cum_to − cum_{from−1}; month 0 alone is −C) and cum_to. */
    private static Period period(MonthlyPaths paths, int k, int from, int to, int kept) {
        double[] cumTo = cumulative(paths, k, to);
        double[] net = new double[kept];
        if (to == 0) {
            System.arraycopy(cumTo, 0, net, 0, kept);
        } else {
            double[] before = cumulative(paths, k, from - 1);
            for (int i = 0; i < kept; i++) {
                net[i] = cumTo[i] - before[i];
            }
        }
        return new Period(from, to, band(net), band(cumTo));
    }

    /** cum_m of the kept trials, m = 0..H (cum_0 = −C). */
    private static double[] cumulative(MonthlyPaths paths, int k, int m) {
        if (m > 0) {
            return paths.month(k, m);
        }
        double[] c = paths.oneTime(k);
        double[] out = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            out[i] = -c[i];
        }
        return out;
    }

    private static Band band(double[] values) {
        double[] q = OrderStatistics.quantiles(values, LEVELS);
        return new Band(q[0], q[1], q[2]);
    }
}
