package dev.payback.analysis;

import dev.payback.engine.Engine;
import dev.payback.engine.MonthlyPaths;
import dev.payback.engine.SimulationResult;
import dev.payback.sampling.SamplingMethod;
import dev.payback.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cash flow by month and by quarter and the fan, read from the percentiles computed once per run
 * ({@link PathPercentiles}), equal bit for bit the type-7 percentiles (docs/model-notes.md) of the
 * columns written out from the kept paths and sorted: cum_m (cum_0 = −C), net_m = cum_m − cum_{m−1},
 * a quarter's net cum_to − cum_{from−1}; the fan's month 0 over the retained one-time costs. On a run
 * of scenario B (its staged strategy included) beyond both lines (2,000 trials; 700 paths kept, 900
 * rows retained: different subsets), on one thread and on two.
 */
class PathPercentilesTest {
    private static SimulationResult run;
    private static Summary summary;

    @BeforeAll
    static void run() throws Exception {
        var scenario = ScenarioLoader.load(dev.payback.Shipped.path("b_consumer_goods_multichannel.yaml"), List.of(),
                null).withRun(2_000, 3);
        run = Engine.run(scenario, new Engine.Options(2, 700, 900, SamplingMethod.RANDOM));
        summary = Analysis.summarize(run);
    }

    /** The type-7 percentile at p of the column, by sorting a copy. */
    private static double bySort(double[] column, double p) {
        double[] sorted = column.clone();
        Arrays.sort(sorted);
        return Stats.quantile(sorted, p);
    }

    /** cum_m of option k's kept trials written out, cum_0 = −C. */
    private static double[] cum(MonthlyPaths paths, int k, int m) {
        if (m > 0) {
            return paths.month(k, m).clone();
        }
        return Arrays.stream(paths.oneTime(k)).map(c -> -c).toArray();
    }

