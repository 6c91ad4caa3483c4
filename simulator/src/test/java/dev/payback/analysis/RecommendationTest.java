package dev.payback.analysis;

import dev.payback.engine.Engine;
import dev.payback.report.ConsoleSummary;
import dev.payback.report.RecommendationText;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Each branch of the recommendation rule on a scenario built for it. Every input is fixed unless
 * said otherwise, so each figure is worked out by hand.
 *
 * <p>The base business: reconciliation of H hours a week at a wage of 50 is the only pain, so the
 * status quo costs {@code H · 52/12 · 50} a month; an option with a reconciliation effect r removes
 * r of it once adopted. With 12 hours, the pain is 2,600 a month; annual cost 1,200 is 100 a month.
 */
class RecommendationTest {

    static String scenario(double hours, String decision, String options) {
        return """
                name: recommendation
                horizon_months: 36
                simulation: {trials: 2000, seed: 3}
                business:
                  orders_per_month: 1000
                  average_order_value: 100
                  gross_margin: 0.5
                  loaded_labor_cost_per_hour: 50
                pain:
                  reconciliation_hours_per_week: %s
                %s
                options:
                %s
                """.formatted(hours, decision, options);
    }

    static String option(String id, String kind, double oneTime, double implementation, double effect, String extra) {
        return """
                  - id: %s
                    kind: %s
                    one_time_cost: %s
                    annual_cost: 1200
                    implementation_months: %s
                    effects: {reconciliation_hours_per_week: %s}
                %s""".formatted(id, kind, oneTime, implementation, effect, extra);
    }

    static Summary run(String yaml) throws Exception {
        Scenario s = ScenarioLoader.parse(yaml, "test.yaml", List.of(), null);
        return Analysis.summarize(Engine.run(s, Engine.Options.defaults()));
    }

    static Summary.OptionSummary option(Summary s, String id) {
        return s.options().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
    }

    /** C = 10,000, net 2,600 − 100 = 2,500 a month from month 1: cum_m = −10,000 + 2,500 m ≥ 0 at m = 4. */
    @Test
    void buyWhenTheLeaderMeetsTheBar() throws Exception {
        Summary s = run(scenario(12, "", option("orch", "orchestrate", 10_000, 0, 1, "")));
        Recommendation r = Recommendation.of(s);
        assertThat(r.branch()).isEqualTo(Recommendation.Branch.BUY);
        assertThat(r.subject().id()).isEqualTo("orch");
        assertThat(r.subject().paybackMonth().p50()).isEqualTo(4);
        assertThat(r.subject().paybackProbabilityAtBar()).isEqualTo(1.0);
        // the ceiling for 12 months: max_{m≤12} Σ net = 12 · 2,500
        assertThat(r.subject().maxOneTimeCostAtBar()).isCloseTo(30_000, within(1e-6));
        assertThat(RecommendationText.sentence(s)).isEqualTo(
                "Buy orch: it meets the bar, payback within 12 months in at least 80% of futures.");
    }

    @Test
    void fixTheNodeWhenTheLeaderIsAnOperateOptionThatMeetsTheBar() throws Exception {
        Summary s = run(scenario(12, "", option("node", "operate", 10_000, 0, 1, "")));
        Recommendation r = Recommendation.of(s);
        assertThat(r.branch()).isEqualTo(Recommendation.Branch.FIX_NODE);
        assertThat(RecommendationText.sentence(s)).startsWith("Fix the node first with node: it meets the bar");
    }

    /**
     * C = 40,000: cum_m = −40,000 + 2,500 m ≥ 0 only at m = 16 > 12, so the bar is missed; a start
     * costing at most 12 · 2,500 = 30,000 would meet it. NPV over 36 months is positive. A second
     * option, op (C = 1,000, effect 0.2: net 520 − 100 = 420 a month, payback at month 3), meets
     * the bar with a lower NPV and is named as the alternative.
     */
    @Test
    void buyOnlyAtAPriceWhenTheQuoteMissesTheBar() throws Exception {
        Summary s = run(scenario(12, "", option("orch", "orchestrate", 40_000, 0, 1, "")
                + option("op", "operate", 1_000, 0, 0.2, "")));
        Recommendation r = Recommendation.of(s);
        assertThat(r.branch()).isEqualTo(Recommendation.Branch.BUY_AT_PRICE);
        assertThat(r.subject().id()).isEqualTo("orch");
        assertThat(r.subject().paybackMonth().p50()).isEqualTo(16);
        assertThat(r.subject().paybackProbabilityAtBar()).isZero();
        assertThat(r.subject().maxOneTimeCostAtBar()).isCloseTo(30_000, within(1e-6));
        assertThat(r.alternative().id()).isEqualTo("op");
        assertThat(option(s, "op").paybackMonth().p50()).isEqualTo(3);
        assertThat(RecommendationText.sentence(s)).isEqualTo("Buy orch only at a one-time price of at most $30,000 "
                + "(the quote's median is $40,000): at that price it meets the bar, payback within 12 months in at "
                + "least 80% of futures.");
        assertThat(RecommendationText.reasons(s)).anyMatch(t -> t.startsWith("Alternative: op meets the bar"));
    }

