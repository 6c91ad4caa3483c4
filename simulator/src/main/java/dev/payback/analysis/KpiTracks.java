package dev.payback.analysis;

import dev.payback.engine.Column;
import dev.payback.engine.KpiColumns;
import dev.payback.engine.Kpis;
import dev.payback.engine.RunStats;
import dev.payback.engine.SimulationResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The KPI checkpoints of docs/model.md section 8 as summary figures: per strategy (the status quo, then
 * each option), month and KPI a STATS (moments exact over all trials from {@link RunStats},
 * percentiles over the retained trials), and for each option its checklist value.
 */
public final class KpiTracks {
    /** The strategy id of the status quo. */
    public static final String STATUS_QUO = "status_quo";

    private KpiTracks() {
    }

    /**
     * The checklist value of a KPI column at confidence q: the value the strategy does at least as
     * well as in a share q of trials. Every KPI is lower-is-better, so it is the q-quantile (type 7).
     */
    public static double checklist(double[] column, double q) {
        return OrderStatistics.quantiles(column, q)[0];
    }

    /** The tracks of a run: the status quo first, then every option in order. */
    static List<Summary.KpiTrack> of(SimulationResult r) {
        int[] months = Kpis.months(r.scenario().horizonMonths());
        int strategies = r.columns().strategyCount() + 1;
        int perStrategy = months.length * Kpis.COUNT;
        double q = r.scenario().paybackConfidence();
        double[] levels = java.util.Arrays.copyOf(Stats.LEVELS, Stats.LEVELS.length + 1);
        levels[Stats.LEVELS.length] = q;
        // A column equal, value for value, to the same KPI's column of the status quo or of the
        // strategy's previous checkpoint (a KPI the strategy does not move yet, or no longer) has that
        // column's percentiles: they are taken once. Columns that differ mostly do so in their first
        // rows, so the check costs little.
        int tasks = strategies * perStrategy;
        int[] source = new int[tasks];
        for (int task = 0; task < tasks; task++) {
            int strategy = task / perStrategy;
            int j = task % perStrategy / Kpis.COUNT;
            int k = task % Kpis.COUNT;
            Column column = column(r, task, perStrategy);
            source[task] = task;
            if (j > 0 && sameValues(column, columns(r, strategy).column(j - 1, k))) {
                source[task] = source[task - Kpis.COUNT];
            } else if (strategy > 0 && sameValues(column, columns(r, 0).column(j, k))) {
                source[task] = source[j * Kpis.COUNT + k];
            }
        }
        // one column per task, results in column order (independent of scheduling)
        double[][] percentiles = new double[tasks][];
        IntStream.range(0, tasks).parallel().forEach(task -> {
            if (source[task] == task) {
                percentiles[task] = OrderStatistics.quantiles(column(r, task, perStrategy).toArray(), levels);
            }
        });
        List<Figure> figures = IntStream.range(0, tasks).mapToObj(task -> {
            int strategy = task / perStrategy;
            int j = task % perStrategy / Kpis.COUNT;
            int k = task % Kpis.COUNT;
            double[] p = percentiles[source[task]];
            RunStats.Moments m = r.stats().kpi(strategy, j, k);
            Stats st = m.n() == 0 ? Stats.ofSample(0, 0, 0, 0, 0, new double[0])
                    : new Stats(m.n(), m.mean(), m.n() < 2 ? Double.NaN : m.sd(), p[0], p[1], p[2], p[3], p[4], p[5],
                            p[6], m.min(), m.max());
            return new Figure(st, p[Stats.LEVELS.length]);
        }).toList();
        List<Summary.KpiTrack> out = new ArrayList<>();
        for (int strategy = 0; strategy < strategies; strategy++) {
            Map<Integer, Map<String, Stats>> stats = new LinkedHashMap<>();
            Map<Integer, Map<String, Double>> checklist = new LinkedHashMap<>();
            for (int j = 0; j < months.length; j++) {
                Map<String, Stats> st = new LinkedHashMap<>();
                Map<String, Double> check = new LinkedHashMap<>();
                for (int k = 0; k < Kpis.COUNT; k++) {
                    Figure f = figures.get(strategy * perStrategy + j * Kpis.COUNT + k);
                    st.put(Kpis.NAMES.get(k), f.stats());
                    check.put(Kpis.NAMES.get(k), f.checklist());
                }
                stats.put(months[j], st);
                if (strategy > 0) {
                    checklist.put(months[j], check);
                }
            }
            String id = strategy == 0 ? STATUS_QUO : r.scenario().strategies().get(strategy - 1).id();
            out.add(new Summary.KpiTrack(id, stats, checklist));
        }
        return out;
    }

    private record Figure(Stats stats, double checklist) {
    }

    /** True when the two columns hold the same values row for row, bit for bit (so their sorts are the same). */
    private static boolean sameValues(Column a, Column b) {
        int n = a.size();
        if (b.size() != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (Double.doubleToRawLongBits(a.get(i)) != Double.doubleToRawLongBits(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The column of task {@code task}: strategy task / perStrategy, checkpoint and KPI from the rest. */
    private static Column column(SimulationResult r, int task, int perStrategy) {
        return columns(r, task / perStrategy).column(task % perStrategy / Kpis.COUNT, task % Kpis.COUNT);
    }

    private static KpiColumns columns(SimulationResult r, int strategy) {
        return strategy == 0 ? r.columns().statusQuoKpis : r.columns().option(strategy - 1).kpis;
    }
}