    private static double[] minus(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] - b[i];
        }
        return out;
    }

    private static void assertBand(CashFlow.Band band, double[] column, String what) {
        assertThat(bits(band.p10())).as(what + " P10").isEqualTo(bits(bySort(column, 0.10)));
        assertThat(bits(band.p50())).as(what + " P50").isEqualTo(bits(bySort(column, 0.50)));
        assertThat(bits(band.p90())).as(what + " P90").isEqualTo(bits(bySort(column, 0.90)));
    }

    private static long bits(double x) {
        return Double.doubleToRawLongBits(x);
    }

    @Test
    void theRunHasDifferentSubsetsAndAStagedStrategy() {
        assertThat(run.paths().kept()).isLessThan(run.trials()).isNotEqualTo(run.retained());
        assertThat(summary.options()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(run.paths().horizon() % 3).as("a horizon that is a multiple of 3").isZero();
    }

    @Test
    void cashFlowByMonthIsThePercentilesOfEachMonthsColumns() {
        MonthlyPaths paths = run.paths();
        CashFlow flow = CashFlow.of(run, summary);
        assertThat(flow.keptTrials()).isEqualTo(paths.kept());
        assertThat(flow.options()).hasSize(summary.options().size());
        for (int k = 0; k < flow.options().size(); k++) {
            assertThat(flow.options().get(k).id()).isEqualTo(summary.options().get(k).id());
            List<CashFlow.Period> months = flow.options().get(k).months();
            assertThat(months).hasSize(paths.horizon() + 1);
            for (int m = 0; m <= paths.horizon(); m++) {
                CashFlow.Period p = months.get(m);
                assertThat(p.fromMonth()).isEqualTo(m);
                assertThat(p.toMonth()).isEqualTo(m);
                double[] net = m == 0 ? cum(paths, k, 0) : minus(cum(paths, k, m), cum(paths, k, m - 1));
                assertBand(p.net(), net, "option " + k + " month " + m + " net");
                assertBand(p.cumulative(), cum(paths, k, m), "option " + k + " month " + m + " cum");
            }
        }
    }

    @Test
    void quartersArePercentilesOfTheQuartersSums() {
        assertQuarters(run, summary);
    }

    /** H = 37 and 38: the last quarter is months 37–37, then 37–38. */
    @Test
    void aHorizonNotAMultipleOfThreeEndsWithAShorterQuarter() throws Exception {
        assertThat(PathPercentiles.quarters(36)).isEqualTo(12);
        assertThat(PathPercentiles.quarters(1)).isEqualTo(1);
        for (int h : new int[] {37, 38}) {
            var scenario = ScenarioLoader.load(dev.payback.Shipped.path("b_consumer_goods_multichannel.yaml"),
                    List.of("horizon_months=" + h), null).withRun(600, 5);
            SimulationResult r = Engine.run(scenario, new Engine.Options(2, 400, 500, SamplingMethod.RANDOM));
            assertThat(r.paths().horizon()).isEqualTo(h);
            assertThat(PathPercentiles.quarters(h)).isEqualTo(13);
            assertQuarters(r, Analysis.summarize(r));
        }
    }

    private static void assertQuarters(SimulationResult r, Summary s) {
        MonthlyPaths paths = r.paths();
        PathPercentiles q = PathPercentiles.of(r);
        int h = paths.horizon();
        for (int k = 0; k < s.options().size(); k++) {
            List<CashFlow.Period> quarters = CashFlow.quarters(q, k);
            assertThat(quarters).hasSize(1 + (h + 2) / 3);
            assertThat(quarters.get(0).toMonth()).isZero();
            assertBand(quarters.get(0).net(), cum(paths, k, 0), "start");
            assertBand(quarters.get(0).cumulative(), cum(paths, k, 0), "start");
            for (int j = 1; j < quarters.size(); j++) {
                CashFlow.Period p = quarters.get(j);
                assertThat(p.fromMonth()).isEqualTo(3 * j - 2);
                assertThat(p.toMonth()).isEqualTo(Math.min(h, 3 * j));
                // the quarter's net per trial: the sum of its months' nets is cum_to − cum_{from−1}
                assertBand(p.net(), minus(cum(paths, k, p.toMonth()), cum(paths, k, p.fromMonth() - 1)),
                        "option " + k + " quarter " + j + " net");
                assertBand(p.cumulative(), cum(paths, k, p.toMonth()), "option " + k + " quarter " + j + " cum");
            }
        }
    }

    @Test
    void fanIsThePercentilesOfEachMonthAndOfTheRetainedOneTimeCosts() {
        MonthlyPaths paths = run.paths();
        double[] levels = {0.10, 0.25, 0.50, 0.75, 0.90};
        PathPercentiles percentiles = PathPercentiles.of(run);
        for (int k = 0; k < summary.options().size(); k++) {
            Fan fan = Fan.of(run, percentiles, k);
            assertThat(fan.keptTrials()).isEqualTo(paths.kept());
            assertThat(fan.months()).isEqualTo(paths.horizon());
            double[][] bands = {fan.p10(), fan.p25(), fan.p50(), fan.p75(), fan.p90()};
            double[] start = Arrays.stream(run.columns().option(k).oneTimeCost().toArray()).map(c -> -c).toArray();
            assertThat(start).hasSize(run.retained());
            for (int j = 0; j < levels.length; j++) {
                assertThat(bits(bands[j][0])).as("month 0 level %s", levels[j])
                        .isEqualTo(bits(bySort(start, levels[j])));
                for (int m = 1; m <= paths.horizon(); m++) {
                    assertThat(bits(bands[j][m])).as("option %d month %d level %s", k, m, levels[j])
                            .isEqualTo(bits(bySort(cum(paths, k, m), levels[j])));
                }
            }
        }
    }

    @Test
    void sameFiguresOnOneThreadAsInAPoolOfTwo() throws Exception {
        PathPercentiles inPool = new java.util.concurrent.ForkJoinPool(2).submit(() -> PathPercentiles.of(run)).get();
        PathPercentiles alone = new java.util.concurrent.ForkJoinPool(1).submit(() -> PathPercentiles.of(run)).get();
        for (int k = 0; k < alone.options(); k++) {
            assertThat(CashFlow.quarters(inPool, k)).isEqualTo(CashFlow.quarters(alone, k));
        }
        assertThat(CashFlow.of(inPool, summary)).isEqualTo(CashFlow.of(alone, summary));
    }
}
