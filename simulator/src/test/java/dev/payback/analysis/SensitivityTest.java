package dev.payback.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payback.engine.Engine;
import dev.payback.engine.SimulationResult;
import dev.payback.report.ConsoleSummary;
import dev.payback.report.SummaryJson;
import dev.payback.scenario.ScenarioLoader;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Spearman, tornado, EVPI and EVPPI (docs/model-notes.md, "Sensitivity and value of information"). */
class SensitivityTest {

    /**
     * One uncertain input, e = exception_rate ~ uniform[0.05, 0.25]; everything else fixed. Pain is
     * exception labor only: 10,000 orders · e · 12/60 h · 30 = 60,000·e a month. The option halves e
     * from month 1 (D = 0, R = 0) at no running cost, so with r = 0 and H = 12:
     * NPV = −54,000 + 12 · 30,000·e = 360,000·(e − 0.15), zero at e* = 0.15 (the middle of the range).
     * Mean NPV = 0, so EVPI = 360,000 · E[(e − 0.15)+] = 360,000 · (0.1²/2)/0.2 = 9,000.
     * The option's effect on expedite_share_of_exceptions is uncertain but acts on a driver that is
     * absent (0), so it cannot move NPV.
     */
    static final String ONE_INPUT = """
            name: one uncertain input
            horizon_months: 12
            discount_rate: 0
            simulation: {trials: 20000, seed: 11}
            business:
              orders_per_month: 10000
              average_order_value: 50
              gross_margin: 0.4
              loaded_labor_cost_per_hour: 30
            pain:
              exception_rate: {uniform: [0.05, 0.25]}
              minutes_per_exception: 12
            options:
              - id: fix
                kind: operate
                one_time_cost: 54000
                annual_cost: 0
                implementation_months: 0
                effects:
                  exception_rate: 0.5
                  expedite_share_of_exceptions: {uniform: [0.1, 0.9]}
            """;

    static SimulationResult run(String yaml) throws Exception {
        return Engine.run(ScenarioLoader.parse(yaml, "test.yaml", List.of(), null),
                Engine.Options.defaults().withThreads(2));
    }

    static Sensitivity.Entry entry(Sensitivity s, String option, String input) {
        return s.forOption(option).stream().filter(e -> e.input().equals(input)).findFirst().orElseThrow();
    }

    static double evppi(Sensitivity s, String input) {
        return s.evppi().stream().filter(e -> e.input().equals(input)).findFirst().orElseThrow().evppi();
    }

    @Test
    void singleUncertainInputCarriesAllTheValueOfInformation() throws Exception {
        SimulationResult r = run(ONE_INPUT);
        Sensitivity s = Sensitivity.of(r);
        int n = r.trials();
        // only the two non-fixed inputs are analysed
        assertThat(s.evppi()).extracting(Sensitivity.Evppi::input).containsExactly("pain.exception_rate",
                "options.fix.effects.expedite_share_of_exceptions");

        Sensitivity.Entry e = entry(s, "fix", "pain.exception_rate");
        assertThat(Math.abs(e.spearman())).isGreaterThan(0.99);
        // bottom decile of e ~ uniform[0.05, 0.07] → mean NPV 360,000·(0.06 − 0.15) = −32,400; top +32,400
        assertThat(e.tornadoLow()).isCloseTo(-32_400, within(400.0));
        assertThat(e.tornadoHigh()).isCloseTo(32_400, within(400.0));

        // EVPI: sd of 360,000·(e − 0.15)+ is about 12,700, so 4 standard errors at n = 20,000 ≈ 360
        // (false-failure rate 6.3e-5, two-sided normal tail beyond 4 standard errors)
        assertThat(s.evpi()).isCloseTo(9_000, within(4 * 12_700 / Math.sqrt(n)));
        // EVPPI of e: the bins (width ≈ 0.01 in e) lose only inside the bin that holds e*, at most
        // 360,000 · 0.01/4 · 1/20 = 45; the rest is the same trials, so no sampling noise between them
        assertThat(evppi(s, "pain.exception_rate")).isCloseTo(s.evpi(), within(100.0))
                .isLessThanOrEqualTo(s.evpi());
        assertThat(s.evppi().get(0).input()).isEqualTo("pain.exception_rate");
    }

    @Test
    void inputWithoutEffectHasNoSwingAndNoValueOfInformation() throws Exception {
        SimulationResult r = run(ONE_INPUT);
        Sensitivity s = Sensitivity.of(r);
        int n = r.trials();
        double sdNpv = 360_000 * 0.2 / Math.sqrt(12); // ≈ 20,785
        Sensitivity.Entry none = entry(s, "fix", "options.fix.effects.expedite_share_of_exceptions");
        // two independent decile means of NPV (n/10 trials each): 4 standard errors of their difference;
        // Spearman's estimate at independence has standard error 1/sqrt(n - 1). Each check's false-failure
        // rate is at most 6.3e-5 (normal tail beyond 4 standard errors)
        assertThat(none.swing()).isLessThan(4 * sdNpv * Math.sqrt(2.0 / (n / 10)));
        assertThat(Math.abs(none.spearman())).isLessThan(4 / Math.sqrt(n));
        // EVPPI of an irrelevant input is pure noise: each of the 20 bin means of NPV (true mean 0)
        // has standard error sdNpv/√(n/20) ≈ 660 and the estimator keeps max(0, ·) of it, about
        // 0.4 of that on average (an average over 20 bins of max(0, Z), whose own standard deviation is
        // about 0.13 of binSe); 3 standard errors is far below the 9,000 of the relevant input and some 20
        // standard deviations of the noise above its mean, so its false-failure rate is negligible
        double binSe = sdNpv / Math.sqrt(n / 20.0);
        assertThat(evppi(s, "options.fix.effects.expedite_share_of_exceptions")).isLessThan(3 * binSe);
        // the relevant input ranks first in the tornado
        assertThat(s.forOption("fix").get(0).input()).isEqualTo("pain.exception_rate");
    }

