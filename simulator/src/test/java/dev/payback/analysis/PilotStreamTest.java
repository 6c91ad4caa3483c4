package dev.payback.analysis;

import dev.payback.engine.Engine;
import dev.payback.engine.SimulationResult;
import dev.payback.report.pilot.PilotJson;
import dev.payback.sampling.SamplingMethod;
import dev.payback.scenario.Driver;
import dev.payback.scenario.Pilot;
import dev.payback.scenario.PilotLoader;
import dev.payback.scenario.Scenario;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Beyond the retention line the pilot's weights, ESS and weighted means, sd and shares cover every
 * trial ({@link PilotStream}, docs/model-notes.md "Scale"). The reference is a run of the same scenario
 * and seed that retains every trial: with random sampling a block's draws depend only on the seed and
 * the block index, so both runs have the same trials, and the row-based figures of the uncapped run
 * ({@link Weighted}, sorted sums) are the exact figures over every trial. Streamed and row-based sums
 * add in different orders, so they agree to rounding (relative 1e-9), not bit for bit.
 */
class PilotStreamTest {
    static final int LINE = 2_000;
    static final String MONTHS = PilotUpdateTest.month(0, 3000, 420) + PilotUpdateTest.month(1, 3000, 330)
            + PilotUpdateTest.month(2, 3000, 250) + PilotUpdateTest.month(3, 3000, 240);

    /** The payback bar at 18 months, so the verdict's bar figures are not its 12-month ones. */
    static Scenario scenario(int trials) throws Exception {
        return PilotUpdateTest.scenario(trials, "{pert: [0.08, 0.14, 0.22]}", "{pert: [1, 2, 4]}",
                "{pert: [0.25, 0.4, 0.55]}", "{pert: [40000, 60000, 90000]}", java.util.List.of("decision.payback_months=18"));
    }

    /** The pilot of {@link #MONTHS}, with an actual one-time cost so the verdict's figures at that price stream too. */
    static Pilot pilot(Scenario s) throws Exception {
        return PilotLoader.parse("option: orchestrate\nscope_share: 0.25\nactual_one_time_cost: 65000\n"
                + "success_criteria: {exception_rate_reduction: 0.3}\nmonths:\n" + MONTHS, "pilot.yaml", s);
    }

    record Run(SimulationResult result, PilotStream stream, PilotUpdate.Result update, PilotVerdict verdict) {
    }

    static Run run(Scenario s, Pilot pilot, int line, int threads) throws Exception {
        PilotStream stream = new PilotStream(s, pilot);
        SimulationResult r = Engine.run(s, new Engine.Options(threads, 100_000, line, SamplingMethod.RANDOM), null,
                stream);
        PilotUpdate.Result u = PilotUpdate.analyze(r, pilot, stream);
        return new Run(r, stream, u, PilotVerdict.of(r, pilot, u, stream));
    }

    static void close(double actual, double expected, String what) {
        assertThat(actual).as(what).isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
    }

    static void sameMoments(Stats actual, Stats expected, String what) {
        assertThat(actual.n()).as(what + " n").isEqualTo(expected.n());
        close(actual.mean(), expected.mean(), what + " mean");
        close(actual.sd(), expected.sd(), what + " sd");
        assertThat(actual.min()).as(what + " min").isEqualTo(expected.min());
        assertThat(actual.max()).as(what + " max").isEqualTo(expected.max());
    }

