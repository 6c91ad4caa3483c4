package dev.payback.sampling;

import dev.payback.scenario.Dist;
import dev.payback.scenario.Domain;
import dev.payback.scenario.Input;
import dev.payback.scenario.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Fills a gap of InputSamplerTest (which checks the lower tail of a rate): the clamp count at the
 * upper bound and at both bounds against the analytic tail mass, at 100,000 draws.
 */
class ClampingTailTest {
    static final int N = 100_000;

    static long[] clamps(Dist d, Domain domain, long seed) throws InvalidInputException {
        InputSampler s = InputSampler.of(List.of(new Input("pain.exception_rate", d, domain, d.toString())), List.of());
        long[] clamps = new long[1];
        double[][] cols = new double[1][InputSampler.BLOCK];
        InputSampler.Worker w = s.newWorker();
        for (long b = 0; b * InputSampler.BLOCK < N; b++) {
            int n = (int) Math.min(InputSampler.BLOCK, N - b * InputSampler.BLOCK);
            w.fill(seed, b, n, cols, clamps);
            for (int t = 0; t < n; t++) {
                assertThat(cols[0][t]).isBetween(0.0, 1.0);
            }
        }
        return clamps;
    }

    /** A clamp frequency within 4 standard errors of its closed form: false-failure rate 6.3e-5 per check. */
    static void matches(long count, double p) {
        double se = Math.sqrt(p * (1 - p) / N);
        assertThat(count / (double) N).isCloseTo(p, within(4 * se));
    }

    @Test
    void upperTailOfARate() throws Exception {
        // normal(0.95, 0.05) on [0, 1]: P(draw > 1) = Phi(-1); P(draw < 0) = Phi(-19), negligible
        matches(clamps(new Dist.Normal(0.95, 0.05), Domain.UNIT, 11)[0], StdNormal.cdf(-1));
    }

    @Test
    void bothTailsOfARate() throws Exception {
        // normal(0.5, 0.4) on [0, 1]: P = 2 Phi(-1.25)
        matches(clamps(new Dist.Normal(0.5, 0.4), Domain.UNIT, 12)[0], 2 * StdNormal.cdf(-1.25));
        // uniform(-0.2, 1.1): P = 0.3 / 1.3 exactly
        matches(clamps(new Dist.Uniform(-0.2, 1.1), Domain.UNIT, 13)[0], 0.3 / 1.3);
    }

    @Test
    void lognormalUpperTailAboveOne() throws Exception {
        // lognormal with p5 0.2, p95 1.25 on [0, 1]: P(draw > 1) = 1 - Phi((ln 1 - mu) / sigma)
        Dist.Lognormal d = new Dist.Lognormal(0.2, 1.25);
        matches(clamps(d, Domain.UNIT, 14)[0], StdNormal.cdf(d.mu() / d.sigma()));
    }
}
