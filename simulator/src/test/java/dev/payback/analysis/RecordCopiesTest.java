package dev.payback.analysis;

import dev.payback.engine.Engine;
import dev.payback.engine.PilotPlan;
import dev.payback.report.charts.ChartImages;
import dev.payback.scenario.CorrelationCheck;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Records that hold small arrays (the analysis's, a correlation check's, a rendered chart's, a pilot
 * plan's per-design figures) copy them in and out: no caller can change a result after the fact.
 */
class RecordCopiesTest {
    @Test
    void aFanKeepsItsOwnPercentiles() {
        double[] p50 = {-10, 0, 10};
        Fan fan = new Fan(5, new double[] {-20, -5, 5}, new double[] {-15, -2, 8}, p50, new double[] {-5, 2, 12},
                new double[] {0, 5, 15});
        p50[1] = 99;
        fan.p50()[2] = 99;
        assertThat(fan.p50()).containsExactly(-10, 0, 10);
        assertThat(fan.months()).isEqualTo(2);
        assertThatThrownBy(() -> new Fan(5, new double[2], new double[3], new double[3], new double[3], new double[3]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMonthBandKeepsItsOwnPercentiles() {
        double[] prior = {0.08, 0.12, 0.18};
        PilotUpdate.MonthBand band = new PilotUpdate.MonthBand(1, prior, new double[] {0.1, 0.11, 0.12}, 0.1, true);
        prior[0] = 1;
        band.updated()[0] = 1;
        assertThat(band.prior()).containsExactly(0.08, 0.12, 0.18);
        assertThat(band.updated()).containsExactly(0.1, 0.11, 0.12);
        assertThatThrownBy(() -> new PilotUpdate.MonthBand(1, new double[2], new double[3], 0, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCorrelationCheckKeepsItsOwnMatrix() {
        double[][] m = {{1, 0.5}, {0.5, 1}};
        // [[1, r], [r, 1]] has the eigenvalues 1 - r and 1 + r
        CorrelationCheck.Result r = new CorrelationCheck.Result(List.of("a", "b"), m, 0.5, List.of(), List.of());
        m[0][1] = 0.9;
        m[1] = new double[] {0.9, 1};
        r.matrix()[0][1] = -0.9;
        r.matrix()[1] = new double[] {-0.9, 1};
        assertThat(r.matrix()).isDeepEqualTo(new double[][] {{1, 0.5}, {0.5, 1}});
        assertThat(r.positiveDefinite()).isTrue();
        // no variables: the empty matrix
        assertThat(new CorrelationCheck.Result(List.of(), new double[0][], 1, List.of(), List.of()).matrix()).isEmpty();
    }

    @Test
    void aCorrelationCheckRefusesAMatrixThatIsNotACorrelationMatrixOfItsVariables() {
        List<String> ab = List.of("a", "b");
        for (double[][] bad : new double[][][] {
            {{1, 0.5}}, // one row for two variables
            {{1, 0.5}, {0.5}}, // a row short of square
            {{1, 0.5, 0}, {0.5, 1, 0}}, // rows of three for two variables
            {{1, 0.5}, {0.5, 1}, {0, 0}}, // three rows for two variables
            {{1, 0.5}, {0.4, 1}}, // not symmetric
            {{1, 0.5}, {0.5, 0.9}}, // not 1 on the diagonal
            {{1, 1.5}, {1.5, 1}}, // beyond [-1, 1]
            {{1, Double.NaN}, {Double.NaN, 1}}}) {
            assertThatThrownBy(() -> new CorrelationCheck.Result(ab, bad, 0.5, List.of(), List.of()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new CorrelationCheck.Result(ab, new double[][] {{1, 0}, {0, 1}}, Double.NaN,
                List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRenderedChartKeepsItsOwnBytesAndHoldsAtLeastOneForm() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        byte[] svg = "<svg/>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ChartImages.Rendered r = new ChartImages.Rendered(png, svg, null);
        png[1] = 'X';
        svg[1] = 'X';
        r.png()[2] = 'X';
        r.svgFile()[2] = 'X';
        assertThat(r.png()).containsExactly((byte) 0x89, 'P', 'N', 'G');
        assertThat(r.svgFile()).containsExactly("<svg/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        // report.html alone asks for the inline element only
        ChartImages.Rendered inline = new ChartImages.Rendered(null, null, "<svg/>");
        assertThat(inline.png()).isNull();
        assertThat(inline.svgFile()).isNull();
        assertThatThrownBy(() -> new ChartImages.Rendered(null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChartImages.Rendered(new byte[0], svg, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChartImages.Rendered(png, new byte[0], null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChartImages.Rendered(null, null, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChartImages.render(null, false, null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPilotPlanKeepsItsOwnPerDesignFigures() throws Exception {
        Scenario b = ScenarioLoader.load(dev.payback.Shipped.path("b_consumer_goods_multichannel.yaml"), List.of(), null)
                .withRun(600, 3);
        PilotPlan.Result run = PilotPlan.run(b, "orchestrate",
                List.of(new PilotPlan.Design(0.25, 3, 0.30), new PilotPlan.Design(0.5, 2, 0.30)),
                Engine.Options.defaults().withThreads(1));
        long[] go = run.go();
        run.go()[0] = -1;
        run.meanNpv()[1] = Double.NaN;
        assertThat(run.go()).containsExactly(go);
        assertThat(run.meanNpv()[1]).isFinite();

        // the same figures given by hand: copied in
        double[] mean = {1, 2};
        long[] paid = {10, 20};
        long[] gos = {300, 200};
        long[] falseGo = {30, 20};
        long[] falseStop = {40, 50};
        PilotPlan.Result r = result(run, mean, paid, gos, falseGo, falseStop, run.retainedNpv());
        mean[0] = 99;
        paid[0] = 99;
        gos[0] = 99;
        falseGo[0] = 9;
        falseStop[0] = 9;
        assertThat(r.meanNpv()).containsExactly(1, 2);
        assertThat(r.paid12()).containsExactly(10, 20);
        assertThat(r.go()).containsExactly(300, 200);
        assertThat(r.falseGo()).containsExactly(30, 20);
        assertThat(r.falseStop()).containsExactly(40, 50);
        // a value for each design, counts that fit the 600 trials
        assertThatThrownBy(() -> result(run, new double[1], paid, gos, falseGo, falseStop, run.retainedNpv()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> result(run, mean, paid, new long[] {601, 0}, falseGo, falseStop, run.retainedNpv()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> result(run, mean, paid, new long[] {20, 200}, new long[] {21, 0}, falseStop,
                run.retainedNpv())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> result(run, mean, paid, new long[] {500, 200}, falseGo, new long[] {101, 0},
                run.retainedNpv())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> result(run, mean, paid, gos, falseGo, falseStop,
                new double[][] {run.retainedNpv()[0], new double[1]})).isInstanceOf(IllegalArgumentException.class);
    }

    private static PilotPlan.Result result(PilotPlan.Result r, double[] mean, long[] paid, long[] go, long[] falseGo,
            long[] falseStop, double[][] retained) {
        return new PilotPlan.Result(r.scenario(), r.optionId(), r.baseStages(), r.designs(), mean, paid, go, falseGo,
                falseStop, retained, r.bigBangMeanNpv(), r.bigBangPaid12(), r.bigBangRetainedNpv(), r.sampling());
    }
}