    /**
     * At 3× the line: ESS, percentile of the observed reduction, every weighted mean, sd, min, max and
     * share of the update (and of the verdict, at the actual price too) are those of every trial; the
     * prior's block is simulate's, key for key; the weighted percentiles come from the retained rows
     * and sit within their stated rank error of every trial's (checked at the NPV median: the weighted
     * CDF of all trials at the rows' weighted median is 0.5 within 5 · sqrt(0.25 / ESS of the rows),
     * a false failure below 1e-6).
     */
    @Test
    void beyondTheLineEveryMeanShareAndTheEssAreThoseOfEveryTrial() throws Exception {
        Scenario s = scenario(3 * LINE);
        Pilot pilot = pilot(s);
        Run capped = run(s, pilot, LINE, 2);
        Run all = run(s, pilot, 3 * LINE, 2);
        assertThat(capped.result().allRetained()).isFalse();
        assertThat(all.result().allRetained()).isTrue();
        PilotUpdate.Result c = capped.update();
        PilotUpdate.Result a = all.update();

        close(c.ess(), a.ess(), "ess");
        assertThat(c.ess()).isGreaterThan(1.5 * Weighted.effectiveSampleSize(rowWeights(capped.result(), pilot)));
        assertThat(c.percentile()).isEqualTo(a.percentile());

        Summary.OptionSummary cu = c.updated().option();
        Summary.OptionSummary au = a.updated().option();
        sameMoments(cu.npv(), au.npv(), "npv");
        sameMoments(cu.roi(), au.roi(), "roi");
        sameMoments(cu.firstYearCost(), au.firstYearCost(), "first-year cost");
        sameMoments(cu.paybackMonth(), au.paybackMonth(), "payback month");
        sameMoments(cu.oneTimeCost(), au.oneTimeCost(), "one-time cost");
        sameMoments(cu.yearOneBenefit(), au.yearOneBenefit(), "year-one benefit");
        for (Map.Entry<Integer, Stats> e : au.cumulativeNet().entrySet()) {
            sameMoments(cu.cumulativeNet().get(e.getKey()), e.getValue(), "cum " + e.getKey());
            close(cu.paybackProbability().get(e.getKey()), au.paybackProbability().get(e.getKey()),
                    "payback " + e.getKey());
        }
        close(cu.pNoPayback(), au.pNoPayback(), "no payback");
        close(cu.pNpvNegative(), au.pNpvNegative(), "npv < 0");
        close(cu.pPainExceedsFirstYearCost(), au.pPainExceedsFirstYearCost(), "pain > cost");
        close(cu.pYearOneBenefitExceedsFirstYearCost(), au.pYearOneBenefitExceedsFirstYearCost(), "year one");
        close(cu.paybackProbabilityAtBar(), au.paybackProbabilityAtBar(), "bar");
        close(c.updated().pBest(), a.updated().pBest(), "p best");
        sameMoments(c.updated().exceptionEffect(), a.updated().exceptionEffect(), "effect");
        sameMoments(c.updated().baselineExceptionRate(), a.updated().baselineExceptionRate(), "baseline");
        sameMoments(c.updated().projectedReduction(), a.updated().projectedReduction(), "projected");
        sameMoments(c.prior().projectedReduction(), a.prior().projectedReduction(), "prior projected");

        // the prior's option block is simulate's, exactly (percentiles from the same retained rows)
        Summary sim = Analysis.summarize(capped.result());
        assertThat(c.prior().option()).isEqualTo(sim.options().get(0));
        assertThat(c.prior().pBest()).isEqualTo(sim.pBest().get("orchestrate"));

        PilotVerdict cv = capped.verdict();
        PilotVerdict av = all.verdict();
        for (int o = 0; o < av.options().size(); o++) {
            PilotVerdict.OptionFigures x = cv.options().get(o);
            PilotVerdict.OptionFigures y = av.options().get(o);
            close(x.priorPBest(), y.priorPBest(), "verdict prior p best");
            close(x.updatedPBest(), y.updatedPBest(), "verdict p best");
            close(x.priorMeanNpv(), y.priorMeanNpv(), "verdict prior npv");
            close(x.updatedMeanNpv(), y.updatedMeanNpv(), "verdict npv");
            close(x.updatedPayback12(), y.updatedPayback12(), "verdict payback");
            close(x.updatedPaybackBar(), y.updatedPaybackBar(), "verdict payback at the bar");
            close(x.priorPaybackBar(), y.priorPaybackBar(), "verdict prior payback at the bar");
            close(x.updatedPNpvNegative(), y.updatedPNpvNegative(), "verdict npv < 0");
        }
        close(cv.updatedStatusQuoBest(), av.updatedStatusQuoBest(), "status quo");
        // the verdict's prior figures are simulate's, exactly, beyond the line too
        for (int o = 0; o < cv.options().size(); o++) {
            PilotVerdict.OptionFigures x = cv.options().get(o);
            Summary.OptionSummary simulated = sim.options().get(o);
            assertThat(x.priorPBest()).isEqualTo(sim.pBest().get(x.id()));
            assertThat(x.priorMeanNpv()).isEqualTo(simulated.npv().mean());
            assertThat(x.priorPayback12()).isEqualTo(simulated.paybackProbability().get(12));
            assertThat(x.priorPaybackBar()).isEqualTo(simulated.paybackProbabilityAtBar());
            assertThat(x.priorPNpvNegative()).isEqualTo(simulated.pNpvNegative());
        }
        assertThat(cv.priorStatusQuoBest()).isEqualTo(sim.pBest().get("status_quo"));
        assertThat(cv.atPrice()).isNotNull();
        close(cv.atPrice().meanNpv(), av.atPrice().meanNpv(), "npv at price");
        close(cv.atPrice().pNpvNegative(), av.atPrice().pNpvNegative(), "npv < 0 at price");
        close(cv.atPrice().payback3(), av.atPrice().payback3(), "payback 3 at price");
        close(cv.atPrice().payback12(), av.atPrice().payback12(), "payback 12 at price");
        close(cv.atPrice().priorPayback12(), av.atPrice().priorPayback12(), "prior payback 12 at price");
        close(cv.atPrice().paybackBar(), av.atPrice().paybackBar(), "payback at the bar at price");
        close(cv.atPrice().priorPaybackBar(), av.atPrice().priorPaybackBar(), "prior payback at the bar at price");
        close(cv.payback(), av.payback(), "verdict payback at the bar");
        assertThat(cv.barMonths()).isEqualTo(18);
        // the fixture's bar figures differ from its 12-month ones (else the lines above would not test the bar)
        assertThat(av.atPrice().paybackBar()).isNotEqualTo(av.atPrice().payback12());

        // weighted percentiles: the retained rows' weighted median, against every trial's weighted CDF
        double[] rowWeights = rowWeights(capped.result(), pilot);
        double rowsEss = Weighted.effectiveSampleSize(rowWeights);
        double[] w = rowWeights(all.result(), pilot);
        double[] npv = all.result().columns().option(0).npv().toArray();
        double below = 0;
        for (int i = 0; i < npv.length; i++) {
            if (npv[i] <= cu.npv().p50()) {
                below += w[i];
            }
        }
        assertThat(below).isCloseTo(0.5, within(5 * Math.sqrt(0.25 / rowsEss)));
    }

