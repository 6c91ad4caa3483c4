package dev.payback.bench;

import dev.payback.sampling.InverseCdf;
import dev.payback.sampling.NormalQuantile;
import dev.payback.sampling.PertTableSampler;
import dev.payback.sampling.Sampler;
import dev.payback.sampling.Samplers;
import dev.payback.sampling.Streams;
import dev.payback.scenario.Dist;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.EnumeratedRealDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.TriangularDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Nanoseconds per sample of each distribution form (one invocation fills 2,048 values): the
 * {@link Samplers} of each form in bulk ({@code fast}, with a fresh per-block generator as the engine
 * does); what the engine's random sampling uses ({@code engine}: the same, except PERT by a ziggurat
 * normal through the PERT table); the same distribution as a commons-math3 object with
 * {@code sample()} per draw ({@code naive}); and the inverse-CDF path of LHS and Sobol'
 * ({@code inverse}: the quantile of a given uniform, through the AS 241 normal score for PERT, normal
 * and lognormal).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar SamplerBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@OperationsPerInvocation(SamplerBenchmark.N)
public class SamplerBenchmark {
    static final int N = 2048;

    @Param({"uniform", "triangular", "pert", "normal", "lognormal", "bernoulli", "discrete", "empirical"})
    public String form;

    private Sampler fast;
    private Sampler engine;
    private boolean viaZ;
    private RealDistribution naive;
    private InverseCdf inverse;
    private double[] out;
    private double[] u;
    private long block;

    @Setup
    public void setUp() {
        Dist d = switch (form) {
            case "uniform" -> new Dist.Uniform(0.35, 0.45);
            case "triangular" -> new Dist.Triangular(1, 2, 4);
            case "pert" -> new Dist.Pert(0.08, 0.14, 0.22);
            case "normal" -> new Dist.Normal(100, 15);
            case "lognormal" -> new Dist.Lognormal(6, 20);
            case "bernoulli" -> new Dist.Bernoulli(0.3);
            case "discrete" -> new Dist.Discrete(new double[] {1, 2, 3, 5}, new double[] {1, 2, 3, 4});
            case "empirical" -> new Dist.Empirical(new double[] {3, 1, 4, 1, 5, 9, 2, 6, 5, 3});
            default -> throw new IllegalArgumentException(form);
        };
        MersenneTwister mt = new MersenneTwister(42);
        naive = switch (form) {
            case "uniform" -> new UniformRealDistribution(mt, 0.35, 0.45);
            case "triangular" -> new TriangularDistribution(mt, 1, 2, 4);
            case "pert" -> new BetaDistribution(mt, 1 + 4 * 0.06 / 0.14, 1 + 4 * 0.08 / 0.14);
            case "normal" -> new NormalDistribution(mt, 100, 15);
            case "lognormal" -> new LogNormalDistribution(mt, ((Dist.Lognormal) d).mu(), ((Dist.Lognormal) d).sigma());
            case "bernoulli" -> new EnumeratedRealDistribution(mt, new double[] {0, 1}, new double[] {0.7, 0.3});
            case "discrete" -> new EnumeratedRealDistribution(mt, new double[] {1, 2, 3, 5}, new double[] {1, 2, 3, 4});
            default -> new EnumeratedRealDistribution(mt, new double[] {3, 1, 4, 1, 5, 9, 2, 6, 5, 3},
                    new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1});
        };
        fast = Samplers.of(d, Streams.of(42, 0, 1));
        engine = d instanceof Dist.Pert p ? PertTableSampler.of(p, Streams.of(42, 0, 1)) : fast;
        viaZ = d instanceof Dist.Pert || d instanceof Dist.Normal || d instanceof Dist.Lognormal;
        inverse = InverseCdf.of(d);
        out = new double[N];
        u = new double[N];
        var rng = Streams.of(42, 0, 2);
        for (int i = 0; i < N; i++) {
            u[i] = rng.nextDouble();
        }
    }

    /** Fills nothing: the harness alone. */
    @Benchmark
    public double[] baseline() {
        return out;
    }

    /** The engine's sampler, per block: a new stream, then a bulk fill. */
    @Benchmark
    public double[] fast() {
        fast.withUniformRandomProvider(Streams.of(42, block++, 1)).sample(out, N);
        return out;
    }

    /** The engine's random sampler of this form, per block. */
    @Benchmark
    public double[] engine() {
        engine.withUniformRandomProvider(Streams.of(42, block++, 1)).sample(out, N);
        return out;
    }

    /** commons-math3: {@code sample()} per draw on an object built once. */
    @Benchmark
    public double[] naive() {
        for (int i = 0; i < N; i++) {
            out[i] = naive.sample();
        }
        return out;
    }

    /** The inverse CDF at given uniforms (the LHS / Sobol' path). */
    @Benchmark
    public double[] inverse() {
        if (viaZ) {
            for (int i = 0; i < N; i++) {
                out[i] = NormalQuantile.of(u[i]);
            }
            inverse.atZ(out, out, N);
        } else {
            for (int i = 0; i < N; i++) {
                out[i] = inverse.at(u[i]);
            }
        }
        return out;
    }

    /** For reference: the ziggurat normal alone, per draw. */
    @Benchmark
    public double[] ziggurat() {
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(Streams.of(42, block++, 3));
        for (int i = 0; i < N; i++) {
            out[i] = g.sample();
        }
        return out;
    }
}
