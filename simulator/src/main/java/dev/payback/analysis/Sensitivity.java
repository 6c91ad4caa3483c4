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
 * The status quo (NPV 0) is always among the choices.
 *
 * @param byOption option id → its inputs, largest tornado swing first (scenario option order)
 * @param evpi     expected value of perfect information about everything, in money
 * @param evppi    per input, largest first
 */
public record Sensitivity(Map<String, List<Entry>> byOption, double evpi, List<Evppi> evppi) {
    /** Equal-count bins of an input for EVPPI. */
    public static final int BINS = 20;

    public Sensitivity {
        Map<String, List<Entry>> copy = new LinkedHashMap<>();
        byOption.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        byOption = Collections.unmodifiableMap(copy);
        evppi = List.copyOf(evppi);
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
        double[][] npvRank = new double[options][];
        double[] npvRankSs = new double[options];
        double bestMean = 0;
        for (int k = 0; k < options; k++) {
            optionMean[k] = Stats.mean(npv[k]);
            bestMean = Math.max(bestMean, optionMean[k]);
            npvRank[k] = centeredRanks(npv[k], order(npv[k]));
            npvRankSs[k] = sumSquares(npvRank[k]);
        }
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
        final double bestOverall = bestMean;
        // Each input is independent of the others and writes only its own slots: the result does not
        // depend on the thread schedule.
        IntStream.range(0, inputs).parallel().forEach(c -> {
            double[] x = inputColumns.get(c);
            if (constant(x)) {
                return;
            }
            int[] ord = order(x);
            double[] xr = centeredRanks(x, ord);
            double xrSs = sumSquares(xr);
            Entry[] row = new Entry[options];
            for (int k = 0; k < options; k++) {
                double dot = 0;
                double[] yr = npvRank[k];
                for (int i = 0; i < n; i++) {
                    dot += xr[i] * yr[i];
                }
                double denom = Math.sqrt(xrSs * npvRankSs[k]);
                double rho = denom > 0 ? dot / denom : Double.NaN;
                double low = 0;
                double high = 0;
                for (int p = 0; p < decile; p++) {
                    low += npv[k][ord[p]];
                    high += npv[k][ord[n - 1 - p]];
                }
                row[k] = new Entry(inputPaths.get(c), rho, low / decile, high / decile);
            }
            perInput[c] = row;
            double binned = 0;
            double[] sums = new double[options];
            for (int b = 0; b < BINS; b++) {
                int from = (int) ((long) b * n / BINS);
                int to = (int) ((long) (b + 1) * n / BINS);
                if (to == from) {
                    continue;
                }
                Arrays.fill(sums, 0);
                for (int p = from; p < to; p++) {
                    int i = ord[p];
                    for (int k = 0; k < options; k++) {
                        sums[k] += npv[k][i];
                    }
                }
                double best = 0;
                for (int k = 0; k < options; k++) {
                    best = Math.max(best, sums[k] / (to - from));
                }
                binned += best * (to - from);
            }
            evppiPerInput[c] = new Evppi(inputPaths.get(c), Math.max(0, binned / n - bestOverall));
        });
        List<List<Entry>> entries = new ArrayList<>();
        for (int k = 0; k < options; k++) {
            entries.add(new ArrayList<>());
        }
        List<Evppi> evppi = new ArrayList<>();
        for (int c = 0; c < inputs; c++) {
            if (perInput[c] != null) {
                for (int k = 0; k < options; k++) {
                    entries.get(k).add(perInput[c][k]);
                }
                evppi.add(evppiPerInput[c]);
            }
        }
        Map<String, List<Entry>> byOption = new LinkedHashMap<>();
        for (int k = 0; k < options; k++) {
            List<Entry> list = entries.get(k);
            list.sort(Comparator.comparingDouble(Entry::swing).reversed());
            byOption.put(optionIds.get(k), list);
        }
        evppi.sort(Comparator.comparingDouble(Evppi::evppi).reversed());
        return new Sensitivity(byOption, evpi, evppi);
    }

    /** The option's entries, largest swing first (empty when the option is unknown). */
    public List<Entry> forOption(String optionId) {
        return byOption.getOrDefault(optionId, List.of());
    }

    /** Bits per pass of {@link #order}'s radix sort (4 passes cover the 64-bit key). */
    private static final int RADIX_BITS = 16;

    /**
     * Trial indexes ordered by value ({@link Double#compare}: −0.0 before 0.0, NaN last), ties by
     * trial index. A stable least-significant-digit radix sort of the identity permutation on the
     * values' order-preserving 64-bit keys ({@link #sortableKey}): a few sequential passes instead of
     * n log n comparisons through the index array; stability keeps equal values in trial order. A pass
     * whose digit is the same for every value is skipped.
     */
    static int[] order(double[] x) {
        int n = x.length;
        long[] key = new long[n];
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            key[i] = sortableKey(x[i]);
            a[i] = i;
        }
        long[] key2 = new long[n];
        int[] b = new int[n];
        int mask = (1 << RADIX_BITS) - 1;
        int[] start = new int[mask + 2];
        for (int shift = 0; shift < Long.SIZE; shift += RADIX_BITS) {
            Arrays.fill(start, 0);
            for (int i = 0; i < n; i++) {
                start[(int) (key[i] >>> shift & mask) + 1]++;
            }
            if (n == 0 || start[(int) (key[0] >>> shift & mask) + 1] == n) {
                continue; // every value has this digit: the pass would not move anything
            }
            for (int d = 0; d <= mask; d++) {
                start[d + 1] += start[d];
            }
            for (int i = 0; i < n; i++) {
                int p = start[(int) (key[i] >>> shift & mask)]++;
                key2[p] = key[i];
                b[p] = a[i];
            }
            long[] tk = key;
            key = key2;
            key2 = tk;
            int[] ta = a;
            a = b;
            b = ta;
        }
        return a;
    }

    /**
     * A 64-bit key whose unsigned order is {@link Double#compare}'s order of the values: the sign bit
     * flipped for positive values, every bit flipped for negative ones (NaN canonicalized, so every NaN
     * is one key above +∞).
     */
    static long sortableKey(double v) {
        long bits = Double.doubleToLongBits(v);
        return bits ^ (bits >> 63 | Long.MIN_VALUE);
    }

    /** Ranks 1..n (average ranks for ties) minus their mean (n+1)/2, by trial. */
    static double[] centeredRanks(double[] x, int[] ord) {
        int n = x.length;
        double[] r = new double[n];
        double center = (n + 1) / 2.0;
        int p = 0;
        while (p < n) {
            int q = p + 1;
            while (q < n && Double.compare(x[ord[q]], x[ord[p]]) == 0) {
                q++;
            }
            double avg = (p + 1 + q) / 2.0 - center; // mean of ranks p+1..q
            for (int t = p; t < q; t++) {
                r[ord[t]] = avg;
            }
            p = q;
        }
        return r;
    }

    private static double sumSquares(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return s;
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