    /**
     * The bar follows decision.payback_months: with 3 months the same option (payback at month 4)
     * misses it, and the price that meets it is 3 · 2,500 = 7,500; with 6 months it meets it.
     */
    @Test
    void paybackMonthsMovesTheBar() throws Exception {
        Summary three = run(scenario(12, "decision: {payback_months: 3}", option("orch", "orchestrate", 10_000, 0,
                1, "")));
        Recommendation r = Recommendation.of(three);
        assertThat(r.branch()).isEqualTo(Recommendation.Branch.BUY_AT_PRICE);
        assertThat(r.subject().maxOneTimeCostAtBar()).isCloseTo(7_500, within(1e-6));
        assertThat(RecommendationText.sentence(three)).contains("at most $7,500", "payback within 90 days");
        Summary six = run(scenario(12, "decision: {payback_months: 6}", option("orch", "orchestrate", 10_000, 0, 1,
                "")));
        assertThat(Recommendation.of(six).branch()).isEqualTo(Recommendation.Branch.BUY);
        assertThat(RecommendationText.sentence(six)).contains("payback within 6 months");
    }

    /**
     * D = 12: no adoption in the first year, so net_m = −100 for m ≤ 12 and the ceiling is
     * max_{m≤12}(cum_m + C) = −100 < 0, while months 13..36 net 2,500 make the NPV positive.
     */
    @Test
    void notEvenFreeWhenTheCeilingIsNegative() throws Exception {
        Summary s = run(scenario(12, "", option("orch", "orchestrate", 10_000, 12, 1, "")));
        Recommendation r = Recommendation.of(s);
        assertThat(r.branch()).isEqualTo(Recommendation.Branch.NOT_EVEN_FREE);
        assertThat(r.subject().maxOneTimeCostAtBar()).isCloseTo(-100, within(1e-9));
        assertThat(r.subject().npv().mean()).isPositive();
        String sentence = RecommendationText.sentence(s);
        assertThat(sentence).contains("does not pay back within 12 months even if free").doesNotContain("−$");
        assertThat(String.join(" ", RecommendationText.reasons(s))).doesNotContain("−$100");
    }

    /** C = 200,000 against at most 36 · 2,500 = 90,000 of savings: every NPV is negative. */
    @Test
    void doNothingWhenNoOptionMakesMoney() throws Exception {
        Summary s = run(scenario(12, "", option("orch", "orchestrate", 200_000, 0, 1, "")));
        Recommendation r = Recommendation.of(s);
        assertThat(r.branch()).isEqualTo(Recommendation.Branch.DO_NOTHING);
        assertThat(r.subject()).isNull();
        assertThat(s.pBest().get("status_quo")).isEqualTo(1.0);
        assertThat(RecommendationText.sentence(s)).startsWith("Do nothing yet: no option is expected to make money");
    }

    /**
     * orch fails in about half the futures (failure_probability 0.5, nothing kept): success NPV is
     * about −40,000 + 8,567 · 31 > 0, failure about −43,000, so P(NPV &lt; 0) is about 0.5 and the mean
     * positive. Its twin orch_staged never fails: it leads, and the rule pilots orch.
     * (40 hours a week: pain 40 · 52/12 · 50 = 8,666.67 a month.)
     */
    @Test
    void pilotWhenTheStagedTwinLeadsOrCutsTheRisk() throws Exception {
        Summary s = run(scenario(40, "", option("orch", "orchestrate", 40_000, 0, 1,
                "    failure_probability: 0.5\n    failure_benefit_share: 0\n")
                + option("orch_staged", "orchestrate", 40_000, 0, 1, "")));
        assertThat(option(s, "orch").pNpvNegative()).isBetween(0.45, 0.55);
        assertThat(option(s, "orch_staged").pNpvNegative()).isZero();
        Recommendation r = Recommendation.of(s);
        assertThat(r.branch()).isEqualTo(Recommendation.Branch.PILOT);
        assertThat(r.subject().id()).isEqualTo("orch");
        assertThat(r.staged().id()).isEqualTo("orch_staged");
        assertThat(RecommendationText.sentence(s)).startsWith("Pilot orch first and expand only if the pilot meets "
                + "its target (orch_staged): staging cuts the chance of losing money from ");
    }

