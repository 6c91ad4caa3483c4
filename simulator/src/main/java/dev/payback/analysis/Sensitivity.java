package dev.payback.analysis;

import dev.payback.engine.SimulationResult;
import dev.payback.scenario.Input;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

/**
 * Which uncertain input decides the result, computed from one run's columns (no re-runs): for each
 * option and each uncertain scenario input, the Spearman rank correlation of the input with the
 * option's NPV and a tornado (the option's mean NPV when the input is in its bottom and in its top
 * decile); and the value of information, total (EVPI) and per input (EVPPI), in money.
 *
 * <p>Definitions (docs/model-notes.md, "Sensitivity and value of information"):
 * <ul>
 *   <li>Trials are ordered by the input's value, ties by trial index, so deciles and bins are
 *       deterministic. Spearman uses average ranks for ties.</li>
 *   <li>Tornado: with d = max(1, ⌊n/10⌋), {@code tornadoLow} is the mean NPV of the first d trials
 *       in that order, {@code tornadoHigh} of the last d.</li>
 *   <li>EVPPI: the order is cut into {@link #BINS} bins of ⌊b·n/20⌋..⌊(b+1)·n/20⌋ (equal counts,
 *       ±1); EVPPI = Σ_b (n_b/n) · max(0, max_k mean_b NPV_k) − max(0, max_k mean NPV_k).</li>
 *   <li>EVPI = mean over trials of max(0, max_k NPV_k) − max(0, max_k mean NPV_k).</li>
 * </ul>
 * The status quo (NPV 0) is always among the choices. As it orders every input's trials, it also
 * reads off each input's percentiles at {@link #INPUT_LEVELS} (the summary's inputs block), which
 * the summary would otherwise find by {@link OrderStatistics}: the same values bit for bit.
 *
 * @param byOption         option id → its inputs, largest tornado swing first (scenario option order)
 * @param evpi             expected value of perfect information about everything, in money
 * @param evppi            per input, largest first
 * @param inputPercentiles the type-7 percentiles at {@link #INPUT_LEVELS} of every input ranked
 *                         (not the constant ones), in input order; empty when not computed
 */
