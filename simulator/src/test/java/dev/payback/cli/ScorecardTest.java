package dev.payback.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payback.scenario.ScenarioLoader;
import dev.payback.scenario.ScorecardWeights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The vendor scorecard of docs/model.md section 9: weights, scores, and the weights' validation. */
class ScorecardTest {
    /** Three options: all five dimensions scored, two of them, none. */
    static final String SCENARIO = """
            name: scorecards
            simulation: {trials: 500, seed: 1}
            business: {orders_per_month: 1000, average_order_value: 50, gross_margin: 0.4,
                       loaded_labor_cost_per_hour: 30}
            pain: {exception_rate: 0.1, minutes_per_exception: 10}
            options:
              - id: fast
                kind: orchestrate
                one_time_cost: 1000
                annual_cost: 100
                implementation_months: 1
                effects: {exception_rate: 0.3}
                scorecard: {implementation_speed: 5, integration_quality: 3, rule_flexibility: 2, reporting_depth: 4,
                            support_quality: 4}
              - id: partial
                kind: orchestrate
                one_time_cost: 1000
                annual_cost: 100
                implementation_months: 1
                scorecard: {rule_flexibility: 5, reporting_depth: 1}
              - id: none
                kind: operate
                one_time_cost: 1000
                annual_cost: 100
                implementation_months: 1
            """;

    static JsonNode simulate(Path tmp, String yaml) throws Exception {
        Path file = Files.writeString(tmp.resolve("s.yaml"), yaml);
        CliTest.Run r = CliTest.run("simulate", file.toString(), "--out", tmp.resolve("out").toString(),
                "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        return new ObjectMapper().readTree(tmp.resolve("out/summary.json").toFile());
    }

    @Test
    void defaultWeightsAreTheSeedsEmphasisOnSpeedAndSupport() {
        assertThat(ScorecardWeights.DEFAULTS.weights()).containsExactly(
                java.util.Map.entry("implementation_speed", 0.30), java.util.Map.entry("integration_quality", 0.20),
                java.util.Map.entry("rule_flexibility", 0.15), java.util.Map.entry("reporting_depth", 0.10),
                java.util.Map.entry("support_quality", 0.25));
    }

    @Test
    void scoresAreWeightedMeansUnderTheDefaultWeights(@TempDir Path tmp) throws Exception {
        JsonNode j = simulate(tmp, SCENARIO);
        // fast: 0.30·5 + 0.20·3 + 0.15·2 + 0.10·4 + 0.25·4 = 1.5 + 0.6 + 0.3 + 0.4 + 1.0 = 3.8 (Σw = 1)
        assertThat(j.at("/options/fast/scorecard_score").asDouble()).isCloseTo(3.8, within(1e-12));
        // partial scores two dimensions: (0.15·5 + 0.10·1) / (0.15 + 0.10) = 0.85 / 0.25 = 3.4
        assertThat(j.at("/options/partial/scorecard_score").asDouble()).isCloseTo(3.4, within(1e-12));
        // no scorecard: null
        assertThat(j.at("/options/none/scorecard_score").isNull()).isTrue();
        assertThat(j.at("/options/none").has("scorecard_score")).isTrue();
        assertThat(j.at("/scorecard_weights/implementation_speed").asDouble()).isEqualTo(0.30);
        assertThat(j.at("/scorecard_weights/support_quality").asDouble()).isEqualTo(0.25);
    }

    @Test
    void weightsThatDoNotSumToOneAreNormalisedAndOmittedDimensionsWeighZero(@TempDir Path tmp) throws Exception {
        JsonNode j = simulate(tmp, SCENARIO + "scorecard_weights: {implementation_speed: 3, support_quality: 1, "
                + "rule_flexibility: 0}\n");
        // fast: (3·5 + 1·4) / (3 + 1) = 19/4 = 4.75
        assertThat(j.at("/options/fast/scorecard_score").asDouble()).isCloseTo(4.75, within(1e-12));
        // partial scores only rule_flexibility (weight 0) and reporting_depth (not named: 0): no score
        assertThat(j.at("/options/partial/scorecard_score").isNull()).isTrue();
        assertThat(j.at("/options/none/scorecard_score").isNull()).isTrue();
        assertThat(j.at("/scorecard_weights/reporting_depth").asDouble()).isZero();
        assertThat(j.at("/scorecard_weights/implementation_speed").asDouble()).isEqualTo(3.0);
    }

    @Test
    void setOverridesOneWeight(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("s.yaml"), SCENARIO);
        CliTest.Run r = CliTest.run("simulate", file.toString(), "--out", tmp.resolve("out").toString(),
                "--format", "json", "--set", "scorecard_weights.reporting_depth=0.6");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(tmp.resolve("out/summary.json").toFile());
        // the whole block is {reporting_depth: 0.6}: fast scores 4, partial 1
        assertThat(j.at("/options/fast/scorecard_score").asDouble()).isCloseTo(4.0, within(1e-12));
        assertThat(j.at("/options/partial/scorecard_score").asDouble()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void aSweepOfAWeightIsRefused() {
        CliTest.Run r = CliTest.run("sweep", CliTest.SCENARIO_B, "--set-range",
                "scorecard_weights.support_quality=0..1", "--steps", "3", "--trials", "200");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("scorecard_weights.support_quality is not a model input that can be swept");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{implementation_sped: 0.3}|:26:21: scorecard_weights.implementation_sped: unknown key|did you mean implementation_speed?",
        "{support_quality: -1}|:26:38: scorecard_weights.support_quality: a weight cannot be negative, got -1|",
        "{support_quality: 0, rule_flexibility: 0}|:26:20: scorecard_weights: every weight is 0|remove scorecard_weights",
        "{support_quality: {pert: [0, 1, 2]}}|:26:38: scorecard_weights.support_quality: must be a plain number|",
        "[0.3, 0.25]|:26:20: scorecard_weights: expected a map of keys|implementation_speed",
        "{}|:26:20: scorecard_weights: no weights given|"})
    void invalidWeightsExitWith3AndOneLine(String weights, String where, String hint, @TempDir Path tmp)
            throws Exception {
        Path file = Files.writeString(tmp.resolve("bad.yaml"), SCENARIO + "scorecard_weights: " + weights + "\n");
        for (String command : List.of("simulate", "validate")) {
            CliTest.Run r = CliTest.run(command, file.toString(), "--out", tmp.resolve("o").toString());
            if (command.equals("validate")) {
                r = CliTest.run(command, file.toString());
            }
            assertThat(r.code()).as(r.err()).isEqualTo(3);
            assertThat(r.err()).contains("bad.yaml" + where).doesNotContain("\tat ", "Exception");
            if (hint != null) {
                assertThat(r.err()).contains(hint);
            }
            assertThat(r.err().lines().filter(l -> l.contains("bad.yaml:")).count()).isEqualTo(1);
        }
        assertThat(Files.exists(tmp.resolve("o/summary.json"))).isFalse();
        // the loader rejects it with the same single problem
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ScenarioLoader.load(file)))
                .isInstanceOf(dev.payback.scenario.InvalidInputException.class);
    }
}
