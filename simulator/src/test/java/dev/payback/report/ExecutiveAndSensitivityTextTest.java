package dev.payback.report;

import dev.payback.analysis.Analysis;
import dev.payback.analysis.Sensitivity;
import dev.payback.analysis.Summary;
import dev.payback.engine.Engine;
import dev.payback.engine.SimulationResult;
import dev.payback.scenario.ScenarioLoader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The executive summary's tension sentence (present when the option most often best by NPV is not the
 * one most likely to pay back within 12 months, absent when it is) and the "What to measure" branch
 * that lists inputs. Scenario B is the real case; the other cases are scenario B's summary with
 * P(best), the decision or the value of information changed.
 */
class ExecutiveAndSensitivityTextTest {
    static SimulationResult result;
    static Summary b;

    @BeforeAll
    static void run() throws Exception {
        result = Engine.run(ScenarioLoader.load(dev.payback.Shipped.path("b_consumer_goods_multichannel.yaml"))
                .withRun(3000, 11), Engine.Options.defaults());
        b = Analysis.summarize(result);
    }

    static Summary.OptionSummary option(Summary s, String id) {
        return s.options().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
    }

    static Summary with(Summary s, Map<String, Double> pBest, Summary.Decision decision, Sensitivity sens) {
        return new Summary(s.scenario(), s.trials(), s.seed(), s.currency(), s.horizonMonths(), s.annualizedPain(),
                s.painShareOfRevenue(), s.painFte(), s.revenue(), s.thresholds(), s.options(), pBest, decision,
                s.fiveTests(), s.inputs(), sens);
    }

    @Test
    void scenarioBHasTheTensionBetweenNpvAndFastPayback() {
        Summary.OptionSummary orch = option(b, "orchestrate");
        Summary.OptionSummary op = option(b, "operate");
        // the premise, from the numbers: orchestrate leads on P(best) and the matrix, operate pays back faster
        assertThat(b.pBest().get("orchestrate")).isGreaterThan(b.pBest().get("operate"));
        assertThat(b.decision().verdict()).isEqualTo("orchestrate");
        assertThat(op.paybackProbability().get(12)).isGreaterThan(orch.paybackProbability().get(12));
        assertThat(orch.oneTimeCost().p50()).isGreaterThan(orch.maxOneTimeCost().get(12));

        String t = HtmlReport.tension(b);
        String cur = b.currency();
        assertThat(t).startsWith("The decision matrix and the NPV both point to orchestrate (the best choice by NPV in "
                + Money.percent(b.pBest().get("orchestrate")) + " of futures, median NPV "
                + Money.compact(orch.npv().p50(), cur) + "), yet operate pays back within 12 months more often ("
                + Money.percent(op.paybackProbability().get(12)) + " of futures against "
                + Money.percent(orch.paybackProbability().get(12)) + "); orchestrate's quote median ("
                + Money.whole(orch.oneTimeCost().p50(), cur) + ") exceeds the most it can cost and still pay back "
                + "within 12 months with " + Money.percent(orch.paybackConfidence()) + " confidence ("
                + Money.whole(orch.maxOneTimeCost().get(12), cur) + ").");
        assertThat(t).endsWith("What to do, weighing the two by the scenario's payback bar, is at the top of this report.");
        List<String> exec = HtmlReport.executive(result, b);
        assertThat(exec.get(exec.size() - 1)).isEqualTo(t);

        Document page = Jsoup.parse(new String(HtmlReport.render(result, b, List.of()), StandardCharsets.UTF_8));
        assertThat(page.select("#executive-summary p").eachText()).contains(t);
    }

    @Test
    void noTensionWhenTheLeaderAlsoPaysBackFastest() {
        Map<String, Double> swapped = new HashMap<>(b.pBest());
        swapped.put("operate", b.pBest().get("orchestrate"));
        swapped.put("orchestrate", b.pBest().get("operate"));
        Summary s = with(b, swapped, b.decision(), b.sensitivity());
        assertThat(HtmlReport.tension(s)).isNull();
        assertThat(String.join(" ", HtmlReport.executive(result, s))).doesNotContain("more often", "point to");
    }

    @Test
    void scenarioAHasNoTension() throws Exception {
        SimulationResult a = Engine.run(ScenarioLoader.load(dev.payback.Shipped.path("a_apparel_single_warehouse.yaml"))
                .withRun(3000, 11), Engine.Options.defaults());
        Summary s = Analysis.summarize(a);
        // operate is most often best and also pays back within 12 months most often
        assertThat(s.pBest().get("operate")).isGreaterThan(s.pBest().get("orchestrate"));
        assertThat(option(s, "operate").paybackProbability().get(12))
                .isGreaterThan(option(s, "orchestrate").paybackProbability().get(12));
        assertThat(HtmlReport.tension(s)).isNull();
        assertThat(String.join(" ", HtmlReport.executive(a, s))).doesNotContain("more often");
    }

    @Test
    void tensionSaysSoWhenTheMatrixDisagreesWithTheNpv() {
        Summary.Decision d = b.decision();
        Summary.Decision operate = new Summary.Decision(d.score(), 0.6, 0.3, 0.1);
        Summary s = with(b, b.pBest(), operate, b.sensitivity());
        String t = HtmlReport.tension(s);
        assertThat(t).startsWith("The NPV points to orchestrate (the best choice by NPV in ")
                .contains(", but the decision matrix says operate the node, and operate pays back within 12 months "
                        + "more often (");
    }

