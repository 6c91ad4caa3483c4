package dev.payback.sampling;

import dev.payback.scenario.Correlation;
import dev.payback.scenario.CorrelationCheck;
import dev.payback.scenario.Dist;
import dev.payback.scenario.Input;
import dev.payback.scenario.InvalidInputException;
import dev.payback.scenario.Location;
import dev.payback.scenario.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Draws every input of a run, block by block, into primitive columns. Built once per run
 * (immutable, shareable between threads); each thread fills blocks with its own {@link Worker}.
 *
 * <p><b>Determinism.</b> Trials are cut into blocks of {@link #BLOCK}; the values of a block depend
 * only on (seed, block index, the input's path, its distribution, its correlation group), never
 * on the thread, on the other inputs or on their order, nor on how many trials of the block are
 * asked for (a shorter fill is a prefix of a longer one):
 * <ul>
 * <li>an uncorrelated input draws from its own stream {@link Streams#of}(seed, block,
 *     {@link #streamKey}(path)) with the direct {@link Samplers sampler} of its distribution, except
 *     PERT, which inverts a ziggurat normal through its tabulated quantile ({@link PertTableSampler}:
 *     about 4 ns a draw instead of 11 for the gamma ratio; tables are built in parallel, once per
 *     shape and JVM);</li>
 * <li>a fixed input fills its constant;</li>
 * <li>a correlated group (a connected component of the correlation graph) draws from one stream
 *     keyed by {@link Streams#groupKey} of its sorted paths, through a Gaussian copula: Spearman ρ
 *     becomes the normal's r calibrated to the pair's margins ({@link dev.payback.scenario.CopulaCalibration};
 *     2 sin(πρ/6) for two continuous margins), the matrix is checked ({@link CorrelationCheck}) and
 *     Cholesky-factored once, and each trial draws independent normals z (members in path order),
 *     x = Lz, value = {@link InverseCdf#atZ}(x). Marginals are exact and the rank correlations are
 *     attained, discrete margins included.</li>
 * </ul>
 * Draws outside the input's {@link dev.payback.scenario.Domain} are clamped to it and counted.
 */
public final class InputSampler {

    /** Trials per block; a constant so results never depend on the number of threads. */
    public static final int BLOCK = 2048;

    /** Smallest pivot accepted by the Cholesky factorization of a group's normal correlations. */
    static final double PD_THRESHOLD = 1e-10;

    private static final UniformRandomProvider PLACEHOLDER = new XoRoShiRo128PlusPlus(1, 2);

    private final List<Input> inputs;
    private final double[] lo;
    private final double[] hi;
    private final int[] fixedIdx;
    private final double[] fixedValue;
    private final int[] indepIdx;
    private final long[] indepKey;
    private final Sampler[] indepSampler;  // prototypes on a placeholder generator, never sampled
    private final Group[] groups;
    private final int maxGroupSize;
    /** Inverse CDFs of the independent inputs, built on first use by LHS or Sobol'. */
    private InverseCdf[] indepInverse;
    /** Whether an independent input's inverse CDF is best reached through its normal score (atZ). */
    private final boolean[] viaNormalScore;
    /** Sobol' dimension of each column (−1 for fixed inputs): non-fixed columns in column order. */
    private final int[] dimension;
    private final int dimensions;

    /** A correlated group, built once. */
    private record Group(int[] members, long key, double[][] lower, InverseCdf[] inverse) {
    }

    private InputSampler(List<Input> inputs, int[] fixedIdx, double[] fixedValue, int[] indepIdx,
                         Sampler[] indepSampler, Group[] groups) {
        this.inputs = inputs;
        int n = inputs.size();
        this.lo = new double[n];
        this.hi = new double[n];
        for (int k = 0; k < n; k++) {
            lo[k] = inputs.get(k).domain().lo();
            hi[k] = inputs.get(k).domain().hi();
        }
        this.fixedIdx = fixedIdx;
        this.fixedValue = fixedValue;
        this.indepIdx = indepIdx;
        this.indepSampler = indepSampler;
        this.indepKey = new long[indepIdx.length];
        this.viaNormalScore = new boolean[indepIdx.length];
        for (int j = 0; j < indepIdx.length; j++) {
            dev.payback.scenario.Dist d = inputs.get(indepIdx[j]).dist();
            viaNormalScore[j] = d instanceof dev.payback.scenario.Dist.Pert || d instanceof dev.payback.scenario.Dist.Normal
                    || d instanceof dev.payback.scenario.Dist.Lognormal;
        }
        for (int j = 0; j < indepIdx.length; j++) {
            indepKey[j] = streamKey(inputs.get(indepIdx[j]).path());
        }
        this.groups = groups;
        int m = 0;
        for (Group g : groups) {
            m = Math.max(m, g.members.length);
        }
        this.maxGroupSize = m;
        this.dimension = new int[n];
        int d = 0;
        for (int k = 0; k < n; k++) {
            dimension[k] = inputs.get(k).dist().isFixed() ? -1 : d++;
        }
        this.dimensions = d;
    }

    /** Largest number of non-fixed inputs Sobol' sampling supports (commons-math3's direction numbers). */
    public static final int MAX_SOBOL_DIMENSIONS = 1000;

    private synchronized InverseCdf[] indepInverse() {
        if (indepInverse == null) {
            InverseCdf[] inv = new InverseCdf[indepIdx.length];
            for (int j = 0; j < inv.length; j++) {
                inv[j] = InverseCdf.of(inputs.get(indepIdx[j]).dist());
            }
            indepInverse = inv;
        }
        return indepInverse;
    }

    /** The stream key of an input path: {@link Streams#streamKey(String)}. */
    public static long streamKey(String path) {
        return Streams.streamKey(path);
    }

    /**
     * Builds the sampler of a run: direct samplers for the uncorrelated inputs, inverse CDFs and
     * a Cholesky factor per correlated group.
     *
     * @param inputs       every input, with distinct paths; column k of {@link Worker#fill} is inputs.get(k)
     * @param correlations Spearman rank correlations between inputs named by path
     * @throws InvalidInputException    when a correlation names an unknown or fixed input, repeats a pair, or a
     *                                  group's converted matrix is not positive definite (one problem each)
     * @throws IllegalArgumentException when two inputs share a path
     */
    public static InputSampler of(List<Input> inputs, List<Correlation> correlations) throws InvalidInputException {
        List<Input> in = List.copyOf(inputs);
        List<Correlation> corr = List.copyOf(correlations);
        Map<String, Integer> index = new HashMap<>();
        Set<Long> keys = new HashSet<>();
        for (int k = 0; k < in.size(); k++) {
            String path = in.get(k).path();
            if (index.put(path, k) != null) {
                throw new IllegalArgumentException("two inputs share the path " + path);
            }
            if (!keys.add(streamKey(path))) {
                throw new IllegalArgumentException("stream key collision for " + path); // 2^-64 odds
            }
        }

        // every PERT table first, in parallel: building them (one per shape, shared by the JVM) is the
        // longest part of making a run's sampler, and the correlation check and the samplers below
        // then find them built
        in.stream().map(Input::dist).filter(d -> d instanceof Dist.Pert).distinct().toList()
                .parallelStream().forEach(InverseCdf::of);

        // validate the correlations, one problem per bad entry
        List<Problem> problems = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        List<Correlation> valid = new ArrayList<>();
        for (Correlation c : corr) {
            String bad = null;
            for (String p : List.of(c.a(), c.b())) {
                Integer k = index.get(p);
                if (bad == null && k == null) {
                    bad = "names " + p + ", which is not an input that can be correlated";
                } else if (bad == null && in.get(k).dist().isFixed()) {
                    bad = p + " is fixed (" + in.get(k).notation() + "), and a fixed value cannot be correlated";
                }
            }
            String pair = c.a().compareTo(c.b()) < 0 ? c.a() + "\n" + c.b() : c.b() + "\n" + c.a();
            if (bad == null && !pairs.add(pair)) {
                bad = "the pair " + c.a() + ", " + c.b() + " is correlated twice";
            }
            if (bad != null) {
                problems.add(new Problem(c.where(), "correlations", bad,
                        bad.startsWith("names") ? "check the path" : "remove this entry"));
            } else {
                valid.add(c);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }

        // connected components (union-find over input indices)
        int[] parent = new int[in.size()];
        for (int k = 0; k < parent.length; k++) {
            parent[k] = k;
        }
        for (Correlation c : valid) {
            int ra = find(parent, index.get(c.a()));
            int rb = find(parent, index.get(c.b()));
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
        Map<Integer, List<Correlation>> byRoot = new TreeMap<>();
        for (Correlation c : valid) {
            byRoot.computeIfAbsent(find(parent, index.get(c.a())), r -> new ArrayList<>()).add(c);
        }
        boolean[] correlated = new boolean[in.size()];
        List<Group> groups = new ArrayList<>();
        for (List<Correlation> edges : byRoot.values()) {
            TreeMap<String, Integer> members = new TreeMap<>(); // sorted by path
            for (Correlation c : edges) {
                members.put(c.a(), index.get(c.a()));
                members.put(c.b(), index.get(c.b()));
            }
            List<String> paths = new ArrayList<>(members.keySet());
            int m = paths.size();
            double[][] r = new double[m][m];
            for (int i = 0; i < m; i++) {
                r[i][i] = 1;
            }
            // one check, against the matrix factored below: each ρ calibrated to its margins
            CorrelationCheck.Result check = CorrelationCheck.check(edges, p -> in.get(index.get(p)).dist());
            for (CorrelationCheck.Unattainable u : check.unattainable()) {
                problems.add(new Problem(u.correlation().where(), "correlations", CorrelationCheck.unattainable(
                        CorrelationCheck.describe(u.correlation()), u), CorrelationCheck.UNATTAINABLE_FIX));
            }
            if (!check.unattainable().isEmpty()) {
                continue;
            }
            if (!check.positiveDefinite()) {
                problems.add(notPositiveDefinite(check.offending()));
                continue;
            }
            double[][] normals = check.matrix();
            for (Correlation c : edges) {
                int i = paths.indexOf(c.a());
                int j = paths.indexOf(c.b());
                double normal = normals[check.variables().indexOf(c.a())][check.variables().indexOf(c.b())];
                r[i][j] = normal;
                r[j][i] = normal;
            }
            double[][] lower;
            try {
                RealMatrix l = new CholeskyDecomposition(new Array2DRowRealMatrix(r, false),
                        CholeskyDecomposition.DEFAULT_RELATIVE_SYMMETRY_THRESHOLD, PD_THRESHOLD).getL();
                lower = l.getData();
            } catch (NonPositiveDefiniteMatrixException e) {
                problems.add(notPositiveDefinite(edges));
                continue;
            }
            int[] idx = new int[m];
            InverseCdf[] inv = new InverseCdf[m];
            for (int i = 0; i < m; i++) {
                idx[i] = members.get(paths.get(i));
                inv[i] = InverseCdf.of(in.get(idx[i]).dist());
                correlated[idx[i]] = true;
            }
            groups.add(new Group(idx, Streams.groupKey(paths), lower, inv));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }

        List<Integer> fixed = new ArrayList<>();
        List<Integer> indep = new ArrayList<>();
        for (int k = 0; k < in.size(); k++) {
            if (in.get(k).dist().isFixed()) {
                fixed.add(k);
            } else if (!correlated[k]) {
                indep.add(k);
            }
        }
        int[] fixedIdx = fixed.stream().mapToInt(Integer::intValue).toArray();
        double[] fixedValue = new double[fixedIdx.length];
        for (int j = 0; j < fixedIdx.length; j++) {
            fixedValue[j] = in.get(fixedIdx[j]).dist().supportMin();
        }
        int[] indepIdx = indep.stream().mapToInt(Integer::intValue).toArray();
        Sampler[] samplers = new Sampler[indepIdx.length];
        java.util.stream.IntStream.range(0, indepIdx.length).parallel().forEach(j -> {
            Dist d = in.get(indepIdx[j]).dist();
            samplers[j] = d instanceof Dist.Pert ? new PertTableSampler(InverseCdf.of(d), PLACEHOLDER)
                    : Samplers.of(d, PLACEHOLDER);
        });
        return new InputSampler(in, fixedIdx, fixedValue, indepIdx, samplers, groups.toArray(new Group[0]));
    }

    private static int find(int[] parent, int k) {
        while (parent[k] != k) {
            parent[k] = parent[parent[k]];
            k = parent[k];
        }
        return k;
    }

    private static Problem notPositiveDefinite(List<Correlation> edges) {
        StringBuilder pairs = new StringBuilder();
        for (Correlation c : edges) {
            pairs.append(pairs.length() == 0 ? "" : ", ").append(CorrelationCheck.describe(c));
        }
        Location where = edges.get(0).where();
        return new Problem(where, "correlations", CorrelationCheck.notPositiveDefinite(pairs.toString()),
                CorrelationCheck.NOT_POSITIVE_DEFINITE_FIX);
    }

    /** Number of inputs (columns). */
    public int size() {
        return inputs.size();
    }

    /** The inputs, in column order. */
    public List<Input> inputs() {
        return inputs;
    }

    /** A new worker drawing pseudo-random values ({@link SamplingMethod#RANDOM}), for one thread. */
    public Worker newWorker() {
        return new Worker(this, SamplingMethod.RANDOM);
    }

    /**
     * A new worker for one thread, drawing by {@code method}:
     * <ul>
     * <li>{@link SamplingMethod#RANDOM}: as described above;</li>
     * <li>{@link SamplingMethod#LHS}: within each block of n trials, each non-fixed input (each member
     *     of a correlated group in normal-score space, before the Cholesky factor is applied) gets
     *     u_t = (π(t) + V_t)/n from its own stream (seed, block, key): π a uniformly random permutation
     *     of 0..n−1, V_t uniform on [0, 1); the value is the inverse CDF at u_t (correlated groups:
     *     z = Φ⁻¹(u), x = Lz, value = {@link InverseCdf#atZ}). Stratification is per block, so a
     *     run's last partial block is stratified over its own size;</li>
     * <li>{@link SamplingMethod#SOBOL}: trial i takes point i of commons-math3's
     *     {@code SobolSequenceGenerator} with one dimension per non-fixed input (column order), each
     *     coordinate shifted modulo 1 by a uniform drawn once per run from the stream
     *     (seed, 0, "sobol.shift"); then as LHS from u. A block starts with {@code skipTo(block·BLOCK)},
     *     so a trial's point depends only on its index.</li>
     * </ul>
     *
     * @throws IllegalArgumentException for Sobol' with more than {@link #MAX_SOBOL_DIMENSIONS} non-fixed inputs
     */
    public Worker newWorker(SamplingMethod method) {
        if (method == SamplingMethod.SOBOL && dimensions > MAX_SOBOL_DIMENSIONS) {
            throw new IllegalArgumentException("Sobol' sampling supports at most " + MAX_SOBOL_DIMENSIONS
                    + " sampled inputs; this run has " + dimensions + " (use --sampling lhs or random)");
        }
        return new Worker(this, method);
    }

    /**
     * Fills blocks for one thread; not thread-safe. It owns its scratch, so a fill allocates only
     * a generator and a few small sampler copies per input and block, nothing per trial.
     */
    public static final class Worker {
        private final InputSampler s;
        private final double[][] z;
        private final SamplingMethod method;
        private final InverseCdf[] inverse;
        private final int[] perm;
        private final SobolSequenceGenerator sobol;
        private double[] shift;
        private long shiftSeed;

        private Worker(InputSampler s, SamplingMethod method) {
            this.s = s;
            this.method = Objects.requireNonNull(method, "method");
            this.z = new double[s.maxGroupSize][BLOCK];
            this.inverse = method == SamplingMethod.RANDOM ? null : s.indepInverse();
            this.perm = method == SamplingMethod.LHS ? new int[BLOCK] : null;
            this.sobol = method == SamplingMethod.SOBOL && s.dimensions > 0
                    ? new SobolSequenceGenerator(s.dimensions) : null;
        }

        /**
         * Draws trials {@code block*BLOCK .. block*BLOCK+n-1}.
         *
         * @param seed        the run's seed
         * @param block       the block index, &gt;= 0
         * @param n           trials to draw, 0..{@link #BLOCK}
         * @param columns     {@code columns[k][t]} receives input k's value in trial t of the block
         *                    (each column at least n long)
         * @param clampCounts {@code clampCounts[k]} is increased by how many of the n draws of input k
         *                    were clamped into its domain
         */
        public void fill(long seed, long block, int n, double[][] columns, long[] clampCounts) {
            if (n < 0 || n > BLOCK) {
                throw new IllegalArgumentException("n must lie in 0.." + BLOCK + ", got " + n);
            }
            if (block < 0) {
                throw new IllegalArgumentException("block must be >= 0, got " + block);
            }
            Objects.requireNonNull(columns, "columns");
            Objects.requireNonNull(clampCounts, "clampCounts");
            if (columns.length < s.size() || clampCounts.length < s.size()) {
                throw new IllegalArgumentException("need " + s.size() + " columns and clamp counters");
            }
            if (n == 0) {
                return;
            }
            for (int j = 0; j < s.fixedIdx.length; j++) {
                int k = s.fixedIdx[j];
                Arrays.fill(columns[k], 0, n, s.fixedValue[j]);
                clamp(k, columns[k], n, clampCounts);
            }
            if (method != SamplingMethod.RANDOM) {
                fillDesign(seed, block, n, columns, clampCounts);
                return;
            }
            for (int j = 0; j < s.indepIdx.length; j++) {
                int k = s.indepIdx[j];
                UniformRandomProvider rng = Streams.of(seed, block, s.indepKey[j]);
                s.indepSampler[j].withUniformRandomProvider(rng).sample(columns[k], n);
                clamp(k, columns[k], n, clampCounts);
            }
            for (Group g : s.groups) {
                fillGroup(g, seed, block, n, columns, clampCounts);
            }
        }

        private void fillGroup(Group g, long seed, long block, int n, double[][] columns, long[] clampCounts) {
            int m = g.members.length;
            ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(
                    Streams.of(seed, block, g.key));
            double[][] zz = z;
            for (int t = 0; t < n; t++) {        // trial-major, so a shorter fill is a prefix
                for (int i = 0; i < m; i++) {
                    zz[i][t] = gauss.sample();
                }
            }
            correlate(g, n);                    // row 0 of L is (1, 0, ...): x0 = z0
            for (int i = 0; i < m; i++) {
                int k = g.members[i];
                g.inverse[i].atZ(zz[i], columns[k], n);
                clamp(k, columns[k], n, clampCounts);
            }
        }

        /** LHS or Sobol': uniforms per column first, then each column through its inverse CDF. */
        private void fillDesign(long seed, long block, int n, double[][] columns, long[] clampCounts) {
            if (method == SamplingMethod.SOBOL) {
                sobolUniforms(seed, block, n, columns);
            } else {
                for (int j = 0; j < s.indepIdx.length; j++) {
                    int k = s.indepIdx[j];
                    latinHypercube(Streams.of(seed, block, s.indepKey[j]), n, columns[k]);
                }
                for (Group g : s.groups) {
                    UniformRandomProvider rng = Streams.of(seed, block, g.key);
                    for (int i = 0; i < g.members.length; i++) {
                        latinHypercube(rng, n, columns[g.members[i]]);
                    }
                }
            }
            for (int j = 0; j < s.indepIdx.length; j++) {
                int k = s.indepIdx[j];
                double[] col = columns[k];
                InverseCdf inv = inverse[j];
                if (s.viaNormalScore[j]) {       // PERT table, normal, lognormal: straight from z
                    for (int t = 0; t < n; t++) {
                        col[t] = NormalQuantile.of(col[t]);
                    }
                    inv.atZ(col, col, n);
                } else {
                    for (int t = 0; t < n; t++) {
                        col[t] = inv.at(col[t]);
                    }
                }
                clamp(k, col, n, clampCounts);
            }
            for (Group g : s.groups) {
                int m = g.members.length;
                for (int i = 0; i < m; i++) {
                    double[] u = columns[g.members[i]];
                    double[] zi = z[i];
                    for (int t = 0; t < n; t++) {
                        zi[t] = NormalQuantile.of(u[t]);
                    }
                }
                correlate(g, n);
                for (int i = 0; i < m; i++) {
                    int k = g.members[i];
                    g.inverse[i].atZ(z[i], columns[k], n);
                    clamp(k, columns[k], n, clampCounts);
                }
            }
        }

        /** u_t = (π(t) + V_t)/n, kept inside (0, 1). */
        private void latinHypercube(UniformRandomProvider rng, int n, double[] out) {
            int[] p = perm;
            for (int t = 0; t < n; t++) {
                p[t] = t;
            }
            for (int t = n - 1; t > 0; t--) {          // Fisher–Yates
                int r = rng.nextInt(t + 1);
                int tmp = p[t];
                p[t] = p[r];
                p[r] = tmp;
            }
            for (int t = 0; t < n; t++) {
                out[t] = inside((p[t] + rng.nextDouble()) / n);
            }
        }

        private void sobolUniforms(long seed, long block, int n, double[][] columns) {
            if (sobol == null) {
                return;
            }
            if (shift == null || shiftSeed != seed) {
                UniformRandomProvider rng = Streams.of(seed, 0, Streams.streamKey("sobol.shift"));
                shift = new double[s.dimensions];
                for (int d = 0; d < shift.length; d++) {
                    shift[d] = rng.nextDouble();
                }
                shiftSeed = seed;
            }
            int[] dim = s.dimension;
            sobol.skipTo((int) (block * BLOCK));
            for (int t = 0; t < n; t++) {
                double[] x = sobol.nextVector();
                for (int k = 0; k < dim.length; k++) {
                    int d = dim[k];
                    if (d >= 0) {
                        double u = x[d] + shift[d];
                        columns[k][t] = inside(u >= 1 ? u - 1 : u);
                    }
                }
            }
        }

        private static double inside(double u) {
            return u <= 0 ? 0x1p-54 : (u >= 1 ? 1 - 0x1p-54 : u);
        }

        /** x = L z in place for the group's members (row i only reads rows &lt;= i). */
        private void correlate(Group g, int n) {
            double[][] zz = z;
            double[][] l = g.lower;
            for (int i = g.members.length - 1; i >= 1; i--) {
                double[] row = l[i];
                double[] zi = zz[i];
                for (int t = 0; t < n; t++) {
                    double x = row[i] * zi[t];
                    for (int j = 0; j < i; j++) {
                        x += row[j] * zz[j][t];
                    }
                    zi[t] = x;
                }
            }
        }

        private void clamp(int k, double[] col, int n, long[] clampCounts) {
            double lo = s.lo[k];
            double hi = s.hi[k];
            int c = 0;
            for (int t = 0; t < n; t++) {
                double v = col[t];
                if (v < lo) {
                    col[t] = lo;
                    c++;
                } else if (v > hi) {
                    col[t] = hi;
                    c++;
                }
            }
            clampCounts[k] += c;
        }
    }
}