    /**
     * The ESS grows in proportion to the trials beyond the line: at 2× and 4× the line (4,000 and 8,000
     * trials, the first 4,000 shared), ESS(4×) / ESS(2×) = 2 within 5 standard errors. ESS/n estimates
     * θ = E[L]² / E[L²]; by the delta method its error over n trials is sd(ψ)/sqrt(n) with
     * ψ = 2a/b (L − a) − a²/b² (L² − b), a = E[L], b = E[L²]. With A the first 4,000 trials and B the
     * next 4,000, θ_4× ≈ (θ_A + θ_B)/2 and θ_2× = θ_A, so the ratio 2 θ_4× / θ_2× ≈ 2 + (θ_B − θ_A)/θ, whose
     * standard error is sd(ψ) · sqrt(2 / 4,000) / θ = sd(ψ) / (θ · sqrt(2,000)).
     * Both ESS equal those of every trial (the uncapped run) to rounding.
     */
    @Test
    void effectiveSampleSizeGrowsInProportionToTrialsBeyondTheLine() throws Exception {
        Pilot pilot2 = pilot(scenario(2 * LINE));
        Run two = run(scenario(2 * LINE), pilot2, LINE, 2);
        Run four = run(scenario(4 * LINE), pilot(scenario(4 * LINE)), LINE, 3);
        Run reference = run(scenario(4 * LINE), pilot(scenario(4 * LINE)), 4 * LINE, 2);
        assertThat(two.result().allRetained()).isFalse();
        assertThat(four.result().allRetained()).isFalse();
        close(four.update().ess(), reference.update().ess(), "ess at 4x");

        double[] w = rowWeights(reference.result(), pilot2);
        double a = Arrays.stream(w).average().orElseThrow();
        double b = Arrays.stream(w).map(x -> x * x).average().orElseThrow();
        double theta = a * a / b;
        double[] psi = Arrays.stream(w).map(x -> 2 * a / b * (x - a) - a * a / (b * b) * (x * x - b)).toArray();
        double se = sd(psi) / (theta * Math.sqrt(LINE)); // LINE = 2,000: halves of 2 · LINE trials
        assertThat(four.update().ess() / two.update().ess()).isCloseTo(2, within(5 * se));
        assertThat(5 * se).as("a tolerance that can tell 2 from 1").isLessThan(0.5);
    }

