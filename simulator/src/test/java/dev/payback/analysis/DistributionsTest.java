package dev.payback.analysis;

import dev.payback.engine.Engine;
import dev.payback.engine.SimulationResult;
import dev.payback.engine.TrialColumns;
import dev.payback.scenario.Driver;
import dev.payback.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DistributionsTest {
    /** The type-7 median of values, by a plain sort: the two middle values' mean for an even count. */
    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : s[n / 2 - 1] + 0.5 * (s[n / 2] - s[n / 2 - 1]);
    }

    /**
     * The medians the summary and the charts read without sorting the column (the FTE's money, the
     * exception rate of the five tests) are the medians of the sorted column, on a run of scenario B.
     */
    @Test
    void mediansReadWithoutSortingAreTheSortedColumnsMedians() throws Exception {
        SimulationResult r = Engine.run(ScenarioLoader.load(Path.of(dev.payback.Shipped.file(
                "b_consumer_goods_multichannel.yaml")), List.of(), null).withRun(20_000, 5),
                Engine.Options.defaults().withThreads(2));
        TrialColumns c = r.columns();
        double[] perFte = new double[c.rows()];
        int k = 0;
        for (int i = 0; i < c.rows(); i++) {
            double fte = c.painFte().get(i);
            if (fte > 0 && Double.isFinite(fte) && Double.isFinite(c.annualPain().get(i))) {
                perFte[k++] = c.annualPain().get(i) / fte;
            }
        }
        assertThat(k).isGreaterThan(1000);
        assertThat(Distributions.fteMoney(r)).isEqualTo(median(Arrays.copyOf(perFte, k)));
        Summary.FiveTest.ManualExceptions test = Analysis.headlines(r).fiveTests().stream()
                .filter(t -> t instanceof Summary.FiveTest.ManualExceptions)
                .map(t -> (Summary.FiveTest.ManualExceptions) t).findFirst().orElseThrow();
        assertThat(test.medianRate()).isEqualTo(median(r.input(Driver.EXCEPTION_RATE.path())));
    }

    /** Bins of width 1 over [0, 4]: 4.0 falls in the last (closed) bin; −1, 5 and NaN are outside. */
    @Test
    void binCountsCountEachFiniteValueInsideOnce() {
        double[] v = {-1, 0, 0.5, 1, 2.999, 3, 4, 5, Double.NaN};
        assertThat(Distributions.binCounts(v, 0, 4, 4)).containsExactly(2, 1, 1, 2);
    }

    /** Of 1, 2, 2, 3: at least 2 are three of four, at least 2.5 one, at least 0 all, at least 4 none. */
    @Test
    void shareAtLeastIsTheEmpiricalSurvivalFunction() {
        double[] sorted = {1, 2, 2, 3};
        assertThat(Distributions.shareAtLeast(sorted, 2)).isEqualTo(0.75);
        assertThat(Distributions.shareAtLeast(sorted, 2.5)).isEqualTo(0.25);
        assertThat(Distributions.shareAtLeast(sorted, 0)).isEqualTo(1.0);
        assertThat(Distributions.shareAtLeast(sorted, 4)).isEqualTo(0.0);
    }
}
