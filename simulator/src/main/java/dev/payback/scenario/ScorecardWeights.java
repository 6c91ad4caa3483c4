package dev.payback.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The vendor scorecard of docs/model.md section 9: the seed's five dimensions, the weights a scenario
 * gives them ({@code scorecard_weights}) and an option's weighted score. The dimension names, the
 * default weights and the scoring rule live here and nowhere else.
 *
 * @param weights dimension → weight ≥ 0, in {@link #DIMENSIONS} order; a dimension the scenario does
 *                not name weighs 0; at least one weight is above 0
 */
public record ScorecardWeights(Map<String, Double> weights) {
    /** The seed's five dimensions (section 5 of the seed, "Score the vendor on five practical dimensions"). */
    public static final List<String> DIMENSIONS = List.of("implementation_speed", "integration_quality",
            "rule_flexibility", "reporting_depth", "support_quality");

    /** docs/model.md section 9's defaults: SMBs weight implementation speed and support more heavily. */
    public static final ScorecardWeights DEFAULTS = new ScorecardWeights(Map.of(
            "implementation_speed", 0.30, "support_quality", 0.25, "integration_quality", 0.20,
            "rule_flexibility", 0.15, "reporting_depth", 0.10));

    /** Lowest and highest score of one dimension. */
    public static final int MIN_SCORE = 1;
    public static final int MAX_SCORE = 5;

    public ScorecardWeights {
        Map<String, Double> ordered = new LinkedHashMap<>();
        double total = 0;
        for (String key : weights.keySet()) {
            if (!DIMENSIONS.contains(key)) {
                throw new IllegalArgumentException("unknown scorecard dimension " + key);
            }
        }
        for (String d : DIMENSIONS) {
            double w = weights.getOrDefault(d, 0.0);
            if (!(w >= 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("scorecard weight of " + d + " must be a number >= 0");
            }
            ordered.put(d, w);
            total += w;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("scorecard weights must not all be 0");
        }
        weights = Collections.unmodifiableMap(ordered);
    }

    /** The weight of a dimension (0 when the scenario does not name it). */
    public double weight(String dimension) {
        return weights.getOrDefault(dimension, 0.0);
    }

    /**
     * An option's score: {@code Σ w_i · s_i / Σ w_i} over the dimensions the option scores. NaN
     * (summary.json null) when the option has no scorecard, or scores only dimensions of weight 0.
     */
    public double score(Map<String, Double> scorecard) {
        double num = 0;
        double den = 0;
        for (String d : DIMENSIONS) {
            Double s = scorecard.get(d);
            if (s != null) {
                num += weight(d) * s;
                den += weight(d);
            }
        }
        return den > 0 ? num / den : Double.NaN;
    }
}