    @Test
    void measureListsTheInputsAboveTheBarWithTheMoneyAtStake() {
        double bar = SensitivityText.measureThreshold(b);
        Sensitivity real = b.sensitivity();
        Sensitivity sens = new Sensitivity(real.byOption(), 5 * bar, List.of(
                new Sensitivity.Evppi("pain.exception_rate", 3 * bar),
                new Sensitivity.Evppi("pain.minutes_per_exception", 2 * bar),
                new Sensitivity.Evppi("business.annual_growth", bar)));
        Summary s = with(b, b.pBest(), b.decision(), sens);
        List<SensitivityText.Line> lines = SensitivityText.measureLines(s);
        List<SensitivityText.Line> items = lines.stream().filter(SensitivityText.Line::item).toList();
        assertThat(items).hasSize(2); // at the bar exactly is not above it
        assertThat(items.get(0).render(s.currency())).isEqualTo("exception rate: " + Money.compact(3 * bar,
                s.currency()) + " of expected NPV at stake");
        assertThat(items.get(1).parts().stream().filter(SensitivityText.Part::isNumber).map(SensitivityText.Part::pointer))
                .containsExactly("/value_of_information/per_input/1/evppi");

        Document page = Jsoup.parse(new String(HtmlReport.render(result, s, List.of()), StandardCharsets.UTF_8));
        Element measure = page.getElementById("measure");
        assertThat(measure.select("ul > li").eachText()).containsExactly(
                items.get(0).render(s.currency()), items.get(1).render(s.currency()));
        assertThat(measure.text()).doesNotContain("No single input");
        assertThat(ConsoleSummary.render(s)).contains("  - " + items.get(1).render(s.currency()) + "\n");
    }

    @Test
    void belowTheBarTheLargestSingleValueIsNamedWhenItIsNotNegligible() {
        double bar = SensitivityText.measureThreshold(b);
        Sensitivity real = b.sensitivity();
        Sensitivity some = new Sensitivity(real.byOption(), 5 * bar, List.of(
                new Sensitivity.Evppi("pain.exception_rate", bar / 2),
                new Sensitivity.Evppi("pain.minutes_per_exception", bar / 4)));
        String text = SensitivityText.measureLines(with(b, b.pBest(), b.decision(), some)).get(1)
                .render(b.currency());
        assertThat(text).startsWith("No single input is worth measuring first")
                .contains("The largest single value is for exception rate: " + Money.compact(bar / 2, b.currency()));

        Sensitivity none = new Sensitivity(real.byOption(), 5 * bar, List.of(
                new Sensitivity.Evppi("pain.exception_rate", bar / 1000)));
        String robust = SensitivityText.measureLines(with(b, b.pBest(), b.decision(), none)).get(1)
                .render(b.currency());
        assertThat(robust).contains("The same option is best whatever any single input turns out to be")
                .doesNotContain("largest single value");
    }

    /** EVPI exactly 0 (one option best in every future): the text does not claim several inputs matter at once. */
    @Test
    void zeroEvpiSaysNoInformationWouldChangeTheDecision() {
        Sensitivity zero = new Sensitivity(b.sensitivity().byOption(), 0,
                List.of(new Sensitivity.Evppi(b.sensitivity().evppi().get(0).input(), 0)));
        String text = SensitivityText.render(with(b, b.pBest(), b.decision(), zero));
        assertThat(text).contains("\n  No single input is worth measuring first: none has a value of information "
                + "above ").contains(". The same option is best in every simulated future, so no information, about "
                + "one input or all of them, would change the decision.\n");
        assertThat(text).doesNotContain("several inputs being uncertain at once");

        // EVPI 0 while an EVPPI comes out positive by rounding (EVPPI <= EVPI in exact arithmetic): the same
        // words, no single input named, nothing "at once"
        double bar = SensitivityText.measureThreshold(b);
        Sensitivity rounding = new Sensitivity(b.sensitivity().byOption(), 0,
                List.of(new Sensitivity.Evppi("pain.exception_rate", bar / 2)));
        String noise = SensitivityText.render(with(b, b.pBest(), b.decision(), rounding));
        assertThat(noise).contains("The same option is best in every simulated future")
                .doesNotContain("several inputs being uncertain at once").doesNotContain("largest single value");
    }

    /** When the largest single EVPPI is the whole EVPI, there is no "rest" to come from several inputs. */
    @Test
    void aSingleInputCarryingAllOfTheEvpiIsSaidSo() {
        double bar = SensitivityText.measureThreshold(b);
        Sensitivity all = new Sensitivity(b.sensitivity().byOption(), bar / 2,
                List.of(new Sensitivity.Evppi("pain.exception_rate", bar / 2)));
        String text = SensitivityText.measureLines(with(b, b.pBest(), b.decision(), all)).get(1)
                .render(b.currency());
        assertThat(text).contains("The largest single value is for exception rate: "
                + Money.compact(bar / 2, b.currency()) + ", all of the EVPI.").doesNotContain("at once");
    }
}
