package dev.payback.sampling;

import dev.payback.scenario.Dist;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Factory of {@link Sampler}s for the distribution forms of docs/model.md section 1: one small
 * immutable implementation per form, all tables built in {@link #of}.
 *
 * <ul>
 * <li>fixed: the value, no draws;</li>
 * <li>uniform: lo + (hi − lo)·U;</li>
 * <li>triangular: closed-form inverse CDF of U;</li>
 * <li>PERT: min + (max − min)·G<sub>α</sub>/(G<sub>α</sub> + G<sub>β</sub>) with two
 *     {@link AhrensDieterMarsagliaTsangGammaSampler} gammas of scale 1 (a Beta(α, β) draw);</li>
 * <li>normal: μ + σ·Z, Z from {@link ZigguratSampler.NormalizedGaussian};</li>
 * <li>lognormal: exp(μ + σ·Z);</li>
 * <li>bernoulli: 1 when U &lt; p;</li>
 * <li>discrete: {@link AliasMethodDiscreteSampler} over the weights;</li>
 * <li>empirical: a uniform index into the observations.</li>
 * </ul>
 */
public final class Samplers {

    private Samplers() {
    }

    /**
     * A sampler of {@code dist} drawing from {@code rng}.
     *
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when a parameter is NaN, infinite or impossible
     */
    public static Sampler of(Dist dist, UniformRandomProvider rng) {
        Objects.requireNonNull(dist, "dist");
        Objects.requireNonNull(rng, "rng");
        if (dist instanceof Dist.Fixed f) {
            return FixedSampler.of(f.value());
        } else if (dist instanceof Dist.Uniform u) {
            return UniformSampler.of(rng, u.lo(), u.hi());
        } else if (dist instanceof Dist.Triangular t) {
            return TriangularSampler.of(rng, t.min(), t.mode(), t.max());
        } else if (dist instanceof Dist.Pert p) {
            return PertSampler.of(rng, p.min(), p.max(), p.alpha(), p.beta());
        } else if (dist instanceof Dist.Normal n) {
            return NormalSampler.of(rng, n.mu(), n.sd());
        } else if (dist instanceof Dist.Lognormal l) {
            return LognormalSampler.of(rng, l.mu(), l.sigma());
        } else if (dist instanceof Dist.Bernoulli b) {
            return BernoulliSampler.of(rng, b.p());
        } else if (dist instanceof Dist.Discrete d) {
            return dist.isFixed() ? FixedSampler.of(d.supportMin()) : DiscreteSampler.of(rng, d.values(), d.weights());
        } else if (dist instanceof Dist.Empirical e) {
            return dist.isFixed() ? FixedSampler.of(e.supportMin()) : EmpiricalSampler.of(rng, e.observations());
        }
        throw new IllegalArgumentException("unknown distribution " + dist);
    }

    static void finite(String what, double... xs) {
        for (double x : xs) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException(what + " must be finite, got " + x);
            }
        }
    }

    /** Always the same value; draws nothing. */
    static final class FixedSampler implements Sampler {
        private final double value;

        private FixedSampler(double value) {
            this.value = value;
        }

        static FixedSampler of(double value) {
            finite("fixed value", value);
            return new FixedSampler(value);
        }

        @Override public double sample() { return value; }
        @Override public void sample(double[] out, int n) { java.util.Arrays.fill(out, 0, n, value); }
        @Override public Sampler withUniformRandomProvider(UniformRandomProvider rng) { return this; }
    }

    /** lo + (hi − lo)·U. */
    static final class UniformSampler implements Sampler {
        private final UniformRandomProvider rng;
        private final double lo;
        private final double width;

        private UniformSampler(UniformRandomProvider rng, double lo, double width) {
            this.rng = rng;
            this.lo = lo;
            this.width = width;
        }

        static UniformSampler of(UniformRandomProvider rng, double lo, double hi) {
            finite("uniform bounds", lo, hi);
            if (!(lo < hi)) {
                throw new IllegalArgumentException("uniform needs lo < hi");
            }
            return new UniformSampler(Objects.requireNonNull(rng), lo, hi - lo);
        }

        @Override public double sample() { return lo + width * rng.nextDouble(); }
        @Override public void sample(double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = lo + width * rng.nextDouble();
            }
        }
        @Override public Sampler withUniformRandomProvider(UniformRandomProvider r) {
            return new UniformSampler(Objects.requireNonNull(r), lo, width);
        }
    }

    /** Triangular by its closed-form inverse CDF. */
    static final class TriangularSampler implements Sampler {
        private final UniformRandomProvider rng;
        private final InverseCdfs.TriangularInverse inverse;

        private TriangularSampler(UniformRandomProvider rng, InverseCdfs.TriangularInverse inverse) {
            this.rng = rng;
            this.inverse = inverse;
        }

        static TriangularSampler of(UniformRandomProvider rng, double min, double mode, double max) {
            return new TriangularSampler(Objects.requireNonNull(rng), InverseCdfs.TriangularInverse.of(min, mode, max));
        }

        @Override public double sample() { return inverse.at(rng.nextDouble()); }
        @Override public void sample(double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = inverse.at(rng.nextDouble());
            }
        }
        @Override public Sampler withUniformRandomProvider(UniformRandomProvider r) {
            return new TriangularSampler(Objects.requireNonNull(r), inverse);
        }
    }

    /** Beta-PERT as a ratio of gammas: X = Gα/(Gα + Gβ), value = min + (max − min)·X. */
    static final class PertSampler implements Sampler {
        private final SharedStateContinuousSampler ga;
        private final SharedStateContinuousSampler gb;
        private final double min;
        private final double width;

        private PertSampler(SharedStateContinuousSampler ga, SharedStateContinuousSampler gb, double min, double width) {
            this.ga = ga;
            this.gb = gb;
            this.min = min;
            this.width = width;
        }

        static PertSampler of(UniformRandomProvider rng, double min, double max, double alpha, double beta) {
            finite("pert parameters", min, max, alpha, beta);
            if (!(min < max && alpha > 0 && beta > 0)) {
                throw new IllegalArgumentException("pert needs min < max and positive shapes");
            }
            return new PertSampler(AhrensDieterMarsagliaTsangGammaSampler.of(rng, alpha, 1),
                    AhrensDieterMarsagliaTsangGammaSampler.of(rng, beta, 1), min, max - min);
        }

        @Override public double sample() {
            double a = ga.sample();
            double b = gb.sample();
            return min + width * (a / (a + b));
        }
        @Override public void sample(double[] out, int n) {
            for (int i = 0; i < n; i++) {
                double a = ga.sample();
                double b = gb.sample();
                out[i] = min + width * (a / (a + b));
            }
        }
        @Override public Sampler withUniformRandomProvider(UniformRandomProvider r) {
            Objects.requireNonNull(r);
            return new PertSampler(ga.withUniformRandomProvider(r), gb.withUniformRandomProvider(r), min, width);
        }
    }

    /** μ + σ·Z with the ziggurat normal. */
    static final class NormalSampler implements Sampler {
        private final ZigguratSampler.NormalizedGaussian z;
        private final double mu;
        private final double sd;

        private NormalSampler(ZigguratSampler.NormalizedGaussian z, double mu, double sd) {
            this.z = z;
            this.mu = mu;
            this.sd = sd;
        }

        static NormalSampler of(UniformRandomProvider rng, double mu, double sd) {
            finite("normal parameters", mu, sd);
            if (!(sd > 0)) {
                throw new IllegalArgumentException("normal needs sd > 0");
            }
            return new NormalSampler(ZigguratSampler.NormalizedGaussian.of(rng), mu, sd);
        }

        @Override public double sample() { return mu + sd * z.sample(); }
        @Override public void sample(double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = mu + sd * z.sample();
            }
        }
        @Override public Sampler withUniformRandomProvider(UniformRandomProvider r) {
            return new NormalSampler(z.withUniformRandomProvider(Objects.requireNonNull(r)), mu, sd);
        }
    }

    /** exp(μ + σ·Z). */
    static final class LognormalSampler implements Sampler {
        private final ZigguratSampler.NormalizedGaussian z;
        private final double mu;
        private final double sigma;

        private LognormalSampler(ZigguratSampler.NormalizedGaussian z, double mu, double sigma) {
            this.z = z;
            this.mu = mu;
            this.sigma = sigma;
        }

        static LognormalSampler of(UniformRandomProvider rng, double mu, double sigma) {
            finite("lognormal parameters", mu, sigma);
            if (!(sigma > 0)) {
                throw new IllegalArgumentException("lognormal needs sigma > 0");
            }
            return new LognormalSampler(ZigguratSampler.NormalizedGaussian.of(rng), mu, sigma);
        }

        @Override public double sample() { return Math.exp(mu + sigma * z.sample()); }
        @Override public void sample(double[] out, int n) {
            // two passes: the ziggurat loop and the exp loop each run faster on their own
            for (int i = 0; i < n; i++) {
                out[i] = z.sample();
            }
            for (int i = 0; i < n; i++) {
                out[i] = Math.exp(mu + sigma * out[i]);
            }
        }
        @Override public Sampler withUniformRandomProvider(UniformRandomProvider r) {
            return new LognormalSampler(z.withUniformRandomProvider(Objects.requireNonNull(r)), mu, sigma);
        }
    }

    /** 1 when U &lt; p, else 0. */
    static final class BernoulliSampler implements Sampler {
        private final UniformRandomProvider rng;
        private final double p;

        private BernoulliSampler(UniformRandomProvider rng, double p) {
            this.rng = rng;
            this.p = p;
        }

        static BernoulliSampler of(UniformRandomProvider rng, double p) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("bernoulli p must lie in [0, 1], got " + p);
            }
            return new BernoulliSampler(Objects.requireNonNull(rng), p);
        }

        @Override public double sample() { return rng.nextDouble() < p ? 1 : 0; }
        @Override public void sample(double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = rng.nextDouble() < p ? 1 : 0;
            }
        }
        @Override public Sampler withUniformRandomProvider(UniformRandomProvider r) {
            return new BernoulliSampler(Objects.requireNonNull(r), p);
        }
    }

    /** values[i] with probability proportional to weights[i], by Walker's alias method. */
    static final class DiscreteSampler implements Sampler {
        private final SharedStateDiscreteSampler index;
        private final double[] values;

        private DiscreteSampler(SharedStateDiscreteSampler index, double[] values) {
            this.index = index;
            this.values = values;
        }

        static DiscreteSampler of(UniformRandomProvider rng, double[] values, double[] weights) {
            finite("discrete values", values);
            finite("discrete weights", weights);
            if (values.length == 0 || values.length != weights.length) {
                throw new IllegalArgumentException("discrete needs as many weights as values, and at least one");
            }
            return new DiscreteSampler(AliasMethodDiscreteSampler.of(rng, weights.clone()), values.clone());
        }

        @Override public double sample() { return values[index.sample()]; }
        @Override public void sample(double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = values[index.sample()];
            }
        }
        @Override public Sampler withUniformRandomProvider(UniformRandomProvider r) {
            return new DiscreteSampler(index.withUniformRandomProvider(Objects.requireNonNull(r)), values);
        }
    }

    /** One of the observations, uniformly (bootstrap). */
    static final class EmpiricalSampler implements Sampler {
        private final UniformRandomProvider rng;
        private final double[] observations;

        private EmpiricalSampler(UniformRandomProvider rng, double[] observations) {
            this.rng = rng;
            this.observations = observations;
        }

        static EmpiricalSampler of(UniformRandomProvider rng, double[] observations) {
            if (observations.length == 0) {
                throw new IllegalArgumentException("empirical needs at least one observation");
            }
            finite("empirical observations", observations);
            return new EmpiricalSampler(Objects.requireNonNull(rng), observations.clone());
        }

        @Override public double sample() { return observations[rng.nextInt(observations.length)]; }
        @Override public void sample(double[] out, int n) {
            int m = observations.length;
            for (int i = 0; i < n; i++) {
                out[i] = observations[rng.nextInt(m)];
            }
        }
        @Override public Sampler withUniformRandomProvider(UniformRandomProvider r) {
            return new EmpiricalSampler(Objects.requireNonNull(r), observations);
        }
    }
}
