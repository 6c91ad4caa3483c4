package dev.payback.analysis;

import dev.payback.scenario.RunOverrides;

import java.util.ArrayList;
import java.util.List;

/**
 * A two-way sweep: the scenario re-run with two inputs fixed at every pair of values of two grids
 * (every other input keeps its draws: same seed, common random numbers). Each cell holds the
 * figures of a one-way {@link Sweep.Step}; the break-even line of an option is, for each value of
 * the second input, where its mean NPV crosses 0 (or its P(payback ≤ 12 months) crosses the payback
 * confidence) along the first input, by linear interpolation between grid points.
 *
 * @param scenario   the scenario's name
 * @param xPath      the first swept input (the columns of the grid)
 * @param yPath      the second swept input (the rows)
 * @param currency   the scenario's currency
 * @param trials     trials per cell
 * @param seed       the seed of every cell
 * @param confidence the payback confidence q
 * @param options    the options, in scenario order
 * @param xs         the first input's values, increasing
 * @param ys         the second input's values, increasing
 * @param cells      row-major: cells.get(iy).get(ix) holds the figures at (xs[ix], ys[iy])
 * @param sampling   how the inputs were drawn (random, lhs or sobol)
 * @param overrides  the stress preset and --set overrides of the swept scenario
 */
public record TwoWaySweep(String scenario, String xPath, String yPath, String currency, int trials, long seed,
                          double confidence, List<Sweep.OptionInfo> options, List<Double> xs, List<Double> ys,
                          List<List<Sweep.Step>> cells, String sampling, RunOverrides overrides) {
    public TwoWaySweep {
        sampling = sampling == null ? "random" : sampling;
        overrides = overrides == null ? RunOverrides.NONE : overrides;
        options = List.copyOf(options);
        xs = List.copyOf(xs);
        ys = List.copyOf(ys);
        List<List<Sweep.Step>> rows = new ArrayList<>();
        for (List<Sweep.Step> r : cells) {
            if (r.size() != xs.size()) {
                throw new IllegalArgumentException("every row needs one cell per value of " + xPath);
            }
            rows.add(List.copyOf(r));
        }
        if (rows.size() != ys.size()) {
            throw new IllegalArgumentException("one row per value of " + yPath);
        }
        cells = List.copyOf(rows);
    }

    /** The figures of an option at (xs[ix], ys[iy]). */
    public Sweep.Figures at(String id, int ix, int iy) {
        return cells.get(iy).get(ix).options().get(id);
    }

    /** The status quo's P(best) at (xs[ix], ys[iy]). */
    public double statusQuoBest(int ix, int iy) {
        return cells.get(iy).get(ix).pBestStatusQuo();
    }

    /** One point of a break-even line: at {@code y}, the crossings along x (empty when none in range). */
    public record LinePoint(double y, List<Sweep.Crossing> crossings) {
        public LinePoint {
            crossings = List.copyOf(crossings);
        }
    }

    /** Where an option's mean NPV crosses 0 along x, for each y. */
    public List<LinePoint> npvBreakEven(String id) {
        return line(id, false, 0);
    }

    /** Where an option's P(payback ≤ 12 months) crosses the payback confidence along x, for each y. */
    public List<LinePoint> paybackBreakEven(String id) {
        return line(id, true, confidence);
    }

    private List<LinePoint> line(String id, boolean payback, double level) {
        double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
        List<LinePoint> out = new ArrayList<>();
        for (int iy = 0; iy < ys.size(); iy++) {
            double[] v = new double[x.length];
            for (int ix = 0; ix < x.length; ix++) {
                Sweep.Figures f = at(id, ix, iy);
                v[ix] = payback ? f.pPayback12() : f.meanNpv();
            }
            out.add(new LinePoint(ys.get(iy), Sweep.crossings(x, v, level)));
        }
        return out;
    }
}
