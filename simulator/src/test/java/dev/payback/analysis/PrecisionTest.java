package dev.payback.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payback.engine.Engine;
import dev.payback.report.SummaryJson;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PrecisionTest {

    static Scenario scenarioB() throws Exception {
        return ScenarioLoader.load(dev.payback.Shipped.path("b_consumer_goods_multichannel.yaml"), List.of(), null)
                .withRun(1, 21);
    }

    @Test
    void stopsAtTheFirstBatchBelowTheTargetDeterministically() throws Exception {
        Scenario s = scenarioB();
        Precision.Outcome one = Precision.run(s, Engine.Options.defaults().withThreads(1), 0.006, 1_000_000, null, null);
        Precision.Outcome two = Precision.run(s, Engine.Options.defaults().withThreads(2), 0.006, 1_000_000, null, null);
        assertThat(one.reached()).isTrue();
        assertThat(one.halfWidth()).isLessThan(0.006);
        int n = one.result().trials();
        assertThat(n % Precision.FIRST_BATCH).isZero();
        assertThat(Integer.bitCount(n / Precision.FIRST_BATCH)).isEqualTo(1);   // FIRST_BATCH · 2^k
        if (n > Precision.FIRST_BATCH) {   // the batch before did not meet the target
            double previous = Precision.worstHalfWidth(Engine.run(s.withRun(n / 2, s.seed()), Engine.Options.defaults()));
            assertThat(previous).isGreaterThanOrEqualTo(0.006);
        }
        assertThat(two.result().trials()).isEqualTo(n);
        byte[] a = SummaryJson.toBytes(Analysis.summarize(one.result()));
        assertThat(SummaryJson.toBytes(Analysis.summarize(two.result()))).isEqualTo(a);
        // identical to a plain run of that many trials
        assertThat(SummaryJson.toBytes(Analysis.summarize(Engine.run(s.withRun(n, s.seed()), Engine.Options.defaults()))))
                .isEqualTo(a);
    }

    @Test
    void stopsAtTheCapWhenTheTargetIsOutOfReach() throws Exception {
        Precision.Outcome o = Precision.run(scenarioB(), Engine.Options.defaults(), 1e-4, 50_000, null, null);
        assertThat(o.reached()).isFalse();
        assertThat(o.result().trials()).isEqualTo(50_000);
        assertThat(o.batches()).isEqualTo(2);   // 32,768 then the cap
    }

    @Test
    void summaryJsonHasStandardErrorsAfterTheExistingKeys() throws Exception {
        Summary s = Analysis.summarize(Engine.run(scenarioB().withRun(5_000, 4), Engine.Options.defaults()));
        JsonNode json = new ObjectMapper().readTree(SummaryJson.toBytes(s));
        List<String> keys = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys.get(keys.size() - 1)).isEqualTo("standard_errors");
        JsonNode se = json.get("standard_errors");
        for (String path : List.of("/options/orchestrate/payback_probability/12", "/options/orchestrate/npv_mean",
                "/p_best/status_quo", "/thresholds/pain_share_ge_5pct", "/verdict_probability/orchestrate")) {
            assertThat(se.at(path).isNumber()).as(path).isTrue();
        }
        // what the numbers are worth is checked against their spread across seeds, below
    }

    /** Trials per run and independent seeds of the spread tests. */
    static final int N = 8_192;
    static final int SEEDS = 40;
    /**
     * Each spread test compares the sample variance s² of an estimate over {@link #SEEDS} independent seeds
     * with the variance σ² the code claims: (SEEDS − 1)·s²/σ² is chi-squared with SEEDS − 1 degrees of
     * freedom when the claim is right (the estimates are means of 8,192 trials, so normal to a good
     * approximation). Each test's false-failure rate is ALPHA (two-sided: ALPHA/2 each side); the class runs
     * at most 16 such tests, so a correct claim fails the class with probability below 16·ALPHA = 1.6e-3
     * (Bonferroni) for an arbitrary choice of seeds. The seeds are fixed, so the outcome is reproducible.
     * The band for s/σ is about [0.59, 1.46]: a claim off by a factor of 2 or more (a z-value applied twice,
     * n for sqrt(n), a variance for a standard error) falls well outside it. The one-sided LHS test has
     * the same rate on its side.
     */
    static final double ALPHA = 1e-4;

    /** The band for s/σ: [lower, upper]. */
    static double[] band() {
        var chi2 = new org.apache.commons.math3.distribution.ChiSquaredDistribution(SEEDS - 1);
        return new double[] {Math.sqrt(chi2.inverseCumulativeProbability(ALPHA / 2) / (SEEDS - 1)),
            Math.sqrt(chi2.inverseCumulativeProbability(1 - ALPHA / 2) / (SEEDS - 1))};
    }

    /** The estimates and the claimed standard errors of every seed, by JSON path. */
    record Spread(java.util.Map<String, double[]> estimate, java.util.Map<String, double[]> claimed,
            double[] worstHalfWidth) {
        double sd(String path) {
            double[] x = estimate.get(path);
            double mean = java.util.Arrays.stream(x).average().orElseThrow();
            return Math.sqrt(java.util.Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / (x.length - 1));
        }

        double meanClaim(String path) {
            return java.util.Arrays.stream(claimed.get(path)).average().orElseThrow();
        }

        double meanEstimate(String path) {
            return java.util.Arrays.stream(estimate.get(path)).average().orElseThrow();
        }
    }

    /** The estimates whose standard errors summary.json states, for the options of scenario B. */
    static List<String> paths() {
        List<String> paths = new java.util.ArrayList<>();
        for (String o : List.of("operate", "orchestrate", "orchestrate_staged")) {
            paths.add("/options/" + o + "/npv_mean");
            for (String t : List.of("3", "6", "12")) {
                paths.add("/options/" + o + "/payback_probability/" + t);
            }
        }
        return paths;
    }

    static String estimatePath(String path) {
        return path.replace("/npv_mean", "/npv/mean");
    }

    static Spread spread(dev.payback.sampling.SamplingMethod method) throws Exception {
        java.util.Map<String, double[]> estimate = new java.util.LinkedHashMap<>();
        java.util.Map<String, double[]> claimed = new java.util.LinkedHashMap<>();
        for (String p : paths()) {
            estimate.put(p, new double[SEEDS]);
            claimed.put(p, new double[SEEDS]);
        }
        double[] worst = new double[SEEDS];
        ObjectMapper m = new ObjectMapper();
        for (int i = 0; i < SEEDS; i++) {
            var r = Engine.run(scenarioB().withRun(N, 1_000 + i), Engine.Options.defaults().withSampling(method));
            worst[i] = Precision.worstHalfWidth(r);
            JsonNode json = m.readTree(SummaryJson.toBytes(Analysis.summarize(r)));
            for (String p : paths()) {
                estimate.get(p)[i] = json.at(estimatePath(p)).asDouble();
                claimed.get(p)[i] = json.at("/standard_errors" + p).asDouble();
            }
        }
        return new Spread(estimate, claimed, worst);
    }

    /** Whether an estimate's mean lies far enough from 0 and 1 for its spread to be tested (not a 0/1 constant). */
    static boolean testable(Spread s, String p) {
        double mean = s.meanEstimate(p);
        return p.endsWith("npv_mean") || (mean * N > 100 && (1 - mean) * N > 100);
    }

    @Test
    void standardErrorsAndThePrecisionHalfWidthMatchTheSpreadOfEstimatesAcrossSeeds() throws Exception {
        Spread s = spread(dev.payback.sampling.SamplingMethod.RANDOM);
        double[] band = band();
        int tested = 0;
        String widest = null;
        for (String p : paths()) {
            if (!testable(s, p)) {
                continue;
            }
            tested++;
            double ratio = s.sd(p) / s.meanClaim(p);
            assertThat(ratio).as(p + ": sd across seeds / claimed standard error").isBetween(band[0], band[1]);
            if (!p.endsWith("npv_mean") && (widest == null || s.meanClaim(p) > s.meanClaim(widest))) {
                widest = p;
            }
        }
        assertThat(tested).isGreaterThanOrEqualTo(4);   // operate 6 and 12, orchestrate 12, staged 12
        // --precision's worst half-width is 1.96 standard errors of the least precise P(payback <= T):
        // checked against 1.96 times that estimate's spread across the seeds
        double meanWorst = java.util.Arrays.stream(s.worstHalfWidth()).average().orElseThrow();
        assertThat(meanWorst / (Precision.Z95 * s.sd(widest))).as("worst half-width vs spread of " + widest)
                .isBetween(band[0], band[1]);
    }

    @Test
    void latinHypercubeStandardErrorsAreConservative() throws Exception {
        // docs/model-notes.md: under LHS the stated standard errors are those of random sampling, an upper
        // bound; one-sided, at the same ALPHA per estimate
        Spread s = spread(dev.payback.sampling.SamplingMethod.LHS);
        var chi2 = new org.apache.commons.math3.distribution.ChiSquaredDistribution(SEEDS - 1);
        double upper = Math.sqrt(chi2.inverseCumulativeProbability(1 - ALPHA) / (SEEDS - 1));
        for (String p : paths()) {
            if (testable(s, p)) {
                assertThat(s.sd(p) / s.meanClaim(p)).as(p).isLessThanOrEqualTo(upper);
            }
        }
    }
}