public record Sensitivity(Map<String, List<Entry>> byOption, double evpi, List<Evppi> evppi,
                          List<InputPercentiles> inputPercentiles) {
    /** Equal-count bins of an input for EVPPI. */
    public static final int BINS = 20;

    /** The levels of an input's percentiles in the summary (P10, P50, P90). */
    static final double[] INPUT_LEVELS = {0.10, 0.50, 0.90};

    public Sensitivity {
        Map<String, List<Entry>> copy = new LinkedHashMap<>();
        byOption.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        byOption = Collections.unmodifiableMap(copy);
        evppi = List.copyOf(evppi);
        inputPercentiles = List.copyOf(inputPercentiles);
    }

    /** A sensitivity without the inputs' percentiles. */
    public Sensitivity(Map<String, List<Entry>> byOption, double evpi, List<Evppi> evppi) {
        this(byOption, evpi, evppi, List.of());
    }

    /**
     * One input's type-7 percentiles at {@link #INPUT_LEVELS} over the trials, read from its order.
     *
     * @param input the input's path
     */
    public record InputPercentiles(String input, double p10, double p50, double p90) {
    }

    /** The percentiles of the input at {@code path}, or null when it was not ranked. */
    InputPercentiles percentilesOf(String path) {
        for (InputPercentiles p : inputPercentiles) {
            if (p.input().equals(path)) {
                return p;
            }
        }
        return null;
    }

    /** One input's effect on one option's NPV. */
    public record Entry(String input, double spearman, double tornadoLow, double tornadoHigh) {
        /** |tornadoHigh − tornadoLow|. */
        public double swing() {
            return Math.abs(tornadoHigh - tornadoLow);
        }
    }

    /** The expected value of perfect information about one input. */
    public record Evppi(String input, double evppi) {
    }

    /** The sensitivity of a run: every uncertain scenario input (not fixed, not auxiliary). */
    public static Sensitivity of(SimulationResult r) {
        List<String> ids = new ArrayList<>();
        List<dev.payback.scenario.Strategy> strategies = r.scenario().strategies();
        double[][] npv = new double[strategies.size()][];
        for (int k = 0; k < npv.length; k++) {
            ids.add(strategies.get(k).id());
            npv[k] = r.columns().option(k).npv().toArray();
        }
        List<String> paths = new ArrayList<>();
        List<double[]> columns = new ArrayList<>();
        List<Input> inputs = r.layout().inputs();
        for (int c = 0; c < r.layout().scenarioInputCount(); c++) {
            if (!inputs.get(c).dist().isFixed()) {
                paths.add(inputs.get(c).path());
                columns.add(r.inputs()[c]);
            }
        }
        return of(ids, npv, paths, columns);
    }

    /**
     * The sensitivity of options' NPV columns to input columns (all of one length, by trial). An
     * input column whose every value is the same carries no information and is left out.
     */
    public static Sensitivity of(List<String> optionIds, double[][] npv, List<String> inputPaths,
            List<double[]> inputColumns) {
        int options = npv.length;
        int n = npv[0].length;
        double[] optionMean = new double[options];
        double bestMean = 0;
        for (int k = 0; k < options; k++) {
            optionMean[k] = Stats.mean(npv[k]);
            bestMean = Math.max(bestMean, optionMean[k]);
        }
        // working arrays, one set per worker at a time, reused from column to column
        Queue<Scratch> spare = new ConcurrentLinkedQueue<>();
        double[][] npvRank = new double[options][];
        double[] npvRankSs = new double[options];
        IntStream.range(0, options).parallel().forEach(k -> {
            Scratch s = take(spare, n);
            s.sort(npv[k]);
            npvRank[k] = s.centeredRanks(new double[n]);
            npvRankSs[k] = dot(npvRank[k], npvRank[k], n);
            spare.add(s);
        });
        double perfect = 0;
        for (int i = 0; i < n; i++) {
            double best = 0;
            for (int k = 0; k < options; k++) {
                best = Math.max(best, npv[k][i]);
            }
            perfect += best;
        }
        double evpi = Math.max(0, perfect / n - bestMean);

        int decile = Math.max(1, n / 10);
        int inputs = inputColumns.size();
        Entry[][] perInput = new Entry[inputs][];
        Evppi[] evppiPerInput = new Evppi[inputs];
        InputPercentiles[] percentilesPerInput = new InputPercentiles[inputs];
        final double bestOverall = bestMean;
        // Each input is independent of the others and writes only its own slots: the result does not
        // depend on the thread schedule. Every sum adds its terms in the order the definitions state:
        // trial order for Spearman, positions ascending for the bottom decile and the bins, descending
        // from the last position for the top decile.
        IntStream.range(0, inputs).parallel().forEach(c -> {
            double[] x = inputColumns.get(c);
            if (constant(x)) {
                return;
            }
            Scratch s = take(spare, n);
            boolean noNaN = s.sort(x);
            double[] q = noNaN ? s.quantiles(INPUT_LEVELS) : OrderStatistics.quantiles(x, INPUT_LEVELS);
            percentilesPerInput[c] = new InputPercentiles(inputPaths.get(c), q[0], q[1], q[2]);
            int[] ord = s.ord;
            double[] xr = s.centeredRanks(s.ranks);
            double xrSs = dot(xr, xr, n);
            double[] low = new double[options];
            double[] high = new double[options];
            sums(npv, ord, n - 1, decile, -1, high);
            double binned = 0;
            double[] bin = new double[options];
            for (int b = 0; b < BINS; b++) {
                int from = (int) ((long) b * n / BINS);
                int to = (int) ((long) (b + 1) * n / BINS);
                if (to == from) {
                    continue;
                }
                binSums(npv, ord, from, to, decile, bin, low);
                double best = 0;
                for (int k = 0; k < options; k++) {
                    best = Math.max(best, bin[k] / (to - from));
                }
                binned += best * (to - from);
            }
            double[] dot = new double[options];
            dots(xr, npvRank, n, dot);
            Entry[] row = new Entry[options];
            for (int k = 0; k < options; k++) {
                double denom = Math.sqrt(xrSs * npvRankSs[k]);
                double rho = denom > 0 ? dot[k] / denom : Double.NaN;
                row[k] = new Entry(inputPaths.get(c), rho, low[k] / decile, high[k] / decile);
            }
            spare.add(s);
            perInput[c] = row;
            evppiPerInput[c] = new Evppi(inputPaths.get(c), Math.max(0, binned / n - bestOverall));
        });
        List<List<Entry>> entries = new ArrayList<>();
        for (int k = 0; k < options; k++) {
            entries.add(new ArrayList<>());
        }
        List<Evppi> evppi = new ArrayList<>();
        List<InputPercentiles> percentiles = new ArrayList<>();
        for (int c = 0; c < inputs; c++) {
            if (perInput[c] != null) {
                for (int k = 0; k < options; k++) {
                    entries.get(k).add(perInput[c][k]);
                }
                evppi.add(evppiPerInput[c]);
                percentiles.add(percentilesPerInput[c]);
            }
        }
        Map<String, List<Entry>> byOption = new LinkedHashMap<>();
        for (int k = 0; k < options; k++) {
            List<Entry> list = entries.get(k);
            list.sort(Comparator.comparingDouble(Entry::swing).reversed());
            byOption.put(optionIds.get(k), list);
        }
        evppi.sort(Comparator.comparingDouble(Evppi::evppi).reversed());
        return new Sensitivity(byOption, evpi, evppi, percentiles);
    }

    /** Σ_i a[i]·b[i] over i = 0..n−1, in index order. */
    private static double dot(double[] a, double[] b, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * Into out[k], for every option k: Σ npv[k][ord[p]] over the {@code count} positions p = start,
     * start + step, … in that order. The options go three at a time through one read of the positions
     * (the rest one at a time), each sum in a local of its own: a sum kept in an array would wait for
     * its own store at every term.
     */
    private static void sums(double[][] npv, int[] ord, int start, int count, int step, double[] out) {
        int k = 0;
        for (; k + 3 <= npv.length; k += 3) {
            double[] a0 = npv[k];
            double[] a1 = npv[k + 1];
            double[] a2 = npv[k + 2];
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            for (int t = 0, p = start; t < count; t++, p += step) {
                int i = ord[p];
                s0 += a0[i];
                s1 += a1[i];
                s2 += a2[i];
            }
            out[k] = s0;
            out[k + 1] = s1;
            out[k + 2] = s2;
        }
        for (; k < npv.length; k++) {
            double[] a = npv[k];
            double s = 0;
            for (int t = 0, p = start; t < count; t++, p += step) {
                s += a[ord[p]];
            }
            out[k] = s;
        }
    }

    /**
     * Into bin[k], for every option k: Σ npv[k][ord[p]] over the positions p = from..to−1 ascending;
     * and onto low[k] (the sum so far of the positions below {@code from}) the same terms of the
     * positions below {@code decile}, so that low[k] ends as Σ over p = 0..decile−1 ascending when
     * the bins are taken in order from 0: the bottom decile's sums come from the bins' reads of the
     * order (the first two bins when n ≥ 20) instead of a read of their own. As in {@link #sums}, three
     * options at a time (the rest one at a time), each sum in a local.
     */
    private static void binSums(double[][] npv, int[] ord, int from, int to, int decile, double[] bin,
            double[] low) {
        int split = Math.max(from, Math.min(to, decile));
        int k = 0;
        for (; k + 3 <= npv.length; k += 3) {
            double[] a0 = npv[k];
            double[] a1 = npv[k + 1];
            double[] a2 = npv[k + 2];
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double l0 = low[k];
            double l1 = low[k + 1];
            double l2 = low[k + 2];
            for (int p = from; p < split; p++) {
                int i = ord[p];
                double x0 = a0[i];
                double x1 = a1[i];
                double x2 = a2[i];
                s0 += x0;
                s1 += x1;
                s2 += x2;
                l0 += x0;
                l1 += x1;
                l2 += x2;
            }
            for (int p = split; p < to; p++) {
                int i = ord[p];
                s0 += a0[i];
                s1 += a1[i];
                s2 += a2[i];
            }
            bin[k] = s0;
            bin[k + 1] = s1;
            bin[k + 2] = s2;
            low[k] = l0;
            low[k + 1] = l1;
            low[k + 2] = l2;
        }
        for (; k < npv.length; k++) {
            double[] a = npv[k];
            double s = 0;
            double l = low[k];
            for (int p = from; p < split; p++) {
                double x = a[ord[p]];
                s += x;
                l += x;
            }
            for (int p = split; p < to; p++) {
                s += a[ord[p]];
            }
            bin[k] = s;
            low[k] = l;
        }
    }

    /**
     * Into out[k], for every option k: Σ_i x[i]·y[k][i] over i = 0..n−1 in index order, three options
     * at a time through one read of x (the rest one at a time), each sum in a local.
     */
    private static void dots(double[] x, double[][] y, int n, double[] out) {
        int k = 0;
        for (; k + 3 <= y.length; k += 3) {
            double[] y0 = y[k];
            double[] y1 = y[k + 1];
            double[] y2 = y[k + 2];
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            for (int i = 0; i < n; i++) {
                double xi = x[i];
                s0 += xi * y0[i];
                s1 += xi * y1[i];
                s2 += xi * y2[i];
            }
            out[k] = s0;
            out[k + 1] = s1;
            out[k + 2] = s2;
        }
        for (; k < y.length; k++) {
            out[k] = dot(x, y[k], n);
        }
    }

    private static Scratch take(Queue<Scratch> spare, int n) {
        Scratch s = spare.poll();
        return s != null ? s : new Scratch(n);
    }

    /** The option's entries, largest swing first (empty when the option is unknown). */
    public List<Entry> forOption(String optionId) {
        return byOption.getOrDefault(optionId, List.of());
    }

    /**
     * Trial indexes ordered by value ({@link Double#compare}: −0.0 before 0.0, NaN last), ties by
     * trial index (see {@link RadixSort}).
     */
    static int[] order(double[] x) {
        Scratch s = new Scratch(x.length);
        s.sort(x);
        return s.ord.clone();
    }

    /** Ranks 1..n of x (average ranks for ties) minus their mean (n+1)/2, by trial. */
    static double[] centeredRanks(double[] x) {
        Scratch s = new Scratch(x.length);
        s.sort(x);
        return s.centeredRanks(new double[x.length]);
    }

    /**
     * One worker's arrays for ordering a column of n values ({@link RadixSort#order}) and ranking it,
     * reused from column to column.
     */
    static final class Scratch {
        private final RadixSort sorter;
        /** A rank column by trial, for {@link #centeredRanks}. */
        final double[] ranks;
        /** After {@link #sort}: the trial indexes in order. */
        int[] ord;
        private int n;

        Scratch(int n) {
            sorter = new RadixSort(n, true);
            ranks = new double[n];
        }

        /**
         * Orders the trials of x (as long as the buffers) by value, ties by trial index, into
         * {@link #ord}; false when some value is NaN.
         */
        boolean sort(double[] x) {
            boolean noNaN = sorter.order(x);
            n = x.length;
            ord = sorter.ord;
            return noNaN;
        }

        /**
         * The type-7 quantiles at {@code levels} of the column last sorted, which holds no NaN: the
         * values at the ranks {@link Stats#interpolate} reads, from the sorted keys. These are the
         * values {@link java.util.Arrays#sort(double[])} puts at those ranks, bit for bit (equal keys
         * are identical values, −0.0 and 0.0 apart, and NaN is the only value whose key loses bits).
         */
        double[] quantiles(double[] levels) {
            double[] out = new double[levels.length];
            for (int i = 0; i < levels.length; i++) {
                int lo = Stats.lowerRank(n, levels[i]);
                out[i] = Stats.interpolate(n, levels[i], sorter.valueAt(lo), sorter.valueAt(Math.min(lo + 1, n - 1)));
            }
            return out;
        }

        /**
         * Into r (by trial): the ranks 1..n of the column last sorted, average ranks for ties, minus
         * their mean (n+1)/2. Equal values are neighbours in the sorted keys with equal keys.
         */
        double[] centeredRanks(double[] r) {
            long[] k = sorter.sorted;
            int[] o = ord;
            double center = (n + 1) / 2.0;
            int p = 0;
            while (p < n) {
                int q = p + 1;
                long kp = k[p];
                while (q < n && k[q] == kp) {
                    q++;
                }
                double avg = (p + 1 + q) / 2.0 - center; // mean of ranks p+1..q
                for (int t = p; t < q; t++) {
                    r[o[t]] = avg;
                }
                p = q;
            }
            return r;
        }
    }

    private static boolean constant(double[] x) {
        for (double v : x) {
            if (Double.compare(v, x[0]) != 0) {
                return false;
            }
        }
        return true;
    }
}