    /** Beyond the line the pilot's summary.json is byte-identical for 1 and 3 threads. */
    @Test
    void beyondTheLineThePilotIsByteIdenticalForAnyThreadCount() throws Exception {
        Scenario s = scenario(3 * LINE);
        Pilot pilot = pilot(s);
        Run one = run(s, pilot, LINE, 1);
        Run three = run(s, pilot, LINE, 3);
        assertThat(PilotJson.toBytes(three.update(), three.verdict())).isEqualTo(
                PilotJson.toBytes(one.update(), one.verdict()));

        // beyond the line the weighted percentiles' rows and rank error are stated; within it nothing is added
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                PilotJson.toBytes(one.update(), one.verdict())).get("pilot");
        PilotUpdate.Result u = one.update();
        assertThat(json.get("weighted_percentiles").get("rows").asInt()).isEqualTo(one.result().retained());
        assertThat(json.get("weighted_percentiles").get("rank_error_p50").asDouble())
                .isCloseTo(0.5 / Math.sqrt(u.rowsEss()), within(1e-12));
        assertThat(u.rowsEss()).isLessThan(u.ess());
        assertThat(dev.payback.report.pilot.PilotText.ess(u)).contains(String.format(java.util.Locale.ROOT,
                "Percentiles from a random %,d of them", one.result().retained()));
        Run within = run(s, pilot, 3 * LINE, 2);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                PilotJson.toBytes(within.update(), within.verdict())).get("pilot").has("weighted_percentiles")).isFalse();
        assertThat(dev.payback.report.pilot.PilotText.ess(within.update())).doesNotContain("Percentiles");
    }

    /**
     * With the stream the ESS grows with the trials beyond the line too, so the warning suggests
     * {@code trials · 2,000 / ESS} trials (rounded up to a thousand) up to the most a run can have;
     * from the rows alone, beyond the line, it cannot.
     */
    @Test
    void theEssWarningSuggestsMoreTrialsBeyondTheLineWhenEveryTrialIsWeighted() throws Exception {
        Scenario s = scenario(3 * LINE);
        SimulationResult r = run(s, pilot(s), LINE, 2).result();
        assertThat(r.allRetained()).isFalse();
        // 6,000 · 2,000 / 10 = 1,200,000
        assertThat(dev.payback.report.pilot.PilotWarnings.text(PilotUpdate.essWarning(r, 10, true))).startsWith("only 10 effective trials of 6,000 carry")
                .endsWith("run more trials (about --trials 1,200,000)");
        assertThat(dev.payback.report.pilot.PilotWarnings.text(PilotUpdate.essWarning(r, 10, false))).contains("more trials cannot fix it within the retained "
                + "trials (2,000)");
        // 6,000 · 2,000 / 0.001 = 12,000,000,000: more than a run can have
        assertThat(dev.payback.report.pilot.PilotWarnings.text(PilotUpdate.essWarning(r, 0.001, true))).contains("more trials cannot fix it (it would take over "
                + "2,147,483,647)");
    }

    /** Weighted moments merge like the sums they stand for: two halves merged equal the whole, by hand. */
    @Test
    void mergedBlocksEqualTheWholeByHand() {
        // values 1, 2, 3, 4 with likelihoods 1, 2, 3, 4 (log), split 2 + 2 on different scales
        double[] x = {1, 2, 3, 4};
        double[] logL = {Math.log(1), Math.log(2), Math.log(3), Math.log(4)};
        WeightedMoments left = WeightedMoments.of(x, logL, 2);
        WeightedMoments right = WeightedMoments.of(new double[] {3, 4}, new double[] {logL[2], logL[3]}, 2);
        WeightedMoments m = left.merge(right);
        // Σw = 10, mean = (1 + 4 + 9 + 16)/10 = 3, Σw² = 30, Σw(x−3)² = 4 + 2 + 0 + 4 = 10,
        // sd = sqrt((10/10) / (1 − 30/100)) = sqrt(1/0.7), ESS = 100/30
        assertThat(m.weightedMean()).isCloseTo(3, within(1e-15));
        assertThat(m.sd()).isCloseTo(Math.sqrt(1 / 0.7), within(1e-14));
        assertThat(m.effectiveSampleSize()).isCloseTo(100.0 / 30, within(1e-14));
        assertThat(m.n()).isEqualTo(4);
        assertThat(m.min()).isEqualTo(1);
        assertThat(m.max()).isEqualTo(4);
        // a trial of likelihood 0 and a NaN value are outside the series
        WeightedMoments none = WeightedMoments.of(new double[] {5, Double.NaN}, new double[] {Double.NEGATIVE_INFINITY,
                0}, 2);
        assertThat(none.n()).isZero();
        assertThat(m.merge(none)).isEqualTo(m);
    }

    private static double[] rowWeights(SimulationResult r, Pilot pilot) {
        double[] e = r.input(Driver.EXCEPTION_RATE.path());
        double[] ramp = r.input("options.orchestrate.ramp_months");
        return PilotUpdate.weights(PilotUpdate.logLikelihoods(pilot, e, r.columns().option(0).exceptionEffect().toArray(), ramp));
    }

    private static double sd(double[] x) {
        double mean = Arrays.stream(x).average().orElseThrow();
        double ss = Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(ss / (x.length - 1));
    }
}
