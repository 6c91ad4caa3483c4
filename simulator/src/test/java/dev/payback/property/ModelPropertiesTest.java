package dev.payback.property;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payback.analysis.Analysis;
import dev.payback.engine.Engine;
import dev.payback.engine.OptionColumns;
import dev.payback.engine.SimulationResult;
import dev.payback.report.SummaryJson;
import dev.payback.scenario.InvalidInputException;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the whole pipeline (loader → engine → analysis → summary.json) over generated
 * valid scenarios: every distribution form for many inputs, 1–3 options with random effects,
 * events, other costs, seasonality and a correlation. Each property varies one thing with the
 * same seed (common random numbers) and checks what docs/model.md implies. Each property has a fixed
 * jqwik seed, so a red run replays exactly.
 */
class ModelPropertiesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String[] STATS_ORDER = {"min", "p5", "p10", "p25", "p50", "p75", "p90", "p95", "max"};

    @Provide
    Arbitrary<GeneratedScenario> small() {
        return GeneratedScenario.scenarios(500, 2_000);
    }

    /** Several blocks of 2,048 trials, so that 4 threads really share the work. */
    @Provide
    Arbitrary<GeneratedScenario> multiBlock() {
        return GeneratedScenario.scenarios(4_100, 9_000);
    }

    static Scenario load(GeneratedScenario g, String... sets) throws InvalidInputException {
        return ScenarioLoader.parse(g.yaml(), "generated.yaml", List.of(sets), null).withRun(g.trials, g.seed % 1000);
    }

    static SimulationResult run(Scenario s, int threads) throws InvalidInputException {
        return Engine.run(s, Engine.Options.defaults().withThreads(threads));
    }

    static byte[] summary(SimulationResult r) throws IOException {
        return SummaryJson.toBytes(Analysis.summarize(r));
    }

    // ---------------------------------------------------------------------------------------------

    @Property(tries = 30, seed = "1701")
    void summaryIsFiniteWhereRequiredProbabilitiesInUnitIntervalPercentilesOrdered(
            @ForAll("small") GeneratedScenario g) throws Exception {
        JsonNode root = JSON.readTree(summary(run(load(g), 2))); // Jackson refuses NaN and Infinity tokens

        for (String key : new String[] {"annualized_pain", "revenue"}) {
            finiteStats(root.get(key), key);
        }
        for (String key : new String[] {"pain_share_of_revenue", "pain_fte"}) {
            statsMayBeInfinite(root.get(key), key); // +inf (written null) when revenue or wage is 0
        }
        finiteStats(root.at("/decision/score"), "decision.score");
        assertThat(root.at("/decision/score/min").asDouble()).isGreaterThanOrEqualTo(6);
        assertThat(root.at("/decision/score/max").asDouble()).isLessThanOrEqualTo(30);

        root.get("thresholds").properties().forEach(e -> {
            if (!e.getKey().equals("fulfillment_paths_ge_2")) {
                probability(e.getValue(), "thresholds." + e.getKey());
            }
        });
        sumsToOne(root.get("p_best"), "p_best");
        sumsToOne(root.at("/decision/verdict_probability"), "verdict_probability");
        for (JsonNode in : root.get("inputs")) {
            probability(in.get("clamped_share"), "clamped_share of " + in.get("input"));
        }

        for (String id : g.optionIds) {
            JsonNode o = root.at("/options/" + id);
            String at = "options." + id;
            finiteStats(o.get("npv"), at + ".npv");
            finiteStats(o.get("first_year_cost"), at + ".first_year_cost");
            finiteStats(o.get("one_time_cost"), at + ".one_time_cost");
            for (String m : new String[] {"3", "6", "12"}) {
                finiteStats(o.at("/cumulative_net/" + m), at + ".cumulative_net." + m);
                probability(o.at("/payback_probability/" + m), at + ".payback_probability." + m);
                assertThat(o.at("/max_one_time_cost/" + m).isNumber()).as(at + ".max_one_time_cost." + m).isTrue();
            }
            assertThat(o.at("/payback_probability/3").asDouble()).isLessThanOrEqualTo(o.at("/payback_probability/6").asDouble());
            assertThat(o.at("/payback_probability/6").asDouble()).isLessThanOrEqualTo(o.at("/payback_probability/12").asDouble());
            for (String p : new String[] {"p_no_payback", "p_npv_negative", "p_pain_exceeds_first_year_cost",
                    "payback_confidence"}) {
                probability(o.get(p), at + "." + p);
            }
            if (!o.get("roi").isNull()) {
                finiteStats(o.get("roi"), at + ".roi");
            }
            JsonNode month = o.get("payback_month");
            if (month.get("mean").isNull()) {
                month.properties().forEach(e -> assertThat(e.getValue().isNull()).as(at + ".payback_month").isTrue());
                assertThat(o.get("p_no_payback").asDouble()).isEqualTo(1.0);
            } else if (Math.round((1 - o.get("p_no_payback").asDouble()) * g.trials) == 1) {
                // one trial pays back: sd (n - 1) is undefined, so null (docs/model-notes.md, 4)
                assertThat(month.get("sd").isNull()).isTrue();
                assertThat(month.get("min")).isEqualTo(month.get("max"));
            } else {
                finiteStats(month, at + ".payback_month");
                assertThat(month.get("min").asDouble()).isGreaterThanOrEqualTo(1);
            }
        }
    }

    @Property(tries = 30, seed = "1702")
    void raisingAOneTimeCostByDeltaLowersEveryNpvByDeltaAndNeverRaisesPayback(
            @ForAll("small") GeneratedScenario g, @ForAll @IntRange(min = 0, max = 2) int optionIndex,
            @ForAll @DoubleRange(min = 0, max = 200_000) double cost,
            @ForAll @DoubleRange(min = 0.01, max = 500_000) double delta) throws Exception {
        String id = g.optionIds.get(optionIndex % g.optionIds.size());
        double c = Double.parseDouble(GeneratedScenario.num(cost));
        double d = Double.parseDouble(GeneratedScenario.num(delta));
        SimulationResult base = run(load(g, "options." + id + ".one_time_cost=" + c), 1);
        SimulationResult raised = run(load(g, "options." + id + ".one_time_cost=" + (c + d)), 1);
        int k = g.optionIds.indexOf(id);
        OptionColumns a = base.columns().option(k);
        OptionColumns b = raised.columns().option(k);
        for (int i = 0; i < g.trials; i++) {
            double scale = Math.max(Math.max(Math.abs(a.npv().get(i)), Math.abs(b.npv().get(i))), c + d);
            assertThat(a.npv().get(i) - b.npv().get(i)).as("trial %d", i).isCloseTo(d, org.assertj.core.api.Assertions.within(1e-9 * scale));
            for (int j = 0; j < OptionColumns.CHECKPOINTS.size(); j++) {
                assertThat(a.cumulativeNet(j).get(i) - b.cumulativeNet(j).get(i)).isCloseTo(d,
                        org.assertj.core.api.Assertions.within(1e-9 * Math.max(scale, Math.abs(a.cumulativeNet(j).get(i)))));
            }
            // a higher cost never pays back sooner (0 = not within the horizon)
            if (a.paybackMonth(i) == 0) {
                assertThat(b.paybackMonth(i)).as("trial %d", i).isZero();
            } else if (b.paybackMonth(i) != 0) {
                assertThat(b.paybackMonth(i)).as("trial %d", i).isGreaterThanOrEqualTo(a.paybackMonth(i));
            }
        }
        JsonNode ja = JSON.readTree(summary(base)).at("/options/" + id + "/payback_probability");
        JsonNode jb = JSON.readTree(summary(raised)).at("/options/" + id + "/payback_probability");
        for (String m : new String[] {"3", "6", "12"}) {
            assertThat(jb.get(m).asDouble()).as("P(payback <= %s)", m).isLessThanOrEqualTo(ja.get(m).asDouble());
        }
    }

    @Property(tries = 30, seed = "1703")
    void raisingAnEffectNeverLowersNpv(@ForAll("small") GeneratedScenario g,
            @ForAll @IntRange(min = 0, max = 2) int optionIndex, @ForAll int driverIndex,
            @ForAll @DoubleRange(min = 0, max = 1) double r1, @ForAll @DoubleRange(min = 0, max = 1) double r2)
            throws Exception {
        String id = g.optionIds.get(optionIndex % g.optionIds.size());
        String driver = g.driver(driverIndex);
        double lo = Double.parseDouble(GeneratedScenario.num(Math.min(r1, r2)));
        double hi = Double.parseDouble(GeneratedScenario.num(Math.max(r1, r2)));
        String path = "options." + id + ".effects." + driver + "=";
        SimulationResult weak = run(load(g, path + lo), 1);
        SimulationResult strong = run(load(g, path + hi), 1);
        int k = g.optionIds.indexOf(id);
        double[] a = weak.columns().option(k).npv().toArray();
        double[] b = strong.columns().option(k).npv().toArray();
        double sumA = 0;
        double sumB = 0;
        for (int i = 0; i < a.length; i++) {
            assertThat(b[i]).as("trial %d NPV with effect %s vs %s", i, hi, lo).isGreaterThanOrEqualTo(a[i]);
            sumA += a[i];
            sumB += b[i];
        }
        assertThat(sumB / b.length).isGreaterThanOrEqualTo(sumA / a.length);
    }

    @Property(tries = 30, seed = "1704")
    void raisingTheExceptionRateNeverLowersAnnualizedPain(@ForAll("small") GeneratedScenario g,
            @ForAll @DoubleRange(min = 0.001, max = 0.3) @Scale(4) double delta) throws Exception {
        GenDist raised = g.exceptionRate().raised(delta);
        SimulationResult base = run(load(g), 1);
        SimulationResult more = run(load(g, "pain.exception_rate=" + raised), 1);
        double[] a = base.columns().annualPain().toArray();
        double[] b = more.columns().annualPain().toArray();
        double sumA = 0;
        double sumB = 0;
        for (int i = 0; i < a.length; i++) {
            assertThat(b[i]).as("trial %d with exception_rate %s instead of %s", i, raised, g.exceptionRate())
                    .isGreaterThanOrEqualTo(a[i]);
            sumA += a[i];
            sumB += b[i];
        }
        assertThat(sumB).isGreaterThanOrEqualTo(sumA);
        double meanA = JSON.readTree(summary(base)).at("/annualized_pain/mean").asDouble();
        double meanB = JSON.readTree(summary(more)).at("/annualized_pain/mean").asDouble();
        assertThat(meanB).isGreaterThanOrEqualTo(meanA);
    }

    @Property(tries = 12, seed = "1705")
    void oneAndFourThreadsGiveByteIdenticalSummaries(@ForAll("multiBlock") GeneratedScenario g) throws Exception {
        Scenario s = load(g);
        assertThat(summary(run(s, 4))).isEqualTo(summary(run(s, 1)));
    }

    // ---------------------------------------------------------------------------------------------

    static void probability(JsonNode v, String what) {
        assertThat(v.isNumber()).as(what + " is a number: " + v).isTrue();
        assertThat(v.asDouble()).as(what).isBetween(0.0, 1.0);
    }

    static void sumsToOne(JsonNode obj, String what) {
        double sum = 0;
        for (Map.Entry<String, JsonNode> e : obj.properties()) {
            probability(e.getValue(), what + "." + e.getKey());
            sum += e.getValue().asDouble();
        }
        assertThat(sum).as(what + " sums to 1").isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
    }

    /** Every value a finite number; percentiles ordered; the mean between min and max. */
    static void finiteStats(JsonNode stats, String what) {
        assertThat(stats).as(what).isNotNull();
        stats.properties().forEach(e ->
                assertThat(e.getValue().isNumber()).as(what + "." + e.getKey() + " = " + e.getValue()).isTrue());
        ordered(stats, what);
    }

    /** Values may be null (+infinity) from some percentile upward; the finite ones are ordered. */
    static void statsMayBeInfinite(JsonNode stats, String what) {
        boolean infinite = false;
        for (String k : STATS_ORDER) {
            JsonNode v = stats.get(k);
            if (v.isNull()) {
                infinite = true;
            } else {
                assertThat(infinite).as(what + "." + k + " is finite above an infinite percentile").isFalse();
                assertThat(v.isNumber()).isTrue();
            }
        }
        if (!infinite) {
            ordered(stats, what);
        }
    }

    static void ordered(JsonNode stats, String what) {
        List<Double> values = new ArrayList<>();
        for (String k : STATS_ORDER) {
            JsonNode v = stats.get(k);
            if (!v.isNull()) {
                values.add(v.asDouble());
            }
        }
        for (int i = 1; i < values.size(); i++) {
            assertThat(values.get(i)).as(what + ": " + stats).isGreaterThanOrEqualTo(values.get(i - 1));
        }
        JsonNode mean = stats.get("mean");
        if (mean.isNumber()) {
            double min = stats.get("min").asDouble();
            double max = stats.get("max").asDouble();
            double tol = 1e-12 * Math.max(Math.abs(min), Math.abs(max));
            assertThat(mean.asDouble()).as(what + ".mean: " + stats).isBetween(min - tol, max + tol);
        }
    }
}
