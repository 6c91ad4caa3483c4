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
        return of(optionIds, npv, inputPaths, inputColumns, MAX_ARRAY);
    }

    /** The longest array this class allocates (a few below Integer.MAX_VALUE, as the JDK's collections keep). */
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    /**
     * As {@link #of(List, double[][], List, List)}, with the options' NPVs laid out by trial in arrays of
     * at most {@code maxInterleaved} values (a test makes it small to cover the layout in several groups).
     */
    static Sensitivity of(List<String> optionIds, double[][] npv, List<String> inputPaths,
            List<double[]> inputColumns, int maxInterleaved) {
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
            npvRankSs[k] = sumSquares(npvRank[k]);
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

        // The options' NPVs by trial, option after option within a trial (in groups of options when
        // n·options would not fit one array): the deciles and bins below read every option's NPV of
        // one trial at a time, in the input's order, so one trial costs one cache miss, not one per option.
        int width = Math.max(1, Math.min(options, maxInterleaved / Math.max(1, n)));
        int groups = (options + width - 1) / width;
        double[][] byTrial = new double[groups][];
        for (int g = 0; g < groups; g++) {
            int from = g * width;
            int w = Math.min(width, options - from);
            double[] v = new double[n * w];
            for (int j = 0; j < w; j++) {
                double[] col = npv[from + j];
                for (int i = 0; i < n; i++) {
                    v[i * w + j] = col[i];
                }
            }
            byTrial[g] = v;
        }

        int decile = Math.max(1, n / 10);
        int inputs = inputColumns.size();
        Entry[][] perInput = new Entry[inputs][];
        Evppi[] evppiPerInput = new Evppi[inputs];
        final double bestOverall = bestMean;
        // Each input is independent of the others and writes only its own slots: the result does not
        // depend on the thread schedule. Every sum below adds its terms in the same order as the
        // definitions' plain loops (trial order for Spearman, position order for deciles and bins).
        IntStream.range(0, inputs).parallel().forEach(c -> {
            double[] x = inputColumns.get(c);
            if (constant(x)) {
                return;
            }
            Scratch s = take(spare, n);
            s.sort(x);
            int[] ord = s.ord;
            double[] xr = s.centeredRanks(s.ranks);
            double xrSs = 0;
            double[] dot = new double[options];
            for (int i = 0; i < n; i++) {
                double xi = xr[i];
                xrSs += xi * xi;
            }
            for (int k = 0; k < options; k++) {
                dot[k] = dot(xr, npvRank[k], n);
            }
            // tornado: low over positions 0..d−1 ascending, high over positions n−1 down to n−d;
            // EVPPI: each option's sum over a bin's positions, ascending
            double[] low = new double[options];
            double[] high = new double[options];
            double[][] binSum = new double[BINS][options];
            for (int g = 0; g < groups; g++) {
                double[] v = byTrial[g];
                int from = g * width;
                int w = Math.min(width, options - from);
                double[] sums = new double[w];
                for (int b = 0; b < BINS; b++) {
                    int lo = (int) ((long) b * n / BINS);
                    int hi = (int) ((long) (b + 1) * n / BINS);
                    Arrays.fill(sums, 0);
                    for (int p = lo; p < hi; p++) {
                        int at = ord[p] * w;
                        for (int j = 0; j < w; j++) {
                            sums[j] += v[at + j];
                        }
                        if (p < decile) {
                            for (int j = 0; j < w; j++) {
                                low[from + j] += v[at + j];
                            }
                        }
                    }
                    System.arraycopy(sums, 0, binSum[b], from, w);
                }
                for (int p = 0; p < decile; p++) {
                    int at = ord[n - 1 - p] * w;
                    for (int j = 0; j < w; j++) {
                        high[from + j] += v[at + j];
                    }
                }
            }
            spare.add(s);
            Entry[] row = new Entry[options];
            for (int k = 0; k < options; k++) {
                double denom = Math.sqrt(xrSs * npvRankSs[k]);
                double rho = denom > 0 ? dot[k] / denom : Double.NaN;
                row[k] = new Entry(inputPaths.get(c), rho, low[k] / decile, high[k] / decile);
            }
            perInput[c] = row;
            double binned = 0;
            for (int b = 0; b < BINS; b++) {
                int lo = (int) ((long) b * n / BINS);
                int hi = (int) ((long) (b + 1) * n / BINS);
                if (hi == lo) {
                    continue;
                }
                double best = 0;
                for (int k = 0; k < options; k++) {
                    best = Math.max(best, binSum[b][k] / (hi - lo));
                }
                binned += best * (hi - lo);
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

    /** Σ_i a[i]·b[i] over i = 0..n−1, in index order. */
    private static double dot(double[] a, double[] b, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += a[i] * b[i];
        }
        return s;
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
     * trial index (see {@link Scratch#sort}).
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
     * A 64-bit key whose signed order is {@link Double#compare}'s order of the values: every bit but
     * the sign flipped for negative values (NaN canonicalized, so every NaN is one key above +∞). Two
     * values have the same key exactly when {@link Double#compare} finds them equal.
     */
    static long sortableKey(double v) {
        long bits = Double.doubleToLongBits(v);
        return bits ^ (bits >> 63 & Long.MAX_VALUE);
    }

    /**
     * One worker's arrays for ordering a column of n values and ranking it: the sort's two key and
     * two index buffers, its digit counts, and a rank column, reused from column to column.
     */
    static final class Scratch {
        /** Most bits of one radix digit: 2,048 buckets, whose write positions stay in the cache. */
        static final int DIGIT_BITS = 11;
        /** Most passes: ⌈64 / {@link #DIGIT_BITS}⌉. */
        static final int MAX_PASSES = (Long.SIZE + DIGIT_BITS - 1) / DIGIT_BITS;

        private final long[] keyA;
        private final long[] keyB;
        private final int[] ordA;
        private final int[] ordB;
        private final int[] count = new int[MAX_PASSES << DIGIT_BITS];
        /** A rank column by trial, for {@link #centeredRanks}. */
        final double[] ranks;
        /** After {@link #sort}: the trial indexes in order (one of the index buffers). */
        int[] ord;
        /** After {@link #sort}: the keys in that order, less the least key (one of the key buffers). */
        long[] sorted;
        private int n;

        Scratch(int n) {
            keyA = new long[n];
            keyB = new long[n];
            ordA = new int[n];
            ordB = new int[n];
            ranks = new double[n];
        }

        /**
         * Orders the trials of x (as long as the buffers) by value, ties by trial index: a stable
         * least-significant-digit radix sort of the identity permutation on the values' keys
         * ({@link #sortableKey}) less the least key. The bits above the highest one in which any two
         * keys differ need no pass; the rest is cut into at most {@value #MAX_PASSES} digits of at most
         * {@value #DIGIT_BITS} bits, whose counts are all taken in one read of the keys; a pass whose
         * digit is the same for every value is skipped. Stability keeps equal values in trial order.
         */
        void sort(double[] x) {
            n = x.length;
            if (n != keyA.length) {
                throw new IllegalArgumentException("a column of " + n + " values, buffers of " + keyA.length);
            }
            long[] key = keyA;
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int i = 0; i < n; i++) {
                long k = sortableKey(x[i]);
                key[i] = k;
                min = Math.min(min, k);
                max = Math.max(max, k);
            }
            int bits = n == 0 ? 0 : Long.SIZE - Long.numberOfLeadingZeros(max - min);
            int passes = (bits + DIGIT_BITS - 1) / DIGIT_BITS;
            int digit = passes == 0 ? 0 : (bits + passes - 1) / passes;
            int mask = (1 << digit) - 1;
            for (int i = 0; i < n; i++) {
                key[i] -= min;                           // keys from 0, in unsigned order
            }
            int[] c = count;
            Arrays.fill(c, 0, passes << DIGIT_BITS, 0);
            for (int i = 0; i < n; i++) {
                long k = key[i];
                for (int d = 0, shift = 0; d < passes; d++, shift += digit) {
                    c[(d << DIGIT_BITS) + (int) (k >>> shift & mask)]++;
                }
            }
            long[] key2 = keyB;
            int[] a = ordA;
            int[] b = ordB;
            boolean identity = true;                     // a is still 0..n−1 (not yet written)
            for (int d = 0, shift = 0; d < passes; d++, shift += digit) {
                int base = d << DIGIT_BITS;
                if (c[base + (int) (key[0] >>> shift & mask)] == n) {
                    continue;                            // every value has this digit: nothing would move
                }
                int at = 0;
                for (int v = 0; v <= mask; v++) {
                    int m = c[base + v];
                    c[base + v] = at;
                    at += m;
                }
                for (int i = 0; i < n; i++) {
                    long k = key[i];
                    int p = c[base + (int) (k >>> shift & mask)]++;
                    key2[p] = k;
                    b[p] = identity ? i : a[i];
                }
                identity = false;
                long[] tk = key;
                key = key2;
                key2 = tk;
                int[] ta = a;
                a = b;
                b = ta;
            }
            if (identity) {
                for (int i = 0; i < n; i++) {
                    a[i] = i;
                }
            }
            ord = a;
            sorted = key;
        }

        /**
         * Into r (by trial): the ranks 1..n of the column last sorted, average ranks for ties, minus
         * their mean (n+1)/2. Equal values are neighbours in {@link #sorted} with equal keys.
         */
        double[] centeredRanks(double[] r) {
            long[] k = sorted;
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
