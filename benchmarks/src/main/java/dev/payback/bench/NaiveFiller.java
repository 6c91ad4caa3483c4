package dev.payback.bench;

import dev.payback.engine.BlockSource;
import dev.payback.engine.Layout;
import dev.payback.sampling.InputSampler;
import dev.payback.sampling.Streams;
import dev.payback.scenario.Correlation;
import dev.payback.scenario.Dist;
import dev.payback.scenario.Input;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.EnumeratedRealDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.TriangularDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The comparator of the benchmarks: the same model inputs drawn the textbook way, from
 * commons-math3 distribution objects built once per worker and sampled with {@code sample()} per
 * draw (PERT as a scaled {@link BetaDistribution}, ci90/lognormal as {@link LogNormalDistribution},
 * and so on). Correlated inputs use the same Gaussian copula, the textbook way: normals from
 * {@link NormalDistribution#sample()}, x = Lz, value = {@code inverseCumulativeProbability(Φ(x))}.
 * It fills the same block columns as {@link InputSampler} (clamped into each input's domain), so the
 * engine's {@link dev.payback.engine.TrialModel} runs unchanged on it: only the sampling differs.
 * Deterministic per (seed, block): one Mersenne Twister per worker, reseeded per block.
 */
public final class NaiveFiller implements BlockSource {
    private final List<Input> inputs;
    private final int[][] groups;
    private final double[][][] lower;

    public NaiveFiller(Layout layout, List<Correlation> correlations) {
        this.inputs = layout.inputs();
        // correlated groups: connected components, members in column order
        int n = inputs.size();
        int[] parent = new int[n];
        for (int k = 0; k < n; k++) {
            parent[k] = k;
        }
        for (Correlation c : correlations) {
            int a = find(parent, layout.column(c.a()));
            int b = find(parent, layout.column(c.b()));
            parent[Math.max(a, b)] = Math.min(a, b);
        }
        List<int[]> gs = new ArrayList<>();
        List<double[][]> ls = new ArrayList<>();
        boolean[] seen = new boolean[n];
        for (Correlation c : correlations) {
            int root = find(parent, layout.column(c.a()));
            if (seen[root]) {
                continue;
            }
            seen[root] = true;
            int[] members = java.util.stream.IntStream.range(0, n).filter(k -> find(parent, k) == root
                    && involved(correlations, inputs.get(k).path())).toArray();
            double[][] r = new double[members.length][members.length];
            for (int i = 0; i < members.length; i++) {
                r[i][i] = 1;
            }
            for (Correlation e : correlations) {
                int i = indexOf(members, layout.column(e.a()));
                int j = indexOf(members, layout.column(e.b()));
                if (i >= 0 && j >= 0) {
                    r[i][j] = r[j][i] = 2 * Math.sin(Math.PI * e.rho() / 6);
                }
            }
            gs.add(members);
            ls.add(new CholeskyDecomposition(new Array2DRowRealMatrix(r)).getL().getData());
        }
        this.groups = gs.toArray(new int[0][]);
        this.lower = ls.toArray(new double[0][][]);
    }

    private static boolean involved(List<Correlation> cs, String path) {
        for (Correlation c : cs) {
            if (c.a().equals(path) || c.b().equals(path)) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }

    private static int find(int[] parent, int k) {
        while (parent[k] != k) {
            k = parent[k];
        }
        return k;
    }

    @Override
    public Filler newFiller() {
        RandomGenerator rng = new MersenneTwister(1);
        int n = inputs.size();
        RealDistribution[] dist = new RealDistribution[n];
        double[] offset = new double[n];
        double[] scale = new double[n];
        boolean[] correlated = new boolean[n];
        for (int[] g : groups) {
            for (int k : g) {
                correlated[k] = true;
            }
        }
        for (int k = 0; k < n; k++) {
            scale[k] = 1;
            Dist d = inputs.get(k).dist();
            if (d instanceof Dist.Fixed f) {
                offset[k] = f.value();
                scale[k] = 0;
            } else if (d instanceof Dist.Uniform u) {
                dist[k] = new UniformRealDistribution(rng, u.lo(), u.hi());
            } else if (d instanceof Dist.Triangular t) {
                dist[k] = new TriangularDistribution(rng, t.min(), t.mode(), t.max());
            } else if (d instanceof Dist.Pert p) {
                double w = p.max() - p.min();
                dist[k] = new BetaDistribution(rng, 1 + 4 * (p.mode() - p.min()) / w, 1 + 4 * (p.max() - p.mode()) / w);
                offset[k] = p.min();
                scale[k] = w;
            } else if (d instanceof Dist.Normal no) {
                dist[k] = new NormalDistribution(rng, no.mu(), no.sd());
            } else if (d instanceof Dist.Lognormal ln) {
                dist[k] = new LogNormalDistribution(rng, ln.mu(), ln.sigma());
            } else if (d instanceof Dist.Bernoulli b) {
                dist[k] = new EnumeratedRealDistribution(rng, new double[] {0, 1}, new double[] {1 - b.p(), b.p()});
            } else if (d instanceof Dist.Discrete dd) {
                dist[k] = new EnumeratedRealDistribution(rng, dd.values(), dd.weights());
            } else if (d instanceof Dist.Empirical e) {
                double[] w = new double[e.observations().length];
                Arrays.fill(w, 1);
                dist[k] = new EnumeratedRealDistribution(rng, e.observations(), w);
            } else {
                throw new IllegalArgumentException("unknown distribution " + d);
            }
        }
        NormalDistribution gauss = new NormalDistribution(rng, 0, 1);
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int k = 0; k < n; k++) {
            lo[k] = inputs.get(k).domain().lo();
            hi[k] = inputs.get(k).domain().hi();
        }
        return (seed, block, count, columns, clampCounts) -> {
            rng.setSeed(Streams.state(seed, block, 0));
            for (int t = 0; t < count; t++) {
                for (int k = 0; k < n; k++) {
                    if (dist[k] == null) {
                        columns[k][t] = offset[k];
                    } else if (!correlated[k]) {
                        columns[k][t] = offset[k] + scale[k] * dist[k].sample();
                    }
                }
                for (int g = 0; g < groups.length; g++) {
                    int[] members = groups[g];
                    double[] z = new double[members.length];
                    for (int i = 0; i < z.length; i++) {
                        z[i] = gauss.sample();
                    }
                    for (int i = 0; i < z.length; i++) {
                        double x = 0;
                        for (int j = 0; j <= i; j++) {
                            x += lower[g][i][j] * z[j];
                        }
                        int k = members[i];
                        double u = gauss.cumulativeProbability(x);
                        double v = scale[k] == 0 ? offset[k]
                                : dist[k].inverseCumulativeProbability(u);
                        columns[k][t] = dist[k] instanceof BetaDistribution ? offset[k] + scale[k] * v : v;
                    }
                }
            }
            for (int k = 0; k < n; k++) {
                double[] col = columns[k];
                long c = 0;
                for (int t = 0; t < count; t++) {
                    if (col[t] < lo[k]) {
                        col[t] = lo[k];
                        c++;
                    } else if (col[t] > hi[k]) {
                        col[t] = hi[k];
                        c++;
                    }
                }
                clampCounts[k] += c;
            }
        };
    }
}
