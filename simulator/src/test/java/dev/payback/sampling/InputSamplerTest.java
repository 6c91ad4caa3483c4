package dev.payback.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.payback.scenario.Correlation;
import dev.payback.scenario.Dist;
import dev.payback.scenario.Domain;
import dev.payback.scenario.Input;
import dev.payback.scenario.InvalidInputException;
import dev.payback.scenario.Location;
import dev.payback.scenario.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputSamplerTest {

    private static final int N = 100_000;
    private static final Input RATE = in("pain.exception_rate", new Dist.Pert(0.08, 0.14, 0.22), Domain.UNIT);
    private static final Input EXCESS = in("pain.excess_inventory_value", new Dist.Lognormal(80000, 300000), Domain.NON_NEGATIVE);
    private static final Input CANCEL = in("pain.cancellation_rate", new Dist.Triangular(0.005, 0.012, 0.03), Domain.UNIT);
    private static final Input ORDERS = in("business.orders_per_month", new Dist.Pert(9000, 12000, 16000), Domain.NON_NEGATIVE);
    private static final Input MARGIN = in("business.gross_margin", new Dist.Uniform(0.35, 0.45), Domain.UNIT);
    private static final Input HOURS = Input.fixed("business.hours_per_fte_year", 2080, Domain.NON_NEGATIVE);

    private static Input in(String path, Dist d, Domain domain) {
        return new Input(path, d, domain, d.toString());
    }

    private static Correlation corr(String a, String b, double rho, int line) {
        return new Correlation(a, b, rho, new Location("s.yaml", line, 3));
    }

    /** Runs {@code trials} trials block by block; returns columns, with the clamp counts as the last row. */
    private static double[][] run(InputSampler s, long seed, int trials, long[] clamps) {
        int k = s.size();
        double[][] out = new double[k][trials];
        double[][] cols = new double[k][InputSampler.BLOCK];
        InputSampler.Worker w = s.newWorker();
        for (long b = 0; b * InputSampler.BLOCK < trials; b++) {
            int n = (int) Math.min(InputSampler.BLOCK, trials - b * InputSampler.BLOCK);
            w.fill(seed, b, n, cols, clamps);
            for (int j = 0; j < k; j++) {
                System.arraycopy(cols[j], 0, out[j], (int) (b * InputSampler.BLOCK), n);
            }
        }
        return out;
    }

    private static double[][] run(InputSampler s, long seed, int trials) {
        return run(s, seed, trials, new long[s.size()]);
    }

    private static InputSampler of(List<Input> inputs, Correlation... c) {
        try {
            return InputSampler.of(inputs, List.of(c));
        } catch (InvalidInputException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void spearmanIsAttainedBetweenPertAndLognormal() {
        for (double rho : new double[] {-0.7, -0.3, 0.3, 0.6, 0.9}) {
            InputSampler s = of(List.of(RATE, EXCESS), corr(RATE.path(), EXCESS.path(), rho, 40));
            double[][] x = run(s, 42, N);
            // Spearman's estimate has standard error below 1/sqrt(N - 1) = 0.0032, so 0.02 is over 6 of them
            // (false-failure rate below 1e-9 per check); the rest of the 0.02 is the calibration's own error
            assertThat(Stats.spearman(x[0], x[1])).as("rho %s", rho).isCloseTo(rho, within(0.02));
            if (rho == 0.9 || rho == -0.3) {
                // the marginals survive the copula: Stats.assertKolmogorovSmirnov, false-failure rate 9.9e-6 each
                Stats.assertKolmogorovSmirnov("pert marginal at rho " + rho, 42, seed -> run(s, seed, N)[0],
                        InverseCdf.of(RATE.dist())::cdf);
                Stats.assertKolmogorovSmirnov("lognormal marginal at rho " + rho, 42, seed -> run(s, seed, N)[1],
                        InverseCdf.of(EXCESS.dist())::cdf);
            }
        }
    }

    @Test
    void threeInputGroupKeepsMarginalsAndRankCorrelations() {
        List<Input> inputs = List.of(ORDERS, RATE, EXCESS, CANCEL, MARGIN);
        InputSampler s = of(inputs, corr(RATE.path(), CANCEL.path(), 0.6, 1),
                corr(EXCESS.path(), RATE.path(), 0.4, 2), corr(CANCEL.path(), EXCESS.path(), -0.2, 3));
        double[][] x = run(s, 7, N);
        assertThat(Stats.spearman(x[1], x[3])).isCloseTo(0.6, within(0.02));
        assertThat(Stats.spearman(x[2], x[1])).isCloseTo(0.4, within(0.02));
        assertThat(Stats.spearman(x[3], x[2])).isCloseTo(-0.2, within(0.02));
        // the uncorrelated inputs stay independent of the group and of each other
        assertThat(Stats.spearman(x[0], x[1])).isCloseTo(0, within(0.02));
        assertThat(Stats.spearman(x[0], x[4])).isCloseTo(0, within(0.02));
        assertThat(Stats.spearman(x[4], x[3])).isCloseTo(0, within(0.02));
        // five marginals, Stats.assertKolmogorovSmirnov each (9.9e-6): false-failure rate below 5e-5
        for (int k = 0; k < inputs.size(); k++) {
            int column = k;
            Stats.assertKolmogorovSmirnov("marginal of " + inputs.get(k).path(), 7, seed -> run(s, seed, N)[column],
                    InverseCdf.of(inputs.get(k).dist())::cdf);
        }
    }

    @Test
    void sameSeedAndBlockGiveIdenticalColumnsOnAnyWorker() {
        InputSampler s = of(List.of(ORDERS, RATE, EXCESS, CANCEL, HOURS), corr(RATE.path(), CANCEL.path(), 0.6, 1));
        double[][] a = new double[5][InputSampler.BLOCK];
        double[][] b = new double[5][InputSampler.BLOCK];
        s.newWorker().fill(3, 17, InputSampler.BLOCK, a, new long[5]);
        InputSampler.Worker w = s.newWorker();
        w.fill(3, 16, InputSampler.BLOCK, b, new long[5]); // dirty the scratch first
        w.fill(3, 17, InputSampler.BLOCK, b, new long[5]);
        assertThat(b).isDeepEqualTo(a);
        // a shorter fill is a prefix of the full block
        double[][] c = new double[5][InputSampler.BLOCK];
        s.newWorker().fill(3, 17, 100, c, new long[5]);
        for (int k = 0; k < 5; k++) {
            assertThat(Arrays.copyOf(c[k], 100)).isEqualTo(Arrays.copyOf(a[k], 100));
        }
        assertThat(c[4]).startsWith(2080.0, 2080.0);
        // other seeds and blocks differ
        s.newWorker().fill(4, 17, InputSampler.BLOCK, c, new long[5]);
        assertThat(c[0]).isNotEqualTo(a[0]);
        assertThat(c[1]).isNotEqualTo(a[1]);
        s.newWorker().fill(3, 18, InputSampler.BLOCK, c, new long[5]);
        assertThat(c[0]).isNotEqualTo(a[0]);
        assertThat(c[1]).isNotEqualTo(a[1]);
    }

    @Test
    void otherInputsNeverChangeAColumn() {
        Correlation rc = corr(RATE.path(), CANCEL.path(), 0.6, 1);
        InputSampler full = of(List.of(ORDERS, RATE, EXCESS, CANCEL, MARGIN, HOURS), rc);
        double[][] x = run(full, 11, 5000);

        // reordered, with an extra input
        Input extra = in("pain.write_offs_per_year", new Dist.Lognormal(5000, 30000), Domain.NON_NEGATIVE);
        List<Input> shuffled = new ArrayList<>(List.of(HOURS, MARGIN, CANCEL, extra, EXCESS, RATE, ORDERS));
        InputSampler other = of(shuffled, rc);
        double[][] y = run(other, 11, 5000);
        assertThat(y[6]).isEqualTo(x[0]);  // orders
        assertThat(y[5]).isEqualTo(x[1]);  // rate (correlated)
        assertThat(y[4]).isEqualTo(x[2]);  // excess
        assertThat(y[2]).isEqualTo(x[3]);  // cancellation (correlated)
        assertThat(y[1]).isEqualTo(x[4]);  // margin

        // removed inputs, and the correlation written the other way round
        InputSampler few = of(List.of(CANCEL, RATE), corr(CANCEL.path(), RATE.path(), 0.6, 9));
        double[][] z = run(few, 11, 5000);
        assertThat(z[1]).isEqualTo(x[1]);
        assertThat(z[0]).isEqualTo(x[3]);
        InputSampler alone = of(List.of(MARGIN));
        assertThat(run(alone, 11, 5000)[0]).isEqualTo(x[4]);

        // reversing the whole list changes nothing either
        List<Input> reversed = new ArrayList<>(full.inputs());
        Collections.reverse(reversed);
        double[][] r = run(of(reversed, rc), 11, 5000);
        for (int k = 0; k < 6; k++) {
            assertThat(r[5 - k]).isEqualTo(x[k]);
        }
    }

    @Test
    void streamsOfDifferentPathsAreIndependent() {
        Dist d = new Dist.Uniform(0, 1);
        InputSampler s = of(List.of(in("options.a.effects.exception_rate", d, Domain.UNIT),
                in("options.b.effects.exception_rate", d, Domain.UNIT)));
        double[][] x = run(s, 1, N);
        assertThat(x[0]).isNotEqualTo(x[1]);
        assertThat(Stats.spearman(x[0], x[1])).isCloseTo(0, within(0.02));
        // consecutive blocks of one input are not shifted copies of each other
        assertThat(Arrays.copyOfRange(x[0], 0, 10)).isNotEqualTo(Arrays.copyOfRange(x[0], 2048, 2058));
        assertThat(InputSampler.streamKey("pain.x")).isEqualTo(Streams.streamKey("pain.x"))
                .isNotEqualTo(Streams.streamKey("pain.y"));
        // FNV-1a of the empty string is the offset basis
        assertThat(Streams.streamKey("")).isEqualTo(0xcbf29ce484222325L);
    }

    @Test
    void clampsIntoTheDomainAndCounts() {
        Input rate = in("pain.exception_rate", new Dist.Normal(0.05, 0.05), Domain.UNIT);
        InputSampler s = of(List.of(rate, ORDERS));
        long[] clamps = new long[2];
        double[][] x = run(s, 5, N, clamps);
        double p = StdNormal.cdf(-1); // P(draw < 0); P(draw > 1) is ~1e-79
        double se = Math.sqrt(p * (1 - p) / N);
        // two checks within 4 standard errors: false-failure rate 1.3e-4
        assertThat(clamps[0] / (double) N).isCloseTo(p, within(4 * se));
        assertThat(clamps[1]).isZero();
        long zeros = Arrays.stream(x[0]).filter(v -> v == 0.0).count();
        assertThat(zeros).isEqualTo(clamps[0]);
        assertThat(Arrays.stream(x[0]).allMatch(v -> v >= 0 && v <= 1)).isTrue();

        // a correlated input is clamped the same way
        Input other = in("pain.cancellation_rate", new Dist.Pert(0.005, 0.012, 0.03), Domain.UNIT);
        InputSampler g = of(List.of(rate, other), corr(rate.path(), other.path(), 0.5, 1));
        long[] gc = new long[2];
        double[][] y = run(g, 5, N, gc);
        assertThat(gc[0] / (double) N).isCloseTo(p, within(4 * se));
        assertThat(Arrays.stream(y[0]).filter(v -> v == 0.0).count()).isEqualTo(gc[0]);
    }

    @Test
    void nonPositiveDefiniteMatrixIsRejectedNamingThePairs() {
        Input a = RATE;
        Input b = CANCEL;
        Input c = EXCESS;
        // the Spearman matrix (equicorrelation -0.499) is positive definite, but r = 2 sin(pi rho / 6)
        // = -0.5166 is not: an equicorrelation of three must exceed -1/2
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> InputSampler.of(List.of(a, b, c, ORDERS), List.of(corr(a.path(), b.path(), -0.499, 50),
                        corr(b.path(), c.path(), -0.499, 51), corr(a.path(), c.path(), -0.499, 52))));
        assertThat(e).isNotNull();
        assertThat(e.problems()).hasSize(1);
        Problem p = e.problems().get(0);
        assertThat(p.location()).isEqualTo(new Location("s.yaml", 50, 3));
        assertThat(p.path()).isEqualTo("correlations");
        assertThat(p.message()).contains("not positive definite")
                .contains(a.path() + " ~ " + b.path()).contains(b.path() + " ~ " + c.path())
                .contains(a.path() + " ~ " + c.path());
        assertThat(p.suggestion()).contains("weaken");

        // and the same group at -0.45 is fine
        of(List.of(a, b, c), corr(a.path(), b.path(), -0.45, 50), corr(b.path(), c.path(), -0.45, 51),
                corr(a.path(), c.path(), -0.45, 52));
    }

    @Test
    void badCorrelationsAreProblems() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> InputSampler.of(List.of(RATE, HOURS, CANCEL), List.of(
                        corr(RATE.path(), "pain.nope", 0.3, 1),
                        corr(RATE.path(), HOURS.path(), 0.3, 2),
                        corr(RATE.path(), CANCEL.path(), 0.3, 3),
                        corr(CANCEL.path(), RATE.path(), 0.2, 4))));
        assertThat(e.problems()).extracting(pr -> pr.location().line()).containsExactly(1, 2, 4);
        assertThat(e.problems().get(0).message()).contains("pain.nope");
        assertThat(e.problems().get(1).message()).contains("fixed");
        assertThat(e.problems().get(2).message()).contains("twice");
        assertThatThrownBy(() -> InputSampler.of(List.of(RATE, RATE), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fillValidatesAndHandlesEveryForm() {
        List<Input> inputs = List.of(HOURS,
                in("events.x.probability", new Dist.Bernoulli(0.3), Domain.UNIT),
                in("business.channels_mix", new Dist.Discrete(new double[] {1, 2, 3}, new double[] {1, 1, 2}), Domain.NON_NEGATIVE),
                in("pain.observed", new Dist.Empirical(new double[] {3, 4, 9}), Domain.NON_NEGATIVE),
                in("business.aov", new Dist.Normal(45, 5), Domain.NON_NEGATIVE));
        InputSampler s = of(inputs, corr("business.channels_mix", "business.aov", 0.5, 1));
        assertThat(s.size()).isEqualTo(5);
        assertThat(s.inputs()).isEqualTo(inputs);
        double[][] x = run(s, 1, 10_000);
        assertThat(x[0]).containsOnly(2080.0);
        assertThat(x[1]).containsOnly(0.0, 1.0);
        assertThat(x[2]).containsOnly(1.0, 2.0, 3.0);
        assertThat(x[3]).containsOnly(3.0, 4.0, 9.0);
        assertThat(Stats.mean(x[2])).isCloseTo(2.25, within(0.04));
        InputSampler.Worker w = s.newWorker();
        double[][] cols = new double[5][InputSampler.BLOCK];
        assertThatThrownBy(() -> w.fill(1, 0, InputSampler.BLOCK + 1, cols, new long[5]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.fill(1, -1, 1, cols, new long[5])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.fill(1, 0, 1, new double[4][], new long[5])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allocatesNothingPerTrial() {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        if (!(bean instanceof com.sun.management.ThreadMXBean mx) || !mx.isThreadAllocatedMemorySupported()) {
            return;
        }
        InputSampler s = of(List.of(ORDERS, RATE, EXCESS, CANCEL, MARGIN, HOURS,
                in("d", new Dist.Discrete(new double[] {1, 2}, new double[] {1, 3}), Domain.NON_NEGATIVE)),
                corr(RATE.path(), CANCEL.path(), 0.6, 1), corr(EXCESS.path(), CANCEL.path(), 0.3, 2));
        InputSampler.Worker w = s.newWorker();
        double[][] cols = new double[7][InputSampler.BLOCK];
        long[] clamps = new long[7];
        for (int i = 0; i < 300; i++) { // warm up
            w.fill(1, i, InputSampler.BLOCK, cols, clamps);
        }
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 50; i++) {
            w.fill(1, i, 8, cols, clamps);
        }
        long small = mx.getThreadAllocatedBytes(tid) - before;
        before = mx.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 50; i++) {
            w.fill(1, i, InputSampler.BLOCK, cols, clamps);
        }
        long full = mx.getThreadAllocatedBytes(tid) - before;
        // the per-block allocation (generators, sampler copies) does not grow with the trials drawn
        assertThat(full).isLessThanOrEqualTo(small + 4096);
    }
}
