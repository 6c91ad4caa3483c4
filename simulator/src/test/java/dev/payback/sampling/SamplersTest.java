package dev.payback.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.payback.scenario.Dist;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.junit.jupiter.api.Test;

class SamplersTest {

    private static final int N = 100_000;

    private static double[] draw(Dist d, long seed) {
        Sampler s = Samplers.of(d, new XoRoShiRo128PlusPlus(seed, 0x5eedL));
        double[] x = new double[N];
        s.sample(x, N);
        return x;
    }

    @Test
    void continuousFormsPassKolmogorovSmirnov() {
        List<Dist> dists = List.of(new Dist.Uniform(0.35, 0.45), new Dist.Triangular(1, 2, 5),
                new Dist.Triangular(0, 0, 1), new Dist.Pert(9000, 12000, 16000), new Dist.Pert(0, 0, 1),
                new Dist.Pert(0.005, 0.012, 0.03), new Dist.Normal(3, 2), Dist.Normal.ofCi90(-5, 20),
                new Dist.Lognormal(6, 20), new Dist.Lognormal(80000, 300000));
        // ten checks at 9.9e-6 each (Stats.assertKolmogorovSmirnov): false-failure rate below 1e-4
        long seed = 1;
        for (Dist d : dists) {
            InverseCdf inv = InverseCdf.of(d);
            Stats.assertKolmogorovSmirnov(d.toString(), seed, s -> draw(d, s), inv::cdf);
            seed += Stats.KS_SAMPLES;
        }
    }

    @Test
    void sampleOneByOneEqualsBulk() {
        for (Dist d : List.of(new Dist.Pert(1, 2, 4), new Dist.Normal(0, 1), new Dist.Triangular(0, 1, 3),
                new Dist.Discrete(new double[] {1, 2}, new double[] {1, 3}))) {
            Sampler a = Samplers.of(d, new XoRoShiRo128PlusPlus(7, 8));
            Sampler b = a.withUniformRandomProvider(new XoRoShiRo128PlusPlus(7, 8));
            double[] bulk = new double[100];
            b.sample(bulk, 100);
            for (int i = 0; i < 100; i++) {
                assertThat(a.sample()).isEqualTo(bulk[i]);
            }
        }
    }

    @Test
    void discreteFormsMatchFrequenciesWithinFourStandardErrors() {
        checkFrequencies(new Dist.Bernoulli(0.3), new double[] {0, 1}, new double[] {0.7, 0.3});
        checkFrequencies(new Dist.Bernoulli(0.001), new double[] {0, 1}, new double[] {0.999, 0.001});
        checkFrequencies(new Dist.Discrete(new double[] {10, 20, 30, 40}, new double[] {1, 0, 2, 5}),
                new double[] {10, 20, 30, 40}, new double[] {0.125, 0, 0.25, 0.625});
        checkFrequencies(new Dist.Empirical(new double[] {5, 1, 5, 3, 8}),
                new double[] {1, 3, 5, 8}, new double[] {0.2, 0.2, 0.4, 0.2});
        assertThat(draw(new Dist.Bernoulli(0), 3)).containsOnly(0.0);
        assertThat(draw(new Dist.Bernoulli(1), 3)).containsOnly(1.0);
    }

    /** Each frequency within 4 standard errors: 12 checks at 6.3e-5, a false-failure rate below 8e-4. */
    private static void checkFrequencies(Dist d, double[] values, double[] probs) {
        double[] x = draw(d, 99);
        for (int i = 0; i < values.length; i++) {
            int count = 0;
            for (double v : x) {
                if (v == values[i]) {
                    count++;
                }
            }
            double se = Math.sqrt(probs[i] * (1 - probs[i]) / N);
            assertThat(count / (double) N).as("%s: frequency of %s", d, values[i])
                    .isCloseTo(probs[i], within(4 * se + 1e-12));
        }
    }