    /** Without the _staged suffix the same pair is two unrelated options: no pilot branch. */
    @Test
    void noPilotWithoutAStagedTwin() throws Exception {
        Summary s = run(scenario(40, "", option("orch", "orchestrate", 40_000, 0, 1,
                "    failure_probability: 0.5\n    failure_benefit_share: 0\n")
                + option("other", "orchestrate", 40_000, 0, 1, "")));
        assertThat(Recommendation.of(s).branch()).isNotEqualTo(Recommendation.Branch.PILOT);
    }

    @Test
    void theConsoleSaysItFirst() throws Exception {
        Summary s = run(scenario(12, "", option("orch", "orchestrate", 40_000, 0, 1, "")));
        String[] lines = ConsoleSummary.render(s).split("\n");
        // header: name, run line, blank; then the recommendation
        assertThat(lines[3]).isEqualTo("Recommendation: " + RecommendationText.sentence(s));
    }

    /**
     * Test 4 of the five tests compares the year-one benefit with the first-year cost. Pain 2,600 a
     * month (P = 31,200); an option removing 10% of it from month 7 (D = 6) removes 6 · 260 = 1,560
     * in year one against a first-year cost of 10,000 + 1,200 = 11,200: it leans operate, while the
     * whole pain still exceeds the first-year cost (the summary.json key keeps its meaning).
     */
    @Test
    void testFourComparesTheYearOneBenefitWithTheFirstYearCost() throws Exception {
        Summary s = run(scenario(12, "", option("orch", "orchestrate", 10_000, 6, 0.1, "")));
        Summary.OptionSummary o = option(s, "orch");
        assertThat(o.yearOneBenefit().p50()).isCloseTo(1_560, within(1e-6));
        assertThat(o.firstYearCost().p50()).isCloseTo(11_200, within(1e-6));
        assertThat(o.pYearOneBenefitExceedsFirstYearCost()).isZero();
        assertThat(o.pPainExceedsFirstYearCost()).isEqualTo(1.0);
        Summary.FiveTest.ErrorsCost four = (Summary.FiveTest.ErrorsCost) s.fiveTests().get(3);
        assertThat(four.number()).isEqualTo(4);
        assertThat(four.leans()).isEqualTo("operate");
        assertThat(four.yearOneBenefitP50()).isCloseTo(1_560, within(1e-6));
        assertThat(four.firstYearCostP50()).isCloseTo(11_200, within(1e-6));
        assertThat(four.pBenefitExceedsCost()).isZero();
        assertThat(dev.payback.report.FiveTestText.evidence(four, "USD")).contains("$1.6k", "$11.2k", "in 0% of futures");

        // the same option removing all of it from month 1: 12 · 2,600 = 31,200 > 11,200
        Summary all = run(scenario(12, "", option("orch", "orchestrate", 10_000, 0, 1, "")));
        assertThat(option(all, "orch").yearOneBenefit().p50()).isCloseTo(31_200, within(1e-6));
        assertThat(all.fiveTests().get(3).leans()).isEqualTo("orchestrate");
    }

    /**
     * Test 4 asks about the software: with an orchestrate option, it is that option's year-one benefit
     * against its first-year cost, even when an operate option's benefit exceeds its own cost more
     * often (docs/model-notes.md, "The five tests"). The operate option here removes all the pain from
     * month 1 for 1,000 (1,000 + 12 · 100 = 2,200 < 31,200: P = 1); the orchestrate option removes 10%
     * from month 7 (1,560 < 11,200: P = 0), so the test leans operate on the orchestrate option's evidence.
     */
    @Test
    void testFourIsAboutTheOrchestrateOptionWhenThereIsOne() throws Exception {
        Summary s = run(scenario(12, "", option("fix", "operate", 1_000, 0, 1, "")
                + option("orch", "orchestrate", 10_000, 6, 0.1, "")));
        assertThat(option(s, "fix").pYearOneBenefitExceedsFirstYearCost()).isEqualTo(1.0);
        assertThat(option(s, "orch").pYearOneBenefitExceedsFirstYearCost()).isZero();
        Summary.FiveTest.ErrorsCost four = (Summary.FiveTest.ErrorsCost) s.fiveTests().get(3);
        assertThat(four.option()).isEqualTo("orch");
        assertThat(four.leans()).isEqualTo("operate");

        // without an orchestrate option, the operate option is the evidence
        Summary only = run(scenario(12, "", option("fix", "operate", 1_000, 0, 1, "")));
        Summary.FiveTest.ErrorsCost alone = (Summary.FiveTest.ErrorsCost) only.fiveTests().get(3);
        assertThat(alone.option()).isEqualTo("fix");
        assertThat(alone.leans()).isEqualTo("orchestrate");
    }
}
