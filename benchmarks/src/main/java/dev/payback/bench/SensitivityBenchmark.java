package dev.payback.bench;

import dev.payback.analysis.Sensitivity;
import dev.payback.analysis.Stats;
import dev.payback.engine.Engine;
import dev.payback.engine.SimulationResult;
import dev.payback.scenario.Input;
import dev.payback.scenario.ScenarioLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The sensitivity stage ({@link Sensitivity#of}: ranks, Spearman, tornado deciles, EVPPI bins) on the
 * retained rows of a run of scenario B (41 uncertain inputs, 3 strategies), against the previous
 * implementation kept here verbatim as the baseline ({@link #previous}: 16-bit radix digits, ties found
 * through the index array, the options' NPVs read option by option). Both run in a fork-join pool of
 * {@code threads} workers, as {@code simulate --threads} runs them; with one worker the time is the
 * stage's CPU time. {@link #setUp} checks that both give the same result. {@link #sortAfter} and
 * {@link #sortBefore} compare the sort of a column that the summary and the charts use.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar SensitivityBenchmark -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class SensitivityBenchmark {
    @Param("scenarios/b_consumer_goods_multichannel.yaml")
    public String scenario;

    /** Retained rows (every trial is retained up to 250,000). */
    @Param({"100000", "250000"})
    public int rows;

    @Param("1")
    public int threads;

    private ForkJoinPool pool;
    private SimulationResult result;
    private List<String> ids;
    private double[][] npv;
    private List<String> paths;
    private List<double[]> columns;

    @Setup
    public void setUp() throws Exception {
        pool = new ForkJoinPool(threads);
        result = Engine.run(ScenarioLoader.load(Path.of(scenario), List.of(), null).withRun(rows, 42),
                Engine.Options.defaults());
        ids = new ArrayList<>();
        npv = new double[result.scenario().strategies().size()][];
        for (int k = 0; k < npv.length; k++) {
            ids.add(result.scenario().strategies().get(k).id());
            npv[k] = result.columns().option(k).npv().toArray();
        }
        paths = new ArrayList<>();
        columns = new ArrayList<>();
        List<Input> inputs = result.layout().inputs();
        for (int c = 0; c < result.layout().scenarioInputCount(); c++) {
            if (!inputs.get(c).dist().isFixed()) {
                paths.add(inputs.get(c).path());
                columns.add(result.inputs()[c]);
            }
        }
        if (npv[0].length != rows) {
            throw new IllegalStateException(npv[0].length + " rows retained, not " + rows);
        }
        Sensitivity after = runAfter();
        // the previous implementation did not read the inputs' percentiles off its order
        if (!new Sensitivity(after.byOption(), after.evpi(), after.evppi()).equals(runBefore())) {
            throw new IllegalStateException("the two implementations differ");
        }
    }

    @TearDown
    public void tearDown() {
        pool.shutdown();
    }

    /** The stage as {@code simulate} runs it (from the run, in the pool). */
    @Benchmark
    public void after(Blackhole bh) {
        bh.consume(runAfter());
    }

    /** The previous implementation on the same columns, in the same pool. */
    @Benchmark
    public void before(Blackhole bh) {
        bh.consume(runBefore());
    }

    /**
     * The sort behind the summary's and the charts' sorted columns ({@link Stats#sortedCopy}, now a
     * radix sort) on one NPV column, in the pool.
     */
    @Benchmark
    public void sortAfter(Blackhole bh) {
        bh.consume(pool.submit(() -> Stats.sortedCopy(npv[0])).join());
    }

    /** The sort it replaced: {@link Arrays#parallelSort(double[])} of a copy, in the same pool. */
    @Benchmark
    public void sortBefore(Blackhole bh) {
        bh.consume(pool.submit(() -> {
            double[] v = npv[0].clone();
            Arrays.parallelSort(v);
            return v;
        }).join());
    }

    private Sensitivity runAfter() {
        return pool.submit(() -> Sensitivity.of(result)).join();
    }

    private Sensitivity runBefore() {
        return pool.submit(() -> previous(ids, npv, paths, columns)).join();
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    // ---- the previous implementation, verbatim but for names ----

    static Sensitivity previous(List<String> optionIds, double[][] npv, List<String> inputPaths,
            List<double[]> inputColumns) {
        int options = npv.length;
        int n = npv[0].length;
        double[] optionMean = new double[options];
        double[][] npvRank = new double[options][];
        double[] npvRankSs = new double[options];
        double bestMean = 0;
        for (int k = 0; k < options; k++) {
            optionMean[k] = mean(npv[k]);
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
        Sensitivity.Entry[][] perInput = new Sensitivity.Entry[inputs][];
        Sensitivity.Evppi[] evppiPerInput = new Sensitivity.Evppi[inputs];
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
            Sensitivity.Entry[] row = new Sensitivity.Entry[options];
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
                row[k] = new Sensitivity.Entry(inputPaths.get(c), rho, low / decile, high / decile);
            }
            perInput[c] = row;
            double binned = 0;
            double[] sums = new double[options];
            for (int b = 0; b < Sensitivity.BINS; b++) {
                int from = (int) ((long) b * n / Sensitivity.BINS);
                int to = (int) ((long) (b + 1) * n / Sensitivity.BINS);
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
            evppiPerInput[c] = new Sensitivity.Evppi(inputPaths.get(c), Math.max(0, binned / n - bestOverall));
        });
        List<List<Sensitivity.Entry>> entries = new ArrayList<>();
        for (int k = 0; k < options; k++) {
            entries.add(new ArrayList<>());
        }
        List<Sensitivity.Evppi> evppi = new ArrayList<>();
        for (int c = 0; c < inputs; c++) {
            if (perInput[c] != null) {
                for (int k = 0; k < options; k++) {
                    entries.get(k).add(perInput[c][k]);
                }
                evppi.add(evppiPerInput[c]);
            }
        }
        Map<String, List<Sensitivity.Entry>> byOption = new LinkedHashMap<>();
        for (int k = 0; k < options; k++) {
            List<Sensitivity.Entry> list = entries.get(k);
            list.sort(Comparator.comparingDouble(Sensitivity.Entry::swing).reversed());
            byOption.put(optionIds.get(k), list);
        }
        evppi.sort(Comparator.comparingDouble(Sensitivity.Evppi::evppi).reversed());
        return new Sensitivity(byOption, evpi, evppi);
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
