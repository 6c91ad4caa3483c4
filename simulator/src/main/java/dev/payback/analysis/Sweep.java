package dev.payback.analysis;

import dev.payback.engine.RunStats;
import dev.payback.engine.SimulationResult;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A one-way sweep: the scenario re-run with one input fixed at each of a range of values (every
 * other input keeps its draws: same seed, common random numbers), and where each option's mean NPV
 * crosses 0 and its P(payback ≤ 12 months) crosses the payback confidence.
 *
 * @param scenario   the scenario's name
 * @param path       the swept input's path
 * @param currency   the scenario's currency
 * @param trials     trials per step
 * @param seed       the seed of every step
 * @param confidence the payback confidence q the P(payback ≤ 12) curve is compared with
 * @param options    the options, in scenario order
 * @param steps      one per value, in increasing order
 */
public record Sweep(String scenario, String path, String currency, int trials, long seed, double confidence,
                    List<OptionInfo> options, List<Step> steps) {
    /** The payback horizon the sweep reports, in months. */
    public static final int PAYBACK_MONTHS = 12;

    public Sweep {
        options = List.copyOf(options);
        steps = List.copyOf(steps);
    }

    /** An option's id and label. */
    public record OptionInfo(String id, String label) {
    }

    /** One option's figures at one value. */
    public record Figures(double meanNpv, double pPayback12, double pBest) {
    }

    /**
     * The figures at one value.
     *
     * @param options      option id → figures, in scenario order
     * @param pBestStatusQuo the share of trials in which doing nothing is best
     */
    public record Step(double value, Map<String, Figures> options, double pBestStatusQuo) {
        public Step {
            options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
        }
    }

    /**
     * Where a curve crosses a level, by linear interpolation between the two steps around it.
     *
     * @param rising true when the curve goes from below the level to at or above it
     */
    public record Crossing(double value, boolean rising) {
    }

    /**
     * {@code steps} values evenly spaced from lo to hi (both included), each rounded to 12
     * significant digits so that 0.04 + 3·0.02 is written as 0.1, not 0.10000000000000002.
     */
    public static List<Double> values(double lo, double hi, int steps) {
        if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("the range needs finite lo < hi");
        }
        if (steps < 2) {
            throw new IllegalArgumentException("a sweep needs at least 2 steps");
        }
        List<Double> out = new ArrayList<>(steps);
        for (int i = 0; i < steps; i++) {
            double v = i == steps - 1 ? hi : lo + (hi - lo) * i / (steps - 1);
            out.add(new BigDecimal(v).round(new MathContext(12)).doubleValue());
        }
        return out;
    }

    /** The figures of one run, the swept input fixed at {@code value}. */
    public static Step measure(double value, SimulationResult r) {
        // The run's streamed statistics are exact over every trial and are what summary.json
        // reports, so a step equals simulate --set to the bit.
        RunStats rs = r.stats();
        double n = rs.trials();
        Map<String, Figures> figures = new LinkedHashMap<>();
        for (int k = 0; k < r.scenario().strategies().size(); k++) {
            figures.put(r.scenario().strategies().get(k).id(),
                    new Figures(rs.option(k, RunStats.NPV).mean(), rs.optionCount(k, RunStats.PAID_12) / n,
                            rs.best(k + 1) / n));
        }
        return new Step(value, figures, rs.best(0) / n);
    }

    /** Where {@code y} (one value per {@code x}, x increasing) crosses {@code level}. */
    public static List<Crossing> crossings(double[] x, double[] y, double level) {
        List<Crossing> out = new ArrayList<>();
        for (int i = 0; i + 1 < x.length; i++) {
            double a = y[i] - level;
            double b = y[i + 1] - level;
            boolean up = a < 0 && b >= 0;
            boolean down = a >= 0 && b < 0;
            if (up || down) {
                out.add(new Crossing(x[i] + (x[i + 1] - x[i]) * (-a) / (b - a), up));
            }
        }
        return out;
    }

    /** The swept values, in order. */
    public double[] xs() {
        return steps.stream().mapToDouble(Step::value).toArray();
    }

    /** An option's mean NPV at each step. */
    public double[] meanNpv(String id) {
        return steps.stream().mapToDouble(s -> s.options().get(id).meanNpv()).toArray();
    }

    /** An option's P(payback ≤ 12 months) at each step. */
    public double[] pPayback(String id) {
        return steps.stream().mapToDouble(s -> s.options().get(id).pPayback12()).toArray();
    }

    /** An option's P(best) at each step. */
    public double[] pBest(String id) {
        return steps.stream().mapToDouble(s -> s.options().get(id).pBest()).toArray();
    }

    /** Where an option's mean NPV crosses 0 (its break-even values of the swept input). */
    public List<Crossing> npvBreakEven(String id) {
        return crossings(xs(), meanNpv(id), 0);
    }

    /** Where an option's P(payback ≤ 12 months) crosses the payback confidence. */
    public List<Crossing> paybackBreakEven(String id) {
        return crossings(xs(), pPayback(id), confidence);
    }
}
