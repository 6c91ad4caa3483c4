package dev.payback.engine;

import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The heap estimate that lets the CLI refuse a trial count before the run starts. */
class MemoryEstimateTest {
    static Scenario b() throws Exception {
        return ScenarioLoader.load(dev.payback.Shipped.path("b_consumer_goods_multichannel.yaml"), List.of(), null);
    }

    @Test
    void bytesPerTrialCountEveryColumnOfTheLayout() throws Exception {
        Scenario s = b();
        int columns = Layout.of(s).inputs().size();
        // every strategy (the options and their staged rollouts) has its columns; a staged one also a gate
        int options = s.strategies().size();
        int staged = options - s.options().size();
        MemoryEstimate e = MemoryEstimate.of(s, Engine.Options.defaults().withThreads(1));
        assertThat(e.bytesPerTrial()).as("columns %d, options %d", columns, options)
                .isEqualTo(8L * columns + 34 + 120 + (107L + 120) * options + 9L * staged + 33 + 4);   // 120: 3 checkpoints x 5 KPIs
        // beyond the path cap, paths cost a fixed amount: the increment is bytesPerTrial (up to the subsample)
        long cap = MonthlyPaths.DEFAULT_CAP;
        assertThat(e.bytes(cap) - e.bytes(cap - 1)).isEqualTo(e.bytesPerTrial() + 8L * options * (s.horizonMonths() + 1) + 4);
        // beyond the retention line (256 MB of rows, at least 250,000) and the bound of its random subset,
        // only the per-block partial moments grow: 24 bytes per series per block, and 8 of row offsets
        long retain = e.retainLine();
        assertThat(retain).isEqualTo(Math.max(250_000, (256L << 20) / e.bytesPerTrial()));
        long far = 2048L * 2000;
        assertThat(far).isGreaterThan(retain + 8 * (long) Math.sqrt(retain) + 100);
        assertThat(e.bytes(far) - e.bytes(far - 2048)).isEqualTo(24L * (5 + 8L * options + 2L * staged
                + 15L * (options + 1)) + 8);
        assertThat(e.bytes(retain) - e.bytes(retain - 1)).isGreaterThanOrEqualTo(e.bytesPerTrial());
    }

    @Test
    void estimateCoversTheArraysARunAllocates() throws Exception {
        Scenario s = b().withRun(5_000, 3);
        Engine.Options opts = Engine.Options.defaults().withThreads(1);
        SimulationResult r = Engine.run(s, opts);
        long actual = 0;
        for (double[] col : r.inputs()) {
            actual += 8L * col.length;
        }
        TrialColumns c = r.columns();
        actual += 8L * (c.annualPain.length + c.revenue.length + c.painShare.length + c.painFte.length)
                + c.score.length + c.best.length;
        actual += kpiBytes(c.statusQuoKpis);
        for (OptionColumns o : c.options) {
            actual += kpiBytes(o.kpis);
            actual += 8L * (o.npv.length + o.roi.length + o.firstYearCost.length + o.exceptionEffect.length
                    + o.oneTimeCost.length + o.yearOneBenefit.length + o.maxCumulativeAtBar.length)
                    + 2L * o.paybackMonth.length + o.failed.length;
            for (double[] x : o.cumulativeNet) {
                actual += 8L * x.length;
            }
            for (double[] x : o.maxCumulativeBeforeOneTime) {
                actual += 8L * x.length;
            }
        }
        for (GateColumns g : c.gates) {
            actual += 8L * g.observedReduction.length + g.outcome.length;
        }
        int strategies = s.strategies().size();
        actual += 8L * strategies * (r.paths().horizon() + 1) * r.paths().kept();
        long estimate = MemoryEstimate.of(s, opts).bytes(s.trials());
        assertThat(estimate).isGreaterThanOrEqualTo(actual);
        // and not wildly above it: the extra is the analysis copies and one block per thread
        long blocks = (s.trials() + 2047) / 2048;
        assertThat(estimate).isLessThan(actual + 41L * s.trials() + MemoryEstimate.of(s, opts).bytesPerTrial() * 2048
                + (24L * (5 + 8L * strategies + 2L * c.gates.length + 15L * (strategies + 1)) + 8) * blocks + 1);
    }

    private static long kpiBytes(KpiColumns k) {
        long bytes = 0;
        for (int j = 0; j < Kpis.MONTHS.length; j++) {
            for (int q = 0; q < Kpis.COUNT; q++) {
                bytes += 8L * k.array(j, q).length;
            }
        }
        return bytes;
    }

    @Test
    void largestTrialsWithinIsTheLargestCountThatFits() throws Exception {
        MemoryEstimate e = MemoryEstimate.of(b(), Engine.Options.defaults().withThreads(2));
        for (long available : new long[] {e.bytes(1), e.bytes(1_000) + 5, e.bytes(99_999), e.bytes(100_000),
                e.bytes(100_001) + 123, e.bytes(3_000_000) - 1, 1L << 30, 8L << 30}) {
            long n = e.largestTrialsWithin(available);
            assertThat(e.bytes(n)).as("available %d, n %d", available, n).isLessThanOrEqualTo(available);
            if (n < Integer.MAX_VALUE) {
                assertThat(e.bytes(n + 1)).as("available %d, n %d", available, n).isGreaterThan(available);
            }
        }
        assertThat(e.largestTrialsWithin(0)).isZero();
        assertThat(e.largestTrialsWithin(e.bytes(0))).isZero();
    }

    @Test
    void usableHeapKeepsAMargin() {
        assertThat(MemoryEstimate.usableHeap(2048L << 20)).isEqualTo((2048L << 20) - (2048L << 20) / 10 - (64L << 20)
                - (64L << 20));
        assertThat(MemoryEstimate.usableHeap(128L << 20)).isEqualTo((128L << 20) - (128L << 20) / 10 - (64L << 20)
                - (32L << 20));
        assertThat(MemoryEstimate.usableHeap(32L << 20)).isNegative();
    }
}
