package dev.payback.analysis;

import dev.payback.engine.RunStats;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link OptionFigures#kept}: the moments given, the percentiles those of the kept values, which are
 * what {@link Stats#of(double[], boolean[])} (a sort of the kept values) gives, bit for bit; with no
 * trial counted, exactly that STATS.
 */
class KeptStatsTest {

    private static double[] percentiles(Stats s) {
        double[] p = new double[Stats.LEVELS.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = s.percentile(i);
        }
        return p;
    }

    private static long[] bits(double[] v) {
        return Arrays.stream(v).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    @Test
    void percentilesOfTheKeptValuesAsASortGivesThem() {
        Random rnd = new Random(5);
        RunStats.Moments m = new RunStats.Moments(1000, 2.5, 9.0, -1, 40);
        for (int round = 0; round < 60; round++) {
            int n = round < 20 ? 1 + rnd.nextInt(40) : 1 + rnd.nextInt(30_000);
            double[] v = new double[n];
            boolean[] keep = new boolean[n];
            for (int i = 0; i < n; i++) {
                v[i] = switch (round % 4) {
                    case 0 -> 1 + rnd.nextInt(36);                         // months: heavy ties
                    case 1 -> rnd.nextGaussian();
                    case 2 -> rnd.nextInt(3) == 0 ? -0.0 : rnd.nextInt(2) * 0.0;   // zeros of both signs
                    default -> rnd.nextInt(50) == 0 ? Double.NaN : rnd.nextDouble();
                };
                keep[i] = rnd.nextInt(4) != 0;
            }
            Stats expected = Stats.of(v, keep);
            Stats s = OptionFigures.kept(m, v, keep);
            assertThat(bits(percentiles(s))).as("round %d", round).containsExactly(bits(percentiles(expected)));
            assertThat(s.n()).isEqualTo(1000);
            assertThat(s.mean()).isEqualTo(2.5);
            assertThat(s.sd()).isEqualTo(m.sd());
            assertThat(s.min()).isEqualTo(-1);
            assertThat(s.max()).isEqualTo(40);
        }
    }

    @Test
    void nothingKeptGivesNoPercentilesAndNoTrialCountedTheKeptValuesAlone() {
        double[] v = {3, 1, 2};
        Stats none = OptionFigures.kept(new RunStats.Moments(5, 1, 0, 1, 1), v, new boolean[3]);
        assertThat(Arrays.stream(percentiles(none)).allMatch(Double::isNaN)).isTrue();
        assertThat(none.n()).isEqualTo(5);
        Stats alone = OptionFigures.kept(new RunStats.Moments(0, 0, 0, 0, 0), v, new boolean[] {true, false, true});
        // the kept values 3 and 2: n 2, mean 2.5, median 2.5, min 2, max 3
        assertThat(alone).isEqualTo(Stats.of(new double[] {3, 2}));
        assertThat(alone.p50()).isEqualTo(2.5);
    }
}
