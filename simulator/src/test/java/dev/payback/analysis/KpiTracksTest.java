package dev.payback.analysis;

import dev.payback.engine.Engine;
import dev.payback.engine.KpiColumns;
import dev.payback.engine.Kpis;
import dev.payback.engine.SimulationResult;
import dev.payback.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link KpiTracks#of}: every strategy's, checkpoint's and KPI's percentiles and checklist value are the
 * type-7 percentiles of that column sorted by {@link Arrays#sort(double[])}, bit for bit, including the
 * columns equal to another (the status quo's, or the previous checkpoint's), whose percentiles are
 * taken from that one.
 */
class KpiTracksTest {

    @Test
    void everyColumnsPercentilesAreThoseOfItsSortedCopy() throws Exception {
        SimulationResult r = Engine.run(ScenarioLoader.load(dev.payback.Shipped.path("b_consumer_goods_multichannel.yaml"))
                .withRun(5000, 7), Engine.Options.defaults().withThreads(2));
        List<Summary.KpiTrack> tracks = KpiTracks.of(r);
        int[] months = Kpis.months(r.scenario().horizonMonths());
        double q = r.scenario().paybackConfidence();
        int equalToAnother = 0;
        for (int strategy = 0; strategy < tracks.size(); strategy++) {
            KpiColumns columns = strategy == 0 ? r.columns().statusQuoKpis : r.columns().option(strategy - 1).kpis;
            for (int j = 0; j < months.length; j++) {
                for (int k = 0; k < Kpis.COUNT; k++) {
                    double[] sorted = columns.column(j, k).toArray();
                    if (j > 0 && Arrays.equals(sorted, columns.column(j - 1, k).toArray())) {
                        equalToAnother++;
                    }
                    Arrays.sort(sorted);
                    Stats st = tracks.get(strategy).stats().get(months[j]).get(Kpis.NAMES.get(k));
                    for (int i = 0; i < Stats.LEVELS.length; i++) {
                        assertThat(Double.doubleToRawLongBits(st.percentile(i))).as("%d/%d/%d p%s", strategy, j, k,
                                Stats.LEVELS[i]).isEqualTo(Double.doubleToRawLongBits(
                                        OrderStatisticsPropertiesTest.typeSeven(sorted, Stats.LEVELS[i])));
                    }
                    if (strategy > 0) {
                        assertThat(tracks.get(strategy).checklist().get(months[j]).get(Kpis.NAMES.get(k)))
                                .isEqualTo(OrderStatisticsPropertiesTest.typeSeven(sorted, q));
                    }
                }
            }
        }
        // scenario B has such columns (the status quo's exception rate is the same at every checkpoint)
        assertThat(equalToAnother).isPositive();
    }
}