    @Test
    void clearWinnerInEveryBinMeansZeroEvppi() throws Exception {
        // one-time cost 10,000: NPV = 360,000·e − 10,000 > 0 for every e ≥ 0.05, so the option wins
        // every bin and knowing e changes nothing: EVPPI and EVPI are exactly 0
        Sensitivity s = Sensitivity.of(run(ONE_INPUT.replace("one_time_cost: 54000", "one_time_cost: 10000")));
        assertThat(s.evpi()).isZero();
        assertThat(s.evppi()).allSatisfy(e -> assertThat(e.evppi()).isZero());
    }

    @Test
    void spearmanUsesAverageRanksForTies() {
        double[] x = {3, 1, 2, 2, 5, 1, 4, 2, 9, 0};
        double[] y = {1, 2, 2, 7, 3, 3, 8, 1, 6, 5};
        Sensitivity s = Sensitivity.of(List.of("a"), new double[][] {y}, List.of("x"), List.of(x));
        assertThat(s.forOption("a").get(0).spearman())
                .isCloseTo(new SpearmansCorrelation().correlation(x, y), within(1e-12));
    }

    @Test
    void decilesBreakTiesByTrialIndex() {
        // 20 trials, x all tied except the last: the bottom decile is trials 0 and 1, the top 19 and 18
        double[] x = new double[20];
        x[19] = 1;
        double[] npv = new double[20];
        for (int i = 0; i < 20; i++) {
            npv[i] = i;
        }
        Sensitivity.Entry e = Sensitivity.of(List.of("a"), new double[][] {npv}, List.of("x"), List.of(x))
                .forOption("a").get(0);
        assertThat(e.tornadoLow()).isEqualTo(0.5);
        assertThat(e.tornadoHigh()).isEqualTo(18.5);
    }

    @Test
    void theSummarysInputPercentilesAreThoseOfASortWithOrWithoutTheSensitivity() throws Exception {
        // the summary reads the ranked inputs' P10/P50/P90 off the sensitivity's order and the others
        // (fixed or constant inputs) by an order statistic: every one must be the type-7 percentile of
        // the column sorted by Arrays.sort, and the same bits as the summary without a sensitivity
        SimulationResult r = Engine.run(ScenarioLoader.load(dev.payback.Shipped.path("b_consumer_goods_multichannel.yaml"))
                .withRun(3001, 5), Engine.Options.defaults().withThreads(2));
        Sensitivity sens = Sensitivity.of(r);
        assertThat(sens.inputPercentiles()).hasSizeGreaterThan(10);
        Summary with = Analysis.summarize(r, sens);
        Summary without = Analysis.headlines(r);
        assertThat(with.inputs()).isEqualTo(without.inputs());
        assertThat(with.fiveTests()).isEqualTo(without.fiveTests());
        List<dev.payback.scenario.Input> all = r.layout().inputs();
        for (int k = 0; k < r.layout().scenarioInputCount(); k++) {
            double[] sorted = r.inputs()[k].clone();
            java.util.Arrays.sort(sorted);
            int n = sorted.length;
            Summary.InputSummary in = with.inputs().get(k);
            assertThat(in.path()).isEqualTo(all.get(k).path());
            // n − 1 = 3000: h = 300, 1500, 2700 are integers, so each percentile is one sorted value
            assertThat(new double[] {in.p10(), in.p50(), in.p90()})
                    .containsExactly(sorted[300], sorted[1500], sorted[2700]);
            assertThat(n).isEqualTo(3001);
        }
    }

    @Test
    void summaryJsonAndConsoleCarryTheSensitivity() throws Exception {
        Summary summary = Analysis.summarize(Engine.run(
                ScenarioLoader.load(dev.payback.Shipped.path("b_consumer_goods_multichannel.yaml"))
                        .withRun(4000, 3), Engine.Options.defaults().withThreads(2)));
        JsonNode json = new ObjectMapper().readTree(SummaryJson.toBytes(summary));
        JsonNode sens = json.at("/options/orchestrate/sensitivity");
        assertThat(sens.isArray()).isTrue();
        assertThat(sens.size()).isGreaterThan(10);
        double previous = Double.POSITIVE_INFINITY;
        for (JsonNode e : sens) {
            double swing = Math.abs(e.get("tornado_high").asDouble() - e.get("tornado_low").asDouble());
            assertThat(swing).isLessThanOrEqualTo(previous);
            previous = swing;
            assertThat(e.get("input").asText()).doesNotContain("failure_draw", "occurs");
        }
        // sensitivity is appended after the existing keys
        List<String> keys = List.copyOf(iterable(json.at("/options/orchestrate").fieldNames()));
        assertThat(keys.get(keys.size() - 1)).isEqualTo("sensitivity");
        List<String> top = List.copyOf(iterable(json.fieldNames()));
        assertThat(top.subList(top.indexOf("decision"), top.size())).containsSubsequence("decision",
                "value_of_information");
        JsonNode voi = json.get("value_of_information");
        assertThat(voi.get("evpi").asDouble()).isGreaterThanOrEqualTo(0);
        for (JsonNode e : voi.get("per_input")) {
            assertThat(e.get("evppi").asDouble()).isBetween(0.0, voi.get("evpi").asDouble() + 1e-6);
        }
        String text = ConsoleSummary.render(summary);
        assertThat(text).contains("What drives the result\n  Orchestrate has the highest mean NPV", "\n  1. ",
                "What to measure before deciding", "EVPI)");
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