    @Test
    void lognormalAndCi90HitTheirPercentiles() {
        for (double[] ci : new double[][] {{6, 20}, {80000, 300000}, {0.5, 0.9}}) {
            Dist.Lognormal d = new Dist.Lognormal(ci[0], ci[1]);
            checkPercentiles(d, ci[0], ci[1]);
        }
        checkPercentiles(Dist.Normal.ofCi90(-5, 20), -5, 20);
        checkPercentiles(Dist.Normal.ofCi90(0, 1), 0, 1);
    }

    /** Each sample quantile within 4 standard errors: 10 checks at 6.3e-5, a false-failure rate below 7e-4. */
    private static void checkPercentiles(Dist d, double p5, double p95) {
        double[] x = draw(d, 5);
        InverseCdf inv = InverseCdf.of(d);
        // standard error of a sample quantile: sqrt(q(1-q)/n) / f(x_q); the density by a difference quotient
        for (double[] qv : new double[][] {{0.05, p5}, {0.95, p95}}) {
            double q = qv[0];
            double h = 1e-4;
            double density = 2 * h / (inv.at(q + h) - inv.at(q - h));
            double se = Math.sqrt(q * (1 - q) / N) / density;
            assertThat(Stats.quantile(x, q)).as("%s quantile %s", d, q).isCloseTo(qv[1], within(4 * se));
            // and the exact quantile function agrees to rounding (z = 1.6448536 is docs/model.md's constant)
            assertThat(inv.at(q)).isCloseTo(qv[1], within(1e-6 * (Math.abs(qv[1]) + p95 - p5)));
        }
    }

    @Test
    void pertAndTriangularMomentsMatchClosedForms() {
        for (double[] p : new double[][] {{9000, 12000, 16000}, {0, 0, 1}, {0.08, 0.14, 0.22}, {1, 3, 3}}) {
            Dist.Pert pert = new Dist.Pert(p[0], p[1], p[2]);
            double mu = pert.mean();
            checkMoments(pert, mu, (mu - p[0]) * (p[2] - mu) / 7);
            Dist.Triangular tri = new Dist.Triangular(p[0], p[1], p[2]);
            double a = p[0], c = p[1], b = p[2];
            checkMoments(tri, (a + b + c) / 3, (a * a + b * b + c * c - a * b - a * c - b * c) / 18);
        }
    }

    /**
     * Sample mean and variance each within 4 standard errors: 16 checks at 6.3e-5 (the variance's
     * standard error from the fourth moment, so normal to a good approximation at 100,000 draws), a
     * false-failure rate below 1.1e-3.
     */
    private static void checkMoments(Dist d, double mean, double variance) {
        double[] x = draw(d, 11);
        double m4 = 0;
        for (double v : x) {
            double e = v - mean;
            m4 += e * e * e * e;
        }
        m4 /= N;
        assertThat(Stats.mean(x)).as("mean of %s", d).isCloseTo(mean, within(4 * Math.sqrt(variance / N)));
        assertThat(Stats.variance(x)).as("variance of %s", d)
                .isCloseTo(variance, within(4 * Math.sqrt((m4 - variance * variance) / N)));
    }

    @Test
    void fixedDrawsNothingAndDegenerateFormsAreFixed() {
        UniformRandomProvider exploding = new UniformRandomProvider() {
            @Override public long nextLong() {
                throw new AssertionError("no draw expected");
            }
        };
        assertThat(Samplers.of(new Dist.Fixed(3.5), exploding).sample()).isEqualTo(3.5);
        assertThat(Samplers.of(new Dist.Discrete(new double[] {2, 7}, new double[] {0, 1}), exploding).sample())
                .isEqualTo(7);
        assertThat(Samplers.of(new Dist.Empirical(new double[] {4, 4}), exploding).sample()).isEqualTo(4);
    }

    @Test
    void validates() {
        UniformRandomProvider rng = new XoRoShiRo128PlusPlus(1, 2);
        assertThatThrownBy(() -> Samplers.of(null, rng)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Samplers.of(new Dist.Fixed(1), null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Samplers.UniformSampler.of(rng, Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Samplers.NormalSampler.of(rng, 0, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Samplers.PertSampler.of(rng, 0, 1, Double.NaN, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Samplers.BernoulliSampler.of(rng, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Samplers.FixedSampler.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Samplers.DiscreteSampler.of(rng, new double[] {1}, new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
